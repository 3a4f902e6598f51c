/**
 * Menus and links by permission, for every demo role: a link is shown only when its page would not
 * refuse the user (no 403 behind a link of the menu, of the home page or of the pages the menu leads
 * to), and a form page is refused (403) to whoever may not send it — the menu does not offer it.
 * Reception steps are done by social workers (interview) and medical staff (medical check): the
 * menu leads them to the receptions; the read-only auditor is offered neither the handover nor the
 * admission form.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Permission, ROLE_PERMISSIONS } from '../src/core/access.js';
import { buildApp } from '../src/http/app.js';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../src/demo/seed.js';
import { formLogin, testConfig, testDatabase } from './helpers.js';

const database = await testDatabase();
const app = await buildApp({ database, config: testConfig() });
test.after(() => app.close());
await seedDemo(database, { scale: 0.05 });

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
/** The links of a part of a page that lead to another page of pmis (not the language switch, assets or files). */
function links(body: string): string[] {
  return [...body.matchAll(/href="(\/[^"#]*)"/g)]
    .map((m) => m[1].replace(/&amp;/g, '&'))
    .filter((h) => !/^\/(lang|assets|attachments)\//.test(h));
}
const navOf = (body: string) =>
  links(
    /<nav aria-label="[^"]*"(?: class="govuk-service-navigation__wrapper")?>([\s\S]*?)<\/nav>/.exec(body)?.[1] ?? '',
  );
const mainOf = (body: string) => /<main[^>]*>([\s\S]*?)<\/main>/.exec(body)?.[1] ?? '';

const users = new Map<string, { cookie: string }>();
for (const u of DEMO_USERS) {
  const { cookie } = await formLogin(app, u.username, { password: DEMO_PASSWORD, lang: 'en' });
  assert.ok(cookie, u.username);
  users.set(u.username, { cookie });
}
const get = (username: string, url: string) => app.inject({ url, headers: { cookie: users.get(username)!.cookie } });

test('every link of the menu, the home page and the pages the menu leads to opens for the role that sees it', async () => {
  const refused: string[] = [];
  for (const u of DEMO_USERS) {
    const home = await get(u.username, '/');
    assert.equal(home.statusCode, 200, u.username);
    const nav = navOf(home.body);
    assert.ok(nav.includes('/'), `${u.username}: a menu`);
    // Two of each kind of link (the same page for another person or cell answers the same way).
    const seen = new Map<string, number>();
    const queue = [...nav, ...links(mainOf(home.body))];
    for (const page of nav) {
      const r = await get(u.username, page);
      assert.equal(r.statusCode, 200, `${u.username}: the menu's ${page}`);
      queue.push(...links(mainOf(r.body)));
    }
    for (const href of queue) {
      const kind = href.replace(UUID, ':id').replace(/\?.*$/, '');
      if ((seen.get(kind) ?? 0) >= 2) continue;
      seen.set(kind, (seen.get(kind) ?? 0) + 1);
      const r = await get(u.username, href);
      assert.ok(r.statusCode < 500, `${u.username} ${href}: ${r.statusCode}`);
      if (r.statusCode === 401 || r.statusCode === 403)
        refused.push(`${u.username} (${u.roles.join(', ')}): ${href} → ${r.statusCode}`);
    }
  }
  assert.deepEqual(refused, [], 'links shown to a role whose page refuses it');
});

test('those who do a reception step find the receptions in the menu; the auditor is offered no form', async () => {
  const menu = async (username: string) => navOf((await get(username, '/')).body);
  for (const username of ['social.bko', 'medecin.bko', 'securite.bko', 'greffier.bko', 'directeur.bko'])
    assert.ok((await menu(username)).includes('/receptions'), `${username}: the receptions in the menu`);
  const auditor = await menu('auditeur');
  assert.ok(!auditor.includes('/receptions') && !auditor.includes('/admissions/new'), auditor.join(' '));
});

test('a form page is refused to whoever may not send it, and offered to whoever may', async () => {
  // Who may start a reception (the handover): the security officer, the registry clerk, the director.
  const forms: { url: string; may: string[] }[] = [
    {
      url: '/receptions/new',
      may: [
        'securite.bko',
        'greffier.bko',
        'greffier.klk',
        'directeur.bko',
        'directeur.klk',
        'directeur.knb',
        'directrice.bol',
      ],
    },
    {
      url: '/admissions/new',
      may: [
        'admin',
        'greffier.bko',
        'greffier.klk',
        'directeur.bko',
        'directeur.klk',
        'directeur.knb',
        'directrice.bol',
      ],
    },
  ];
  for (const f of forms) {
    for (const u of DEMO_USERS) {
      const r = await get(u.username, f.url);
      const offered = [
        ...navOf((await get(u.username, '/')).body),
        ...links(mainOf((await get(u.username, '/receptions')).body)),
      ];
      if (f.may.includes(u.username)) assert.equal(r.statusCode, 200, `${u.username} may open ${f.url}`);
      else {
        assert.equal(r.statusCode, 403, `${u.username} may not open ${f.url}`);
        assert.match(r.headers['content-type'] as string, /^text\/html/);
        assert.ok(!offered.includes(f.url), `${u.username} is not offered ${f.url}`);
      }
    }
  }
});

test('visits: gate and visitors in the menu of visits readers, the no-contact list in a prison; forms only for the gate', async () => {
  const may = (u: (typeof DEMO_USERS)[number], p: Permission) => u.roles.some((r) => ROLE_PERMISSIONS[r].includes(p));
  for (const u of DEMO_USERS) {
    const nav = navOf((await get(u.username, '/')).body);
    const reads = may(u, 'visits.read');
    assert.equal(nav.includes('/visits/gate'), reads, `${u.username}: the gate in the menu`);
    assert.equal(nav.includes('/visits/visitors'), reads, `${u.username}: the visitors in the menu`);
    assert.equal(nav.includes('/visits/no-contact'), reads && !u.national, `${u.username}: the no-contact list`);
    for (const url of ['/visits/new', '/visits/visitors/new']) {
      const r = await get(u.username, url);
      assert.equal(r.statusCode, may(u, 'visits.gate') ? 200 : 403, `${u.username} ${url}`);
    }
  }
});
