import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sniffType, typeAllowed } from './rules.js';

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
