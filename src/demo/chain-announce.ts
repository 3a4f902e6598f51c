/**
 * Demo: arrivals announced by the forces (issue 20, docs/chain-announce.md). The gendarmerie brigade of
 * Kati (demo account `gendarme.kati`) announces two people it will bring to Bamako: one tomorrow with
 * the information and evidence that travel with him, one the day after with nothing shared — the
 * figure the "nothing shared" table counts per force and month.
 */
import { makeActor } from '../core/access.js';
import { bamakoDate } from '../core/dates.js';
import type { Database } from '../db/index.js';
import { addUnitMember, announceArrival, createForceUnit } from '../modules/chain/index.js';
import { addDays } from '../modules/justice/index.js';

export async function seedChainAnnounce(database: Database, officer: { id: string; username: string }): Promise<void> {
  const db = database.db;
  await createForceUnit(db, null, {
    code: 'GEND-KATI',
    authority: 'gendarmerie',
    name: 'Brigade territoriale de gendarmerie de Kati',
    place: 'Kati',
  });
  await addUnitMember(db, null, 'GEND-KATI', officer.username);
  const actor = makeActor({
    id: officer.id,
    username: officer.username,
    displayName: officer.username,
    roles: ['force_officer'],
    national: false,
    prisonIds: [],
  });
  const today = bamakoDate(new Date());
  await announceArrival(db, actor, {
    prison: 'BKO',
    family_name: 'Togo',
    given_names: 'Adama',
    sex: 'male',
    birth_precision: 'year',
    birth_date: '1994',
    from_place: 'Brigade territoriale de Kati',
    expected_on: addDays(today, 1),
    legal_basis: 'police_custody',
    legal_reference: 'PV 231/BT-Kati',
    charge: 'Vol qualifié',
    information: 'Procès-verbal d’audition et de garde à vue; fiche signalétique; deux témoins entendus.',
    evidence: 'Un téléphone saisi, sous scellé.',
  });
  await announceArrival(db, actor, {
    prison: 'BKO',
    family_name: 'Cissé',
    birth_precision: 'unknown',
    from_place: 'Brigade territoriale de Kati',
    expected_on: addDays(today, 2),
    legal_basis: 'police_custody',
  });
}
