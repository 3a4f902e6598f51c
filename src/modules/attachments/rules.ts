/** What an attachment may be: its type is read from its first bytes, never from its name. */
export const KINDS = ['photo', 'fingerprints', 'warrant', 'document', 'medical'] as const;
export type AttachmentKind = (typeof KINDS)[number];

export function sniffType(head: Uint8Array): 'image/jpeg' | 'image/png' | 'application/pdf' | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => head[i] === b)) return 'image/png';
  if (head.length >= 5 && String.fromCharCode(...head.slice(0, 5)) === '%PDF-') return 'application/pdf';
  return null;
}

/** Photos and fingerprints are images; warrants and documents may also be PDF scans. */
export function typeAllowed(kind: AttachmentKind, type: string): boolean {
  return kind === 'photo' || kind === 'fingerprints' ? type.startsWith('image/') : true;
}
