/**
 * What is inside an encrypted backup: a sequence of frames, each `type (1 byte) · length (u32) ·
 * payload`, so that streams of unknown length (pg_dump's output) need no temporary file:
 *   M  manifest (JSON)                       once, first
 *   E  entry header (JSON: kind, name)       then its data:
 *   D  data (≤ 1 MiB)                        any number
 *   F  entry footer (JSON: size, sha256)     closes the entry
 *   Z  end (JSON: summary, row counts)       once, last: its absence means the backup is incomplete
 */
import { createHash } from 'node:crypto';
import type { Readable, Writable } from 'node:stream';

export type FrameType = 'M' | 'E' | 'D' | 'F' | 'Z';
export interface Frame {
  type: FrameType;
  payload: Buffer;
}
const MAX_DATA = 1024 * 1024;
const MAX_JSON = 64 * 1024 * 1024;

export class ArchiveWriter {
  constructor(private readonly out: Writable) {}

  private async frame(type: FrameType, payload: Buffer): Promise<void> {
    const head = Buffer.alloc(5);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(payload.length, 1);
    if (this.out.destroyed) throw new Error('the backup file could not be written');
    const ok = this.out.write(Buffer.concat([head, payload]));
    if (!ok)
      await new Promise<void>((resolve, reject) => {
        const off = () => {
          this.out.off('drain', done);
          this.out.off('error', fail);
          this.out.off('close', closed);
        };
        const done = () => {
          off();
          resolve();
        };
        const fail = (e: Error) => {
          off();
          reject(e);
        };
        const closed = () => {
          off();
          reject(new Error('the backup file could not be written'));
        };
        this.out.once('drain', done);
        this.out.once('error', fail);
        this.out.once('close', closed);
      });
  }

  json(type: 'M' | 'Z', value: unknown): Promise<void> {
    return this.frame(type, Buffer.from(JSON.stringify(value)));
  }

  /** One entry: its header, every byte of `data`, and a footer with its size and SHA-256. */
  async entry(
    header: { kind: string; name: string },
    data: AsyncIterable<Buffer | string>,
  ): Promise<{ size: number; sha256: string }> {
    await this.frame('E', Buffer.from(JSON.stringify(header)));
    const hash = createHash('sha256');
    let size = 0;
    for await (const piece of data) {
      const b = typeof piece === 'string' ? Buffer.from(piece) : piece;
      for (let i = 0; i < b.length; i += MAX_DATA) {
        const part = b.subarray(i, i + MAX_DATA);
        hash.update(part);
        size += part.length;
        await this.frame('D', part);
      }
    }
    const footer = { size, sha256: hash.digest('hex') };
    await this.frame('F', Buffer.from(JSON.stringify(footer)));
    return footer;
  }
}

/** The frames of a (decrypted) archive, in order. Throws on a malformed stream. */
export async function* readFrames(input: Readable | AsyncIterable<Buffer>): AsyncGenerator<Frame> {
  // Pieces are joined only when a whole frame is there (no quadratic copying of large frames).
  let parts: Buffer[] = [];
  let total = 0;
  let need = 5;
  for await (const data of input as AsyncIterable<Buffer>) {
    parts.push(data);
    total += data.length;
    while (total >= need) {
      let buf = parts.length === 1 ? parts[0] : Buffer.concat(parts);
      parts = [buf];
      const type = String.fromCharCode(buf[0]) as FrameType;
      if (!'MEDFZ'.includes(type)) throw new Error(`malformed backup content (frame type ${buf[0]})`);
      const len = buf.readUInt32BE(1);
      if (len > (type === 'D' ? MAX_DATA : MAX_JSON)) throw new Error('malformed backup content (frame too long)');
      if (buf.length < 5 + len) {
        need = 5 + len;
        break;
      }
      yield { type, payload: buf.subarray(5, 5 + len) };
      buf = buf.subarray(5 + len);
      parts = buf.length ? [buf] : [];
      total = buf.length;
      need = 5;
    }
  }
  if (total) throw new Error('malformed backup content (incomplete frame)');
}
