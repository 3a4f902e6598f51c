import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentDisposition, sniffType, storedFilename, typeAllowed } from './rules.js';

test('the type comes from the first bytes', () => {
  assert.equal(sniffType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0])), 'image/jpeg');
  assert.equal(sniffType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'image/png');
  assert.equal(sniffType(new TextEncoder().encode('%PDF-1.7')), 'application/pdf');
  assert.equal(sniffType(new TextEncoder().encode('MZ\x90\x00 an executable named photo.jpg')), null);
});

test('photos and fingerprints must be images', () => {
  assert.equal(typeAllowed('photo', 'application/pdf'), false);
  assert.equal(typeAllowed('warrant', 'application/pdf'), true);
  assert.equal(typeAllowed('fingerprints', 'image/png'), true);
});

test('a file keeps the extension of its type, never the one it was uploaded with', () => {
  assert.equal(storedFilename('scan.png.exe', 'image/png'), 'scan_png.png');
  assert.equal(storedFilename('mandat de dépôt.html', 'application/pdf'), 'mandat de dépôt.pdf');
  assert.equal(storedFilename('C:\\Users\\greffe\\photo', 'image/jpeg'), 'photo.jpg');
  assert.equal(storedFilename('../../etc/passwd', 'image/jpeg'), 'passwd.jpg');
  assert.equal(storedFilename('.htaccess', 'image/png'), 'htaccess.png');
  assert.equal(storedFilename('a\u0000b\u202e.gnp', 'image/png'), 'ab.png');
  assert.equal(storedFilename('', 'application/pdf'), 'file.pdf');
  assert.equal(storedFilename('x'.repeat(300) + '.pdf', 'application/pdf'), `${'x'.repeat(100)}.pdf`);
  assert.equal(
    contentDisposition('Traoré scan.exe', 'image/png'),
    `inline; filename="Traore_scan.png"; filename*=UTF-8''Traor%C3%A9%20scan.png`,
  );
  assert.equal(
    contentDisposition('old-upload.html', 'image/jpeg'),
    `inline; filename="old-upload.jpg"; filename*=UTF-8''old-upload.jpg`,
    'names stored before keep their type on the way out',
  );
});
