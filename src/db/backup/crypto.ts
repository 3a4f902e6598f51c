/**
 * Encryption of backup files with a passphrase: AES-256-GCM in 64 KiB chunks (the STREAM
 * construction), key from scrypt. Only Node's own crypto (OpenSSL) is used; the format is written
 * down in docs/decisions/0005-backups.md.
 *
 *   "PMISBAK1\n" · u32 header length · header (JSON: kdf and its parameters, salt, chunk size, key check)
 *   then chunks: ciphertext (exactly `chunk` bytes, the last one 0…chunk) · 16-byte tag
 *
 * Chunk i is sealed with nonce = i (11 bytes, big-endian) · final flag (1 byte), and the whole
 * header as associated data: a reordered, dropped, truncated or appended chunk, or an edited header,
 * fails authentication. Each chunk is authenticated before a byte of it is used. The header's key
 * check tells a wrong passphrase from a damaged file.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  scrypt as scryptCb,
  timingSafeEqual,
  type ScryptOptions,
} from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

export const MAGIC = Buffer.from('PMISBAK1\n');
const TAG = 16;
const DEFAULT_CHUNK = 64 * 1024;
/** scrypt cost: 2^17 × 8 × 128 B = 128 MiB of memory, about half a second. */
const DEFAULT_KDF = { N: 2 ** 17, r: 8, p: 1 };

export type BackupErrorKind = 'not_a_backup' | 'wrong_passphrase' | 'damaged' | 'truncated';

