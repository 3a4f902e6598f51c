/**
 * Demo releases, escapes and deaths, through the same services as real data: at Bamako two
 * sentences ending soon (one tomorrow) on the release-due list, and one release done with its
 * certificate (checked by the registry, confirmed by the director, belongings returned, the family
 * told); at Koulikoro one escape with the alert sent to the police and the gendarmerie.
 */
import type { Actor } from '../core/access.js';
import { bamakoDate } from '../core/dates.js';
import type { Database } from '../db/index.js';
import { admit } from '../modules/custody/index.js';
import { addDays, listJurisdictions } from '../modules/justice/index.js';
import {
  addIncidentNotice,
  addReleaseNotice,
  checkRelease,
  completeRelease,
  confirmRelease,
  putReleaseSettings,
  recordEscape,
} from '../modules/movements/index.js';
import { syntheticPerson } from './names.js';

export async function seedReleases(
  database: Database,
  who: { clerk: Actor; director: Actor; klkClerk: Actor; national: Actor },
  rnd: () => number,
): Promise<void> {
  const db = database.db;
  const today = bamakoDate();
  await putReleaseSettings(db, who.national, {
    authorities: ['Pôle judiciaire spécialisé (parquet)', 'Agence nationale de la sécurité d’État'],
    reason: 'Autorités à informer de la libération des personnes poursuivies pour des faits liés au terrorisme (démo)',
  });
  // Two sentences ending soon at Bamako: tomorrow, and in four days.
  for (const [days, term, reference] of [
    [1, 30, 'JUG-DEMO-LIB-1'],
    [4, 60, 'JUG-DEMO-LIB-2'],
  ] as const) {
    const start = addDays(today, days - term + 1);
    await admit(db, who.clerk, {
      prison: 'BKO',
      person: syntheticPerson(rnd, 'male'),
      admitted_at: `${start}T10:00:00Z`,
      arresting_authority: 'police',
      legal_document: {
        kind: 'conviction',
        authority: 'Tribunal de grande instance de la Commune III (démo)',
        reference,
        issued_on: start,
        sentence: { days: term },
        sentence_start: start,
      },
      charges: [{ qualification: 'Vol simple', category: 'misdemeanour' }],
    });
  }
  // One release done: a release order, checked by the registry, confirmed by the director.
  const court = (await listJurisdictions(db, who.clerk))[0];
  const freed = await admit(db, who.clerk, {
    prison: 'BKO',
    person: syntheticPerson(rnd, 'male'),
    admitted_at: `${addDays(today, -40)}T09:00:00Z`,
    arresting_authority: 'gendarmerie',
    legal_document: {
      kind: 'committal_order',
      authority: 'Juge d’instruction (démo)',
      reference: 'MD-DEMO-LIB-3',
      issued_on: addDays(today, -40),
    },
    charges: [{ qualification: 'Abus de confiance', category: 'misdemeanour' }],
  });
  if (court) {
    const r = await checkRelease(db, who.clerk, {
      admission_id: freed.id,
      reason: 'release_order',
      order_jurisdiction_id: court.id,
      order_reference: 'OML-DEMO-2026-12',
      order_date: addDays(today, -1),
      identity_verified: true,
      photo_shown: true,
      fingerprints_taken: true,
      check_notes: 'Ordonnance reçue du cabinet d’instruction par porteur (démo)',
    });
    await confirmRelease(db, who.director, r.id, { notes: 'Ordonnance vérifiée auprès du greffe du tribunal (démo)' });
    await completeRelease(db, who.clerk, r.id, { all_returned: true, signed_by_person: true });
    await addReleaseNotice(db, who.clerk, r.id, {
      audience: 'family',
      recipient: 'Le frère aîné, venu le chercher (démo)',
      channel: 'in_person',
    });
  }
  // One escape at Koulikoro, with the alert sent.
  const klk = await admit(db, who.klkClerk, {
    prison: 'KLK',
    person: syntheticPerson(rnd, 'male'),
    admitted_at: `${addDays(today, -20)}T09:00:00Z`,
    arresting_authority: 'gendarmerie',
    legal_document: {
      kind: 'committal_order',
      authority: 'Juge d’instruction de Koulikoro (démo)',
      reference: 'MD-DEMO-EVA-1',
      issued_on: addDays(today, -20),
    },
    charges: [{ qualification: 'Vol qualifié', category: 'felony' }],
  });
  const esc = await recordEscape(db, who.klkClerk, {
    admission_id: klk.id,
    occurred_at: `${addDays(today, -1)}T02:30:00Z`,
    place: 'Cour de promenade, mur est (démo)',
    circumstances: 'Escalade du mur pendant la nuit, à l’aide d’une corde faite de draps (démo)',
  });
  for (const [audience, recipient] of [
    ['police', 'Commissariat de police de Koulikoro (démo)'],
    ['gendarmerie', 'Brigade territoriale de gendarmerie de Koulikoro (démo)'],
  ] as const)
    await addIncidentNotice(db, who.klkClerk, esc.id, {
      audience,
      recipient,
      channel: 'radio',
      notified_at: `${addDays(today, -1)}T03:00:00Z`,
    });
}
