/** TOTP (RFC 6238: SHA-1, 6 digits, 30 s), through the otpauth library. A code is accepted once. */
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

export const TOTP_PERIOD = 30;
const ISSUER = 'PMIS';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, username: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label: username,
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD,
  });
}

/** The otpauth:// address an authenticator app reads (from the QR code or typed). */
export function totpUri(secret: string, username: string): string {
  return totp(secret, username).toString();
}

/** The QR code of that address as inline SVG (no script, no external image). */
export async function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/**
 * The time step of a right code (one step of clock drift either way), or null. A code of a step
 * already used (`lastStep`) is refused: a code seen over a shoulder cannot be replayed.
 */
export function verifyTotp(secret: string, code: string, lastStep: number | null, now = Date.now()): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secret, 'x').validate({ token, timestamp: now, window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / TOTP_PERIOD) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}

/** The current code (tests and the enrolment check). */
export function totpCode(secret: string, now = Date.now()): string {
  return totp(secret, 'x').generate({ timestamp: now });
}
