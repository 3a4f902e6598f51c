/**
 * Demo custody before prison (issue 20), through the same services as real data: at Bamako three
 * arrivals with their custody chains — one within its limits (a garde à vue at a police station,
 * credited in the release date of a short sentence), one held for terrorism at Camp I then by the
 * State Security service past its limit, and one brought in on an arrest warrant with no committal
 * order since: held without charge, shown to the director and to the Commune III prosecutor.
 */
import type { Actor } from '../core/access.js';
import { bamakoDate } from '../core/dates.js';
import type { Database } from '../db/index.js';
import { addStage } from '../modules/chain/index.js';
import { admit } from '../modules/custody/index.js';
import { addDays, listJurisdictions } from '../modules/justice/index.js';
import { syntheticPerson } from './names.js';

export async function seedChainCustody(database: Database, who: { clerk: Actor }, rnd: () => number): Promise<void> {
  const db = database.db;
  const today = bamakoDate();
  const parquet = (await listJurisdictions(db, who.clerk)).find((j) => j.code === 'TGI-BKO-C3')?.id ?? null;

  // 1. Within its limits: 40 hours at a police station, then a 3-month sentence (the 2 days credited).
  const d1 = addDays(today, -20);
  const a1 = await admit(db, who.clerk, {
    prison: 'BKO',
    person: syntheticPerson(rnd, 'male'),
    admitted_at: `${d1}T11:00:00Z`,
    arresting_authority: 'police',
    legal_document: {
      kind: 'conviction',
      authority: 'Tribunal de grande instance de la Commune III (démo)',
      reference: 'JUG-DEMO-GAV-1',
      issued_on: d1,
      sentence: { months: 3 },
      sentence_start: d1,
    },
    charges: [{ qualification: 'Vol simple', category: 'misdemeanour' }],
  });
  await addStage(db, who.clerk, a1.id, {
    force: 'police',
    unit: 'Commissariat du 3e arrondissement',
    place_kind: 'police_station',
    place_name: 'Commissariat du 3e arrondissement, Bamako',
    from_at: `${addDays(d1, -2)}T19:00:00Z`,
    to_at: `${d1}T11:00:00Z`,
    legal_basis: 'flagrante_delicto',
    document_reference: 'PV 245/C3 (démo)',
    prosecutor_jurisdiction_id: parquet,
  });

  // 2. Terrorism, past its limit: Camp I then the State Security service, 12 days before the committal order.
  const d2 = addDays(today, -45);
  const a2 = await admit(db, who.clerk, {
    prison: 'BKO',
    person: syntheticPerson(rnd, 'male'),
    admitted_at: `${d2}T09:00:00Z`,
    arresting_authority: 'army',
    legal_document: {
      kind: 'committal_order',
      authority: 'Pôle judiciaire spécialisé (démo)',
      reference: 'MD-DEMO-PJS-7',
      issued_on: d2,
    },
    charges: [
      {
        qualification: 'Association de malfaiteurs en relation avec une entreprise terroriste',
        category: 'felony',
        terrorism_related: true,
      },
    ],
  });
  await addStage(db, who.clerk, a2.id, {
    force: 'army',
    unit: 'FAMa, secteur de Mopti',
    place_kind: 'military_camp',
    place_name: 'Camp de Sévaré',
    from_at: `${addDays(d2, -12)}T06:00:00Z`,
    to_at: `${addDays(d2, -9)}T06:00:00Z`,
    legal_basis: 'military_detention',
    terrorism: true,
  });
  await addStage(db, who.clerk, a2.id, {
    force: 'gendarmerie',
    unit: 'Camp I de la gendarmerie',
    place_kind: 'camp_i',
    from_at: `${addDays(d2, -9)}T06:00:00Z`,
    to_at: `${addDays(d2, -4)}T06:00:00Z`,
    legal_basis: 'garde_a_vue',
    extensions: 2,
    extension_reference: 'Procureur du Pôle judiciaire spécialisé (démo)',
    terrorism: true,
    document_reference: 'PV 31/CAMP-I (démo)',
  });
  await addStage(db, who.clerk, a2.id, {
    force: 'state_security',
    place_kind: 'state_security',
    place_name: 'Sécurité d’État, Bamako',
    from_at: `${addDays(d2, -4)}T06:00:00Z`,
    legal_basis: 'not_stated',
    terrorism: true,
  });

  // 3. Held without charge: an arrest warrant six days ago, no committal order since.
  const d3 = addDays(today, -6);
  const a3 = await admit(db, who.clerk, {
    prison: 'BKO',
    person: syntheticPerson(rnd, 'male'),
    admitted_at: `${d3}T15:00:00Z`,
    arresting_authority: 'gendarmerie',
    legal_document: {
      kind: 'arrest_warrant',
      authority: 'Juge d’instruction du TGI de la Commune III (démo)',
      reference: 'MA-DEMO-C3-12',
      issued_on: d3,
    },
    charges: [{ qualification: 'Vol qualifié', category: 'felony' }],
  });
  await addStage(db, who.clerk, a3.id, {
    force: 'gendarmerie',
    unit: 'Brigade territoriale de Kati',
    place_kind: 'gendarmerie_brigade',
    from_at: `${addDays(d3, -1)}T10:00:00Z`,
    to_at: `${d3}T14:00:00Z`,
    legal_basis: 'garde_a_vue',
    prosecutor_jurisdiction_id: parquet,
  });
}
