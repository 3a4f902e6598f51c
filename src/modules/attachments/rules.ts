/** What an attachment may be: its type is read from its first bytes, never from its name. */
export const KINDS = ['photo', 'fingerprints', 'warrant', 'document', 'medical'] as const;
export type AttachmentKind = (typeof KINDS)[number];

export function sniffType(head: Uint8Array): 'image/jpeg' | 'image/png' | 'application/pdf' | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => head[i] === b))
    return 'image/png';
  if (head.length >= 5 && String.fromCharCode(...head.slice(0, 5)) === '%PDF-') return 'application/pdf';
  return null;
}

/** Photos and fingerprints are images; warrants and documents may also be PDF scans. */
export function typeAllowed(kind: AttachmentKind, type: string): boolean {
  return kind === 'photo' || kind === 'fingerprints' ? type.startsWith('image/') : true;
}

export type AttachmentType = NonNullable<ReturnType<typeof sniffType>>;
/** The extension of each type pmis keeps: a file is named after what it is, not after what it was called. */
export const EXTENSIONS: Record<AttachmentType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/pdf': 'pdf',
};

/**
 * The name a file is kept and served under: the uploaded name's stem — no folder, no control
 * character, no other dot, at most 100 characters — and the extension of the type read from its
 * content. "scan.png.exe" holding a PNG is "scan_png.png"; "mandat.html" holding a PDF is
 * "mandat.pdf"; a name with nothing left is "file.<ext>".
 */
export function storedFilename(uploaded: string, type: AttachmentType): string {
  const base = (uploaded.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\p{Cc}\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu, '');
  const dot = base.lastIndexOf('.');
  const stem = (dot > 0 ? base.slice(0, dot) : base)
    .replace(/[.<>:"|?*\u00a0]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[_ -]+|[_ -]+$/g, '');
  return `${Array.from(stem).slice(0, 100).join('') || 'file'}.${EXTENSIONS[type]}`;
}

/** The Content-Disposition of a file served inline, its name always ending with its type's extension (RFC 6266: ASCII fallback and UTF-8
 * name). */
export function contentDisposition(filename: string, type: string): string {
  const name = type in EXTENSIONS ? storedFilename(filename, type as AttachmentType) : 'file';
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w.-]/g, '_');
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
