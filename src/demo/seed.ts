/**
 * Demo data: the four prisons named in the brief, their quarters and cells, one user per role,
 * and a few hundred synthetic detainees (admitted over the last two years, some released), all
 * written through the same services as real data, so every row has its history.
 */
import { sql } from 'drizzle-orm';
import { makeActor, type Role } from '../core/access.js';
import type { Database } from '../db/index.js';
import { addUser } from '../modules/access/service.js';
import { admit, endAdmission } from '../modules/custody/service.js';
import { createCell, createPrison, createUnit } from '../modules/estate/service.js';
import { recordStep, startReception } from '../modules/reception/service.js';
import { CHARGES, pick, prng, syntheticPerson } from './names.js';

export const DEMO_PASSWORD = 'pmis-demo-2026';

export const DEMO_USERS: readonly { username: string; display_name: string; roles: Role[]; national?: boolean; prisons?: string[] }[] = [
  { username: 'admin', display_name: 'Administration nationale (démo)', roles: ['national_admin'], national: true },
  { username: 'directeur.bko', display_name: 'Directeur MCA Bamako (démo)', roles: ['prison_director'], prisons: ['BKO'] },
  { username: 'greffier.bko', display_name: 'Greffier MCA Bamako (démo)', roles: ['registry_clerk'], prisons: ['BKO'] },
  { username: 'securite.bko', display_name: 'Chef de la sécurité MCA Bamako (démo)', roles: ['security_officer'], prisons: ['BKO'] },
  { username: 'social.bko', display_name: 'Assistante sociale MCA Bamako (démo)', roles: ['social_worker'], prisons: ['BKO'] },
  { username: 'medecin.bko', display_name: 'Infirmier MCA Bamako (démo)', roles: ['medical_staff'], prisons: ['BKO'] },
  { username: 'greffier.klk', display_name: 'Greffier Koulikoro (démo)', roles: ['registry_clerk'], prisons: ['KLK'] },
  { username: 'directeur.klk', display_name: 'Directeur Koulikoro (démo)', roles: ['prison_director'], prisons: ['KLK'] },
  { username: 'auditeur', display_name: 'Inspection (démo, lecture seule)', roles: ['auditor'], national: true },
];

interface DemoPrison { code: string; name: string; kind: 'central_prison' | 'detention_centre' | 'womens_centre' | 'minors_centre'; region_code: string; official_capacity: number | null; units: { code: string; name: string; cells: number; cellCapacity: number | null }[]; population: number; women: boolean }

export const DEMO_PRISONS: DemoPrison[] = [
  { code: 'BKO', name: "Maison centrale d'arrêt de Bamako", kind: 'central_prison', region_code: 'BKO', official_capacity: 400, population: 560, women: false,
    units: [{ code: 'A', name: 'Bâtiment A', cells: 8, cellCapacity: 30 }, { code: 'B', name: 'Bâtiment B', cells: 8, cellCapacity: 30 }, { code: 'QS1', name: 'Quartier spécial 1', cells: 4, cellCapacity: 20 }, { code: 'QS2', name: 'Quartier spécial 2', cells: 4, cellCapacity: 20 }] },
  { code: 'KLK', name: "Maison d'arrêt de Koulikoro", kind: 'detention_centre', region_code: 'KOULIKORO', official_capacity: 200, population: 150, women: false,
    units: [{ code: 'G', name: 'Quartier général', cells: 6, cellCapacity: 40 }] },
  { code: 'KNB', name: 'Centre de détention de Kénièroba', kind: 'detention_centre', region_code: 'KOULIKORO', official_capacity: null, population: 60, women: false,
    units: [{ code: 'P', name: 'Pavillon 1', cells: 4, cellCapacity: null }] },
  { code: 'BOL', name: 'Centre de détention pour femmes de Bollé', kind: 'womens_centre', region_code: 'BKO', official_capacity: null, population: 25, women: true,
    units: [{ code: 'F', name: 'Quartier des femmes', cells: 3, cellCapacity: 12 }] },
];

