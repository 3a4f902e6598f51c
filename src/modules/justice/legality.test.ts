/** Issue 9, item 4, against the database: late extensions, arrest warrants, the stored state and the alert history. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { apiBody, fixture, newArrival, testApp, testDatabase } from '../../../test/helpers.js';
import { login } from '../access/index.js';
import { bamakoDate } from '../../core/dates.js';
import { AdmissionBody, admit } from '../custody/index.js';
import { addDays, lastDayOf } from './calendar.js';
import { addTitle, backlog, getJusticeFile, justiceAlertsForPrison, withdrawTitle } from './service.js';

const database = await testDatabase();
const app = await testApp(database);
const fx = await fixture(database);
const db = database.db;
const clerk = fx.actors['clerk.bko'];
const director = fx.actors['director.bko'];
const today = bamakoDate();

let n = 0;
function arrival(kind: string, issuedOn: string, admittedOn: string, charges: unknown[]) {
  n++;
  const base = newArrival();
  return apiBody(AdmissionBody, {
    ...base,
    person: { ...base.person, family_name: `Keïta${n}`, given_names: `Awa ${n}` },
    admitted_at: `${admittedOn}T09:00:00Z`,
    legal_document: {
      kind,
      authority: "Juge d'instruction, 1er cabinet, TGI Commune IV",
      reference: `L-${n}`,
      issued_on: issuedOn,
    },
    charges,
  });
}
const felony = [{ qualification: 'Vol à main armée', category: 'felony' }];

test('a late extension leaves the gap held without a valid title in the file, the alert history and the backlog', async () => {
  const committal = addDays(today, -400);
  const a = await admit(db, clerk, arrival('committal_order', committal, committal, felony));
  const expiry = lastDayOf(committal, { years: 1 });
  // Before the late order: the expired alert, read from the stored state, and an open episode.
  let alerts = await justiceAlertsForPrison(db, director, fx.prisons.BKO.id);
  assert.equal(alerts.find((x) => x.admissionId === a.id)?.kind, 'expired');
  let file = await getJusticeFile(db, clerk, a.id);
  assert.deepEqual(
    file.alert_history.map((e) => [e.kind, e.from, e.to, e.recorded]),
    [['expired', addDays(expiry, 1), null, true]],
  );
  const before = await backlog(db, director, { prison: 'BKO' });

  const lateOn = addDays(today, -10);
  file = await addTitle(db, clerk, a.id, {
    kind: 'extension_order',
    authority_kind: 'investigating_judge',
    authority: 'TGI Commune IV',
    reference: 'OP-LATE',
    issued_on: lateOn,
  });
  const ext = file.titles.find((x) => x.reference === 'OP-LATE')!;
  // The gap stays in the file …
  const gapDays = (new Date(lateOn).getTime() - new Date(addDays(expiry, 1)).getTime()) / 86_400_000;
  assert.deepEqual(file.pretrial.gaps, [
    { from: addDays(expiry, 1), to: addDays(lateOn, -1), days: gapDays, closedBy: ext.id },
  ]);
  assert.equal(file.pretrial.days_without_title, gapDays);
  // … the late order gives no more than a timely renewal would have …
  assert.equal(file.pretrial.expires_on, lastDayOf(addDays(expiry, 1), { years: 1 }));
  assert.ok(file.pretrial.periods[1].flags.includes('late'));
  // … the alert is off the list but stays in the history, closed by the late order …
  alerts = await justiceAlertsForPrison(db, director, fx.prisons.BKO.id);
  assert.ok(!alerts.some((x) => x.admissionId === a.id && x.kind === 'expired'));
  assert.deepEqual(
    file.alert_history.map((e) => [e.kind, e.from, e.to, e.resolved_by_title_id, e.recorded]),
    [['expired', addDays(expiry, 1), addDays(lateOn, -1), ext.id, true]],
  );
  assert.match(file.alert_history[0].label, /sans titre valide/);
  const hist = await db.execute<{ action: string }>(
    sql`SELECT c.action FROM change_log c JOIN alert_episode e ON e.id = c.entity_id WHERE e.admission_id = ${a.id}::uuid ORDER BY c.at`,
  );
  assert.deepEqual(
    hist.rows.map((r) => r.action),
    ['open', 'close'],
  );
  // … and in the backlog figures: one fewer expired title, the days without a title still counted.
  const after = await backlog(db, director, { prison: 'BKO' });
  assert.equal(after.prisons[0].figures.all.expiredTitles, before.prisons[0].figures.all.expiredTitles - 1);
  assert.ok(after.prisons[0].figures.all.withoutTitle.days >= gapDays);
  assert.equal(after.prisons[0].figures.all.withoutTitle.people, before.prisons[0].figures.all.withoutTitle.people);
  // The stored state was refreshed in the same transaction.
  const st = await db.execute<{ expires_on: string; gap_days: number; stale: boolean }>(
    sql`SELECT expires_on::text, gap_days, stale FROM justice_state WHERE admission_id = ${a.id}::uuid`,
  );
  assert.deepEqual(st.rows[0], { expires_on: file.pretrial.expires_on, gap_days: gapDays, stale: false });
  // Withdrawn (recorded in error): the alert is on again, and the change log keeps that it was once closed.
  file = await withdrawTitle(db, clerk, ext.id, { reason: "Ordonnance d'un autre dossier" });
  assert.deepEqual(
    file.alert_history.map((e) => [e.kind, e.to]),
    [['expired', null]],
  );
  alerts = await justiceAlertsForPrison(db, director, fx.prisons.BKO.id);
  assert.equal(alerts.find((x) => x.admissionId === a.id)?.kind, 'expired');
});

test('an arrest warrant holds for its short period; the committal order runs from its date without restarting the maximum', async () => {
  const admitted = addDays(today, -6);
  const a = await admit(db, clerk, arrival('arrest_warrant', '2025-01-15', admitted, felony));
  let file = await getJusticeFile(db, clerk, a.id);
  assert.equal(file.pretrial.start, admitted);
  assert.equal(file.pretrial.expires_on, addDays(admitted, 1));
  assert.equal(file.pretrial.periods[0].ruleId, 'cpp2001-arrest-warrant');
  assert.ok(file.pretrial.periods[0].flag_labels.some((l) => /Mandat d'arrêt/.test(l)));
  const alerts = await justiceAlertsForPrison(db, director, fx.prisons.BKO.id);
  assert.equal(alerts.find((x) => x.admissionId === a.id)?.kind, 'expired');
  const committal = addDays(today, -1);
  file = await addTitle(db, clerk, a.id, {
    kind: 'committal_order',
    authority_kind: 'investigating_judge',
    authority: 'TGI Commune IV',
    reference: 'MD-AW',
    issued_on: committal,
  });
  assert.equal(file.pretrial.periods[1].from, committal);
  assert.equal(file.pretrial.expires_on, lastDayOf(committal, { years: 1 }));
  assert.equal(file.pretrial.legal_maximum_on, lastDayOf(admitted, { years: 3 }));
  assert.equal(file.pretrial.gaps[0].from, addDays(admitted, 2));
  assert.deepEqual(
    file.alert_history.map((e) => [e.kind, e.from, e.to]),
    [['expired', addDays(admitted, 2), addDays(committal, -1)]],
  );
});

test('an unknown misdemeanour category: art. 125 applies, shown as assumed, with an alert', async () => {
  const issued = addDays(today, -3);
  const a = await admit(
    db,
    clerk,
    arrival('committal_order', issued, issued, [{ qualification: 'Abus de confiance', category: 'misdemeanour' }]),
  );
  const file = await getJusticeFile(db, clerk, a.id);
  assert.equal(file.pretrial.category, 'misdemeanour_2y_or_less');
  assert.equal(file.pretrial.category_assumed, true);
  assert.ok(file.pretrial.category_assumed_label);
  assert.equal(file.pretrial.expires_on, lastDayOf(issued, { months: 1 }));
  const alerts = await justiceAlertsForPrison(db, director, fx.prisons.BKO.id);
  assert.ok(alerts.some((x) => x.admissionId === a.id && x.kind === 'category_assumed'));
});

test('the prisoner file page shows the alert history: the gap before a late extension, its days and the order that closed it, French and English', async () => {
  const committal = addDays(today, -420);
  const a = await admit(db, clerk, arrival('committal_order', committal, committal, felony));
  const expiry = lastDayOf(committal, { years: 1 });
  const lateOn = addDays(today, -5);
  await addTitle(db, clerk, a.id, {
    kind: 'extension_order',
    authority_kind: 'investigating_judge',
    authority: 'TGI Commune IV',
    reference: 'OP-HIST-9',
    issued_on: lateOn,
  });
  const from = addDays(expiry, 1),
    to = addDays(lateOn, -1);
  const days = Math.round((new Date(to).getTime() - new Date(from).getTime()) / 86_400_000) + 1;
  const { session } = await login(db, 'clerk.bko', 'correct horse battery', 1);
  const fr = await app.inject({ url: `/people/${a.person_id}`, cookies: { pmis_session: session } });
  assert.equal(fr.statusCode, 200, fr.body);
  assert.match(fr.body, /<h4 id="alert-history-[^"]+">Historique des alertes<\/h4>/);
  const row = (label: string, closed: string) =>
    new RegExp(`<tr><td>${label}</td><td>${from}</td><td>${to}</td><td>${days}</td><td>${closed}</td></tr>`);
  assert.match(fr.body, row('Détenu\\(e\\) sans titre valide', `[^<]* OP-HIST-9 \\(${lateOn}\\)`));
  const en = await app.inject({ url: `/people/${a.person_id}`, cookies: { pmis_session: session, pmis_lang: 'en' } });
  assert.match(en.body, /<h4 id="alert-history-[^"]+">Alert history<\/h4>/);
  assert.match(en.body, row('Held without a valid title', `[^<]* OP-HIST-9 \\(${lateOn}\\)`));
  // A person with no alert: the section says so.
  const calm = await admit(db, clerk, arrival('committal_order', addDays(today, -3), addDays(today, -3), felony));
  const page = await app.inject({
    url: `/people/${calm.person_id}`,
    cookies: { pmis_session: session, pmis_lang: 'en' },
  });
  assert.match(page.body, /No alert for this admission\./);
});