export class BackupError extends Error {
  constructor(
    public readonly kind: BackupErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export interface Header {
  format: 1;
  cipher: 'aes-256-gcm';
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  chunk: number;
  /** HMAC-SHA256 of a fixed text under the check key (derived with the encryption key). */
  check: string;
}

function scrypt(passphrase: string, salt: Buffer, kdf: { N: number; r: number; p: number }): Promise<Buffer> {
  const opts: ScryptOptions = { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 128 * kdf.N * kdf.r * kdf.p + 16 * 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scryptCb(passphrase.normalize('NFC'), salt, 64, opts, (err, key) => {
      if (err) reject(err);
      else resolve(key);
    });
  });
}

const checkValue = (checkKey: Buffer) => createHmac('sha256', checkKey).update('pmis backup key check').digest();

function nonce(counter: bigint, final: boolean): Buffer {
  const n = Buffer.alloc(12);
  n.writeBigUInt64BE(counter, 3); // bytes 3..10; bytes 0..2 stay 0 (2^64 chunks is enough)
  n[11] = final ? 1 : 0;
  return n;
}

function headerBytes(header: Header): Buffer {
  const json = Buffer.from(JSON.stringify(header));
  const len = Buffer.alloc(4);
  len.writeUInt32BE(json.length);
  return Buffer.concat([MAGIC, len, json]);
}

/** A Transform that writes the header, then the plaintext it receives as sealed chunks. */
export async function encryptStream(
  passphrase: string,
  opts: { chunk?: number; kdf?: { N: number; r: number; p: number } } = {},
): Promise<Transform> {
  const kdf = opts.kdf ?? DEFAULT_KDF;
  const chunk = opts.chunk ?? DEFAULT_CHUNK;
  const salt = randomBytes(16);
  const keys = await scrypt(passphrase, salt, kdf);
  const key = keys.subarray(0, 32);
  const header: Header = {
    format: 1,
    cipher: 'aes-256-gcm',
    kdf: { name: 'scrypt', ...kdf, salt: salt.toString('base64') },
    chunk,
    check: checkValue(keys.subarray(32)).toString('base64'),
  };
  const aad = headerBytes(header);
  let counter = 0n;
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let headerSent = false;
  const seal = (plain: Buffer, final: boolean): Buffer => {
    const c = createCipheriv('aes-256-gcm', key, nonce(counter++, final));
    c.setAAD(aad);
    return Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
  };
  return new Transform({
    transform(data: Buffer, _enc, cb: TransformCallback) {
      if (!headerSent) {
        this.push(aad);
        headerSent = true;
      }
      pending.push(data);
      pendingLength += data.length;
      if (pendingLength > chunk) {
        let all = Buffer.concat(pending);
        // Keep at least one byte back: the last chunk must be sealed as final.
        while (all.length > chunk) {
          this.push(seal(all.subarray(0, chunk), false));
          all = all.subarray(chunk);
        }
        pending = [all];
        pendingLength = all.length;
      }
      cb();
    },
    flush(cb: TransformCallback) {
      if (!headerSent) {
        this.push(aad);
        headerSent = true;
      }
      this.push(seal(Buffer.concat(pending), true));
      cb();
    },
  });
}

/** Read and check the header at the start of `head` (at least its first bytes); returns its length. */
export function parseHeader(head: Buffer): { header: Header; length: number } | null {
  if (head.length < MAGIC.length + 4) return null;
  if (!head.subarray(0, MAGIC.length).equals(MAGIC))
    throw new BackupError('not_a_backup', 'This file is not a pmis backup.');
  const len = head.readUInt32BE(MAGIC.length);
  if (len > 64 * 1024) throw new BackupError('not_a_backup', 'This file is not a pmis backup (header too long).');
  const total = MAGIC.length + 4 + len;
  if (head.length < total) return null;
  let header: Header;
  try {
    header = JSON.parse(head.subarray(MAGIC.length + 4, total).toString('utf8')) as Header;
  } catch {
    throw new BackupError('damaged', 'The backup header is damaged.');
  }
  if (
    header.format !== 1 ||
    header.cipher !== 'aes-256-gcm' ||
    header.kdf?.name !== 'scrypt' ||
    !(header.chunk > 0 && header.chunk <= 16 * 1024 * 1024)
  ) {
    throw new BackupError('not_a_backup', 'Unknown backup format (made by a newer pmis?).');
  }
  const { N, r, p } = header.kdf;
  if (!(N >= 2 ** 10 && N <= 2 ** 22 && r >= 1 && r <= 32 && p >= 1 && p <= 16))
    throw new BackupError('damaged', 'The backup header has impossible key parameters.');
  return { header, length: total };
}

/**
 * A Transform that takes the whole file (header included) and gives the plaintext, each chunk
 * authenticated before it is passed on. Fails with a BackupError on a wrong passphrase, a damaged
 * or a truncated file.
 */
export function decryptStream(passphrase: string): Transform {
  let head: Buffer | null = Buffer.alloc(0);
  let key: Buffer | null = null;
  let aad: Buffer = Buffer.alloc(0);
  let chunk = 0;
  let counter = 0n;
  let buf: Buffer = Buffer.alloc(0);
  const open = (sealed: Buffer, final: boolean): Buffer => {
    const d = createDecipheriv('aes-256-gcm', key!, nonce(counter, final));
    d.setAAD(aad);
    d.setAuthTag(sealed.subarray(sealed.length - TAG));
    try {
      const out = Buffer.concat([d.update(sealed.subarray(0, sealed.length - TAG)), d.final()]);
      counter++;
      return out;
    } catch {
      throw new BackupError('damaged', `The backup is damaged or was altered (chunk ${counter} fails authentication).`);
    }
  };
  return new Transform({
    transform(data: Buffer, _enc, cb: TransformCallback) {
      (async () => {
        if (head) {
          head = Buffer.concat([head, data]);
          const parsed = parseHeader(head);
          if (!parsed) return;
          aad = head.subarray(0, parsed.length);
          chunk = parsed.header.chunk;
          const keys = await scrypt(passphrase, Buffer.from(parsed.header.kdf.salt, 'base64'), parsed.header.kdf);
          const expected = Buffer.from(parsed.header.check, 'base64');
          const got = checkValue(keys.subarray(32));
          if (expected.length !== got.length || !timingSafeEqual(expected, got))
            throw new BackupError('wrong_passphrase', 'Wrong passphrase for this backup.');
          key = keys.subarray(0, 32);
          data = head.subarray(parsed.length);
          head = null;
        }
        buf = buf.length ? Buffer.concat([buf, data]) : data;
        // A chunk is final only if nothing follows it: keep the last full chunk until more arrives.
        while (buf.length > chunk + TAG) {
          this.push(open(buf.subarray(0, chunk + TAG), false));
          buf = buf.subarray(chunk + TAG);
        }
      })().then(
        () => {
          cb();
        },
        (e: unknown) => {
          cb(e instanceof Error ? e : new Error(String(e)));
        },
      );
    },
    flush(cb: TransformCallback) {
      try {
        if (head)
          throw new BackupError(
            head.length ? 'truncated' : 'not_a_backup',
            head.length ? 'The backup is truncated (incomplete header).' : 'The file is empty.',
          );
        if (buf.length < TAG) throw new BackupError('truncated', 'The backup is truncated.');
        this.push(open(buf, true));
        cb();
      } catch (e) {
        // A non-final chunk sealed as such but found last: the file was cut at a chunk boundary.
        cb(
          e instanceof BackupError && e.kind === 'damaged'
            ? new BackupError('truncated', 'The backup is truncated or damaged at its end.')
            : (e as Error),
        );
      }
    },
  });
}