export async function isEmpty(database: Database): Promise<boolean> {
  const r = await database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM prison`);
  return r.rows[0]!.n === 0;
}

export async function seedDemo(database: Database, opts: { log?: (m: string) => void; scale?: number } = {}): Promise<void> {
  const log = opts.log ?? (() => {});
  const db = database.db;
  const scale = opts.scale ?? 1;
  const system = makeActor({ id: '00000000-0000-0000-0000-000000000000', username: 'demo', displayName: 'demo', roles: ['national_admin'], national: true, prisonIds: [] });
  const cells = new Map<string, string[]>();
  for (const p of DEMO_PRISONS) {
    const prison = await createPrison(db, null, p);
    const ids: string[] = [];
    for (const u of p.units) {
      const unit = await createUnit(db, null, prison.id, { code: u.code, name: u.name });
      for (let i = 1; i <= u.cells; i++) ids.push((await createCell(db, null, prison.id, { unit_id: unit.id, code: `${u.code}-${String(i).padStart(2, '0')}`, capacity: u.cellCapacity })).id);
    }
    cells.set(p.code, ids);
  }
  const users = [];
  for (const u of DEMO_USERS) users.push(await addUser(db, null, { ...u, password: DEMO_PASSWORD, lang: 'fr' }));
  const admin = users.find((u) => u.username === 'admin')!;
  const actor = { ...system, userId: admin.id, username: admin.username };
  const rnd = prng(20261125);
  const now = Date.now();
  const DAY = 86_400_000;
  for (const p of DEMO_PRISONS) {
    const n = Math.round(p.population * scale);
    const cellIds = cells.get(p.code)!;
    log(`Demo: ${n} detainees at ${p.code}`);
    // In date order, so that committal numbers follow the order of arrival as in a real register.
    const dates = Array.from({ length: n }, () => now - Math.floor(rnd() * 720) * DAY - Math.floor(rnd() * DAY)).sort((a, b) => a - b);
    for (let i = 0; i < n; i++) {
      const person = syntheticPerson(rnd, p.women ? 'female' : 'male');
      const admittedAt = new Date(dates[i]!);
      const charge = p.code.startsWith('BKO') && rnd() < 0.3 ? CHARGES[0]! : pick(rnd, CHARGES.slice(1));
      const convicted = rnd() < 0.35;
      const issued = new Date(admittedAt.getTime() - 2 * DAY).toISOString().slice(0, 10);
      const a = await admit(db, actor, {
        prison: p.code, person: { ...person, languages: ['bm'] }, admitted_at: admittedAt.toISOString(),
        arresting_authority: charge.terrorism_related ? pick(rnd, ['gendarmerie', 'army', 'state_security', 'foreign_forces']) : pick(rnd, ['police', 'gendarmerie']),
        legal_document: convicted
          ? { kind: 'conviction', authority: 'Tribunal de grande instance de la Commune III de Bamako', reference: `JUG-${1000 + i}`, issued_on: issued }
          : { kind: 'committal_order', authority: charge.terrorism_related ? 'Pôle judiciaire spécialisé, cabinet d’instruction n°1' : 'Tribunal de grande instance de la Commune III de Bamako', reference: `MD-${2000 + i}`, issued_on: issued },
        charges: [charge],
        cell_id: pick(rnd, cellIds), over_capacity_reason: 'Surpopulation : aucune cellule avec de la place (démo)',
      });
      // About one in six demo admissions has ended (release or transfer), for statistics at past dates.
      if (rnd() < 0.16) {
        const end = new Date(admittedAt.getTime() + Math.floor(rnd() * (now - admittedAt.getTime())));
        await endAdmission(db, actor, a.id, { reason: 'release', ended_at: end.toISOString(), detail: 'Mainlevée (démo)' });
      }
    }
  }
  // Two arrivals being received at Bamako, so that the home page shows receptions in progress.
  const director = users.find((u) => u.username === 'directeur.bko')!;
  const bko = (await db.execute<{ id: string }>(sql`SELECT id FROM prison WHERE code = 'BKO'`)).rows[0]!.id;
  const dirActor = makeActor({ id: director.id, username: director.username, displayName: director.display_name, roles: director.roles, national: false, prisonIds: [bko] });
  const r1 = await startReception(db, dirActor, { prison: 'BKO', arresting_authority: 'gendarmerie', officer_name: 'Adjudant-chef (démo)', officer_unit: 'Camp I de la gendarmerie', warrant_name: 'Dicko Hamadoun', warrant_birth: 'vers 1995', warrant_region: 'MOPTI', warrant_charge: 'Association de malfaiteurs', warrant_reference: 'MD-DEMO-1', nothing_shared: true });
  await recordStep(db, dirActor, r1.id, 'security', { rules_explained: true, rules_language: 'ff', body_search_done: true, prohibited_items: [] });
  await startReception(db, dirActor, { prison: 'BKO', arresting_authority: 'police', officer_name: 'Sergent (démo)', warrant_name: 'Koné Siaka', warrant_charge: 'Vol qualifié', warrant_reference: 'MD-DEMO-2', information_shared: 'Procès-verbal d’audition' });
}
