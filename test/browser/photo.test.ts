/**
 * The photo taken at reception shows on the prisoner's file (issue 12): attached on the reception's
 * page in the browser, it becomes the file's photo when the administration office creates the file;
 * the file shows it, loaded, with a text alternative naming the person, in French and in English,
 * and without a sideways scroll at 390 px.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deflateSync } from 'node:zlib';
import { auth } from '../helpers.js';
import { browserHarness } from './harness.js';

const harness = await browserHarness();
const { base, fx } = harness;

/** A real PNG, width × height, one colour: built here so that the file is what its content says. */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([0x0b, 0x3d, 0x2e]))]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function api<T>(url: string, token: string, payload: unknown): Promise<T> {
  const r = await fetch(`${base}${url}`, {
    method: 'POST',
    headers: { ...auth(token), 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  const body = (await r.json()) as T;
  assert.ok(r.status < 300, `${url}: ${JSON.stringify(body)}`);
  return body;
}

test(
  'the photo attached at reception shows on the file, with its text alternative, in French and English',
  {
    timeout: 180_000,
  },
  async () => {
    const reception = await api<{ id: string }>('/api/receptions', fx.tokens['security.bko'], {
      prison: 'BKO',
      arresting_authority: 'gendarmerie',
      officer_name: 'Adjudant Coulibaly',
      warrant_name: 'Dembélé Fousseyni',
      warrant_charge: 'Vol',
      nothing_shared: true,
    });
    const receptionUrl = `/receptions/${reception.id}`;
    const { ctx, page } = await harness.session('fr', 'director.bko', receptionUrl);
    // tsx keeps function names with a helper, __name, that the page does not have.
    await ctx.addInitScript({ content: 'globalThis.__name = (f) => f;' });

    // The photo, attached on the reception's page.
    await page.getByLabel('Nature de la pièce *').selectOption('photo');
    await page
      .getByLabel('Fichier *')
      .setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png(120, 150) });
    await Promise.all([
      page.waitForURL(`${base}${receptionUrl}`),
      page.getByRole('button', { name: 'Joindre le fichier' }).click(),
    ]);

    // The administration office creates the file (through the API here; the browser reception test fills its form).
    const step = await api<{ person_id: string }>(
      `/api${receptionUrl}/steps/administration`,
      fx.tokens['director.bko'],
      {
        person: {
          family_name: 'Dembélé',
          given_names: 'Fousseyni',
          sex: 'male',
          birth: { precision: 'year', date: '1994' },
        },
        photo_taken: true,
        fingerprints: 'captured',
        warrant_scanned: false,
        legal_document: {
          kind: 'committal_order',
          authority: 'TGI Commune III',
          reference: 'MD-PHOTO-1',
          issued_on: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
        },
        charges: [{ qualification: 'Vol', category: 'misdemeanour' }],
        out_of_order_reason: 'Bureau de la sécurité fermé',
      },
    );
    assert.ok(step.person_id, 'the administration step made the file');

    for (const [lang, alt, file] of [
      ['fr', 'Photo de Dembélé Fousseyni', 'Identité'],
      ['en', 'Photo of Dembélé Fousseyni', 'Identity'],
    ] as const) {
      if (lang === 'en')
        await Promise.all([page.waitForURL(/\/people\//), page.getByRole('link', { name: 'English' }).click()]);
      else await page.goto(`${base}/people/${step.person_id}`);
      await page.getByRole('heading', { level: 2, name: file }).waitFor();
      const img = page.getByRole('img', { name: alt });
      await img.waitFor();
      const shown = await img.evaluate((el: HTMLImageElement) => ({
        complete: el.complete,
        natural: [el.naturalWidth, el.naturalHeight],
        box: el.getBoundingClientRect().width,
      }));
      assert.deepEqual(shown.natural, [120, 150], `${lang}: the photo itself is loaded`);
      assert.ok(shown.complete && shown.box > 50, `${lang}: shown at a readable size (${shown.box} px)`);
      await page.setViewportSize({ width: 390, height: 900 });
      const wide = await page.evaluate(() => {
        // What sticks out of the page, outside the boxes in which wide tables scroll.
        const first = [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > innerWidth)
          .filter((el) => !el.parentElement?.closest('.table-scroll, .pmis-table-scroll'))
          .sort((x, y) => y.getBoundingClientRect().right - x.getBoundingClientRect().right);
        return {
          width: document.documentElement.scrollWidth,
          what: first.slice(0, 4).map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
        };
      });
      assert.ok(wide.width <= 390, `${lang}: the file is ${wide.width} px wide at 390 px (${wide.what.join(', ')})`);
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    await ctx.close();
  },
);
