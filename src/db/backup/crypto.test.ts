/** The backup file's encryption and framing, without a database. */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { ArchiveWriter, readFrames } from './archive.js';
import { BackupError, decryptStream, encryptStream, MAGIC } from './crypto.js';

// Cheap scrypt parameters and small chunks: many chunks from little data, fast tests.
const KDF = { N: 2 ** 10, r: 8, p: 1 };
const CHUNK = 1000;

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of stream) parts.push(p as Buffer);
  return Buffer.concat(parts);
}

async function seal(plain: Buffer, passphrase = 'a passphrase of some length'): Promise<Buffer> {
  const enc = await encryptStream(passphrase, { kdf: KDF, chunk: CHUNK });
  const out = collect(enc);
  // Feed it in uneven pieces.
  for (let i = 0; i < plain.length; i += 777) enc.write(plain.subarray(i, i + 777));
  enc.end();
  return out;
}

function open(file: Buffer, passphrase = 'a passphrase of some length'): Promise<Buffer> {
  const src = Readable.from([file.subarray(0, 5), file.subarray(5, 3001), file.subarray(3001)]);
  return collect(src.pipe(decryptStream(passphrase)));
}

async function kindOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof BackupError ? e.kind : `other: ${(e as Error).message}`;
  }
}

test('encrypted backups round-trip for any length, chunk boundaries included', async () => {
  for (const n of [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 10_007]) {
    const plain = randomBytes(n);
    const file = await seal(plain);
    assert.ok(file.subarray(0, MAGIC.length).equals(MAGIC));
    if (n >= 32) assert.ok(!file.includes(plain.subarray(0, 32)), 'the plaintext does not appear in the file');
    assert.deepEqual(await open(file), plain, `length ${n}`);
  }
});

test('a wrong passphrase, an altered byte, a cut or an extra chunk are all refused', async () => {
  const plain = randomBytes(5 * CHUNK + 123);
  const file = await seal(plain);
  assert.equal(await kindOf(open(file, 'not the passphrase at all')), 'wrong_passphrase');
  const headerEnd = MAGIC.length + 4 + file.readUInt32BE(MAGIC.length);
  // One bit flipped in the middle of the ciphertext.
  const flipped = Buffer.from(file);
  flipped[headerEnd + 2 * CHUNK] ^= 1;
  assert.equal(await kindOf(open(flipped)), 'damaged');
  // The header edited (the chunk size): every chunk authenticates the header.
  const edited = Buffer.from(file.toString('latin1').replace(`"chunk":${CHUNK}`, `"chunk":${CHUNK - 1}`), 'latin1');
  assert.notEqual(await kindOf(open(edited)), 'ok');
  // Cut at a chunk boundary: the last chunk left is not marked final.
  const sealedChunk = CHUNK + 16;
  assert.equal(await kindOf(open(file.subarray(0, headerEnd + 2 * sealedChunk))), 'truncated');
  assert.equal(await kindOf(open(file.subarray(0, file.length - 3))), 'truncated');
  assert.equal(await kindOf(open(file.subarray(0, 10))), 'truncated');
  // A chunk appended after the final one.
  assert.notEqual(await kindOf(open(Buffer.concat([file, file.subarray(headerEnd, headerEnd + sealedChunk)]))), 'ok');
  // Two chunks swapped.
  const swapped = Buffer.from(file);
  file.copy(swapped, headerEnd, headerEnd + sealedChunk, headerEnd + 2 * sealedChunk);
  file.copy(swapped, headerEnd + sealedChunk, headerEnd, headerEnd + sealedChunk);
  assert.equal(await kindOf(open(swapped)), 'damaged');
  assert.equal(await kindOf(open(Buffer.from('PK\u0003\u0004 this is a zip file, not a backup'))), 'not_a_backup');
  assert.equal(await kindOf(open(Buffer.alloc(0))), 'not_a_backup');
});

test('archive frames carry entries of unknown length with their size and checksum', async () => {
  const enc = await encryptStream('another passphrase', { kdf: KDF, chunk: CHUNK });
  const out = collect(enc);
  const w = new ArchiveWriter(enc);
  await w.json('M', { hello: 'world' });
  const big = randomBytes(3 * 1024 * 1024 + 5);
  const footer = await w.entry(
    { kind: 'attachment', name: 'a/b' },
    Readable.from([big.subarray(0, 100), big.subarray(100)]),
  );
  assert.equal(footer.size, big.length);
  await w.json('Z', { done: true });
  enc.end();
  const frames = [];
  for await (const f of readFrames(Readable.from([await out]).pipe(decryptStream('another passphrase'))))
    frames.push(f);
  assert.deepEqual(
    frames.map((f) => f.type),
    ['M', 'E', 'D', 'D', 'D', 'D', 'F', 'Z'],
  );
  assert.deepEqual(Buffer.concat(frames.filter((f) => f.type === 'D').map((f) => f.payload)), big);
  assert.deepEqual(JSON.parse(frames[6].payload.toString()), footer);
});
