/**
 * Demo data: the four prisons named in the brief, their quarters and cells, one user per role,
 * and a few hundred synthetic detainees (admitted over the last two years, some released), all
 * written through the same services as real data, so every row has its history.
 */
import { sql } from 'drizzle-orm';
import { type Actor, makeActor, type Role } from '../core/access.js';
import { bamakoDate } from '../core/dates.js';
import type { Database } from '../db/index.js';
import { addUser } from '../modules/access/index.js';
import { admit } from '../modules/custody/index.js';
import { createCell, createPrison, createUnit } from '../modules/estate/index.js';
import { checkAllocation, allocate, setCapacityDelegation } from '../modules/housing/index.js';
import { recordAgeAssessment, type BirthStored, minorReading, parseBirth } from '../modules/people/index.js';
import { addPartnerMember, addTitle, createJurisdiction } from '../modules/justice/index.js';
import { checkRelease, completeRelease, confirmRelease } from '../modules/movements/index.js';
import { recordStep, startReception } from '../modules/reception/index.js';
import { seedComplaints } from './complaints.js';
import { seedMovementsCount } from './movements-count.js';
import { seedTransfers } from './movements-transfers.js';
import { seedReleases } from './movements-release.js';
import { seedChainCustody } from './chain-custody.js';
import { seedVisits } from './visits.js';
import { seedChainAnnounce } from './chain-announce.js';
import { CHARGES, pick, prng, syntheticPerson } from './names.js';
import { type DemoCase, tellStory } from './story.js';

export const DEMO_PASSWORD = 'pmis-demo-2026';

export const DEMO_USERS: readonly {
  username: string;
  display_name: string;
  roles: Role[];
  national?: boolean;
  prisons?: string[];
  /** A prosecutor's jurisdictions (justice partners are scoped by jurisdiction, not by prison). */
  jurisdictions?: string[];
}[] = [
  { username: 'admin', display_name: 'Administration nationale (démo)', roles: ['national_admin'], national: true },
  {
    username: 'gendarme.kati',
    display_name: 'Adjudant, brigade de gendarmerie de Kati (démo)',
    roles: ['force_officer'],
  },
  {
    username: 'directeur.bko',
    display_name: 'Directeur MCA Bamako (démo)',
    roles: ['prison_director'],
    prisons: ['BKO'],
  },
  { username: 'greffier.bko', display_name: 'Greffier MCA Bamako (démo)', roles: ['registry_clerk'], prisons: ['BKO'] },
  {
    username: 'securite.bko',
    display_name: 'Chef de la sécurité MCA Bamako (démo)',
    roles: ['security_officer'],
    prisons: ['BKO'],
  },
  {
    username: 'social.bko',
    display_name: 'Assistante sociale MCA Bamako (démo)',
    roles: ['social_worker'],
    prisons: ['BKO'],
  },
  { username: 'medecin.bko', display_name: 'Infirmier MCA Bamako (démo)', roles: ['medical_staff'], prisons: ['BKO'] },
  { username: 'greffier.klk', display_name: 'Greffier Koulikoro (démo)', roles: ['registry_clerk'], prisons: ['KLK'] },
  {
    username: 'directeur.klk',
    display_name: 'Directeur Koulikoro (démo)',
    roles: ['prison_director'],
    prisons: ['KLK'],
  },
  {
    username: 'directeur.knb',
    display_name: 'Directeur Kénièroba (démo)',
    roles: ['prison_director'],
    prisons: ['KNB'],
  },
  {
    username: 'directrice.bol',
    display_name: 'Directrice Bollé (démo)',
    roles: ['prison_director'],
    prisons: ['BOL'],
  },
  { username: 'auditeur', display_name: 'Inspection (démo, lecture seule)', roles: ['auditor'], national: true },
  {
    username: 'procureur.c3',
    display_name: 'Procureur de la République près le TGI de la Commune III (démo)',
    roles: ['prosecutor'],
    jurisdictions: ['TGI-BKO-C3'],
  },
  {
    username: 'technique',
    display_name: 'Administration technique (démo)',
    roles: ['system_admin'],
    national: true,
  },
  {
    username: 'cndh',
    display_name: 'Commission nationale des droits de l’homme (démo)',
    roles: ['inspector'],
    national: true,
  },
  {
    username: 'plaintes.nat',
    display_name: 'Chargé national des plaintes (démo)',
    roles: ['complaints_officer'],
    national: true,
  },
];

const DEMO_JURISDICTIONS = [
  {
    code: 'TGI-BKO-C3',
    name: 'Tribunal de grande instance de la Commune III de Bamako',
    kind: 'court_first_instance',
    region_code: 'BKO',
  },
  {
    code: 'TGI-KLK',
    name: 'Tribunal de grande instance de Koulikoro',
    kind: 'court_first_instance',
    region_code: 'KOULIKORO',
  },
  { code: 'PJS', name: 'Pôle judiciaire spécialisé de Bamako', kind: 'pole_judiciaire_specialise', region_code: 'BKO' },
  { code: 'CA-BKO', name: 'Cour d’appel de Bamako', kind: 'appeal_court', region_code: 'BKO' },
] as const;

interface DemoPrison {
  code: string;
  name: string;
  kind: 'central_prison' | 'detention_centre' | 'womens_centre' | 'minors_centre';
  region_code: string;
  official_capacity: number | null;
  units: { code: string; name: string; cells: number; cellCapacity: number | null }[];
  population: number;
  women: boolean;
}

export const DEMO_PRISONS: DemoPrison[] = [
  {
    code: 'BKO',
    name: "Maison centrale d'arrêt de Bamako",
    kind: 'central_prison',
    region_code: 'BKO',
    official_capacity: 400,
    population: 560,
    women: false,
    units: [
      { code: 'A', name: 'Bâtiment A', cells: 8, cellCapacity: 30 },
      { code: 'B', name: 'Bâtiment B', cells: 8, cellCapacity: 30 },
      { code: 'QS1', name: 'Quartier spécial 1', cells: 4, cellCapacity: 20 },
      { code: 'QS2', name: 'Quartier spécial 2', cells: 4, cellCapacity: 20 },
      { code: 'M', name: 'Quartier des mineurs', cells: 2, cellCapacity: 10 },
    ],
  },
  {
    code: 'KLK',
    name: "Maison d'arrêt de Koulikoro",
    kind: 'detention_centre',
    region_code: 'KOULIKORO',
    official_capacity: 200,
    population: 150,
    women: false,
    units: [{ code: 'G', name: 'Quartier général', cells: 6, cellCapacity: 40 }],
  },
  {
    code: 'KNB',
    name: 'Centre de détention de Kénièroba',
    kind: 'detention_centre',
    region_code: 'KOULIKORO',
    official_capacity: null,
    population: 60,
    women: false,
    units: [{ code: 'P', name: 'Pavillon 1', cells: 4, cellCapacity: null }],
  },
  {
    code: 'BOL',
    name: 'Centre de détention pour femmes de Bollé',
    kind: 'womens_centre',
    region_code: 'BKO',
    official_capacity: null,
    population: 25,
    women: true,
    units: [{ code: 'F', name: 'Quartier des femmes', cells: 3, cellCapacity: 12 }],
  },
];

/** What the demo knows of the people in a cell, to choose a cell the placement rule accepts. */
interface DemoCell {
  id: string;
  unit: string;
  capacity: number | null;
  occupants: { key: number; admissionId: string; sex: 'male' | 'female'; untried: boolean; birth: BirthStored }[];
}

/**
 * The cell a careful officer would choose: one the allocation check accepts on that day (the same
 * pure rule the placement runs), already holding people of the same category, with room; else an
 * empty cell (the minors' quarter for a minor); else, where the director has delegated it, a
 * compatible cell over capacity. None: the person waits for an allocation.
 */
function chooseCell(
  cells: DemoCell[],
  person: { sex: 'male' | 'female'; untried: boolean; birth: BirthStored },
  on: string,
  overCapacityAllowed: boolean,
): { cell: DemoCell; over: boolean } | null {
  const occ = (o: { sex: 'male' | 'female'; untried: boolean; birth: BirthStored }, key: string) => {
    const m = minorReading(o.birth, on);
    return { personId: key, sex: o.sex, untried: o.untried, minor: m.minor, minorAssumed: m.assumed, level: null };
  };
  const me = occ(person, 'new');
  const ok = cells.filter(
    (c) =>
      checkAllocation({
        person: me,
        cell: { id: c.id, unitId: c.unit, capacity: null, occupants: c.occupants.map((o) => occ(o, String(o.key))) },
        keepApart: new Set(),
        policy: { highRisk: 'mixed', unitId: null },
      }).length === 0,
  );
  const room = (c: DemoCell) => c.capacity === null || c.occupants.length < c.capacity;
  const fill = (c: DemoCell) => (c.capacity ? c.occupants.length / c.capacity : c.occupants.length / 1000);
  const byFill = (xs: DemoCell[]) => [...xs].sort((a, b) => fill(a) - fill(b))[0];
  const minorsUnit = (c: DemoCell) => c.unit === 'M';
  const shared = byFill(ok.filter((c) => c.occupants.length && room(c)));
  if (shared) return { cell: shared, over: false };
  const empty = ok.filter((c) => !c.occupants.length && (c.capacity === null || c.capacity > 0));
  const first = empty.find((c) => minorsUnit(c) === me.minor) ?? empty[0];
  if (first) return { cell: first, over: false };
  const over = overCapacityAllowed ? byFill(ok) : undefined;
  return over ? { cell: over, over: true } : null;
}

export async function isEmpty(database: Database): Promise<boolean> {
  const r = await database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM prison`);
  return r.rows[0].n === 0;
}

export async function seedDemo(
  database: Database,
  opts: { log?: (m: string) => void; scale?: number } = {},
): Promise<void> {
  const log = opts.log ?? (() => {});
  const db = database.db;
  const scale = opts.scale ?? 1;
  const system = makeActor({
    id: '00000000-0000-0000-0000-000000000000',
    username: 'demo',
    displayName: 'demo',
    roles: ['national_admin'],
    national: true,
    prisonIds: [],
  });
  const cells = new Map<string, DemoCell[]>();
  for (const p of DEMO_PRISONS) {
    const prison = await createPrison(db, null, p);
    const ids: DemoCell[] = [];
    for (const u of p.units) {
      const unit = await createUnit(db, null, prison.id, { code: u.code, name: u.name });
      for (let i = 1; i <= u.cells; i++)
        ids.push({
          id: (
            await createCell(db, null, prison.id, {
              unit_id: unit.id,
              code: `${u.code}-${String(i).padStart(2, '0')}`,
              capacity: u.cellCapacity,
            })
          ).id,
          unit: u.code,
          capacity: u.cellCapacity,
          occupants: [],
        });
    }
    cells.set(p.code, ids);
  }
  const users: Awaited<ReturnType<typeof addUser>>[] = [];
  for (const { jurisdictions: _, ...u } of DEMO_USERS)
    users.push(await addUser(db, null, { ...u, password: DEMO_PASSWORD, lang: 'fr' }));
  // The courts the demo's titles and hearings come from; the prosecutor follows the Commune III's cases.
  const jurisdictionIds = new Map<string, string>();
  for (const j of DEMO_JURISDICTIONS) jurisdictionIds.set(j.code, (await createJurisdiction(db, null, j)).id);
  for (const u of DEMO_USERS) for (const j of u.jurisdictions ?? []) await addPartnerMember(db, null, j, u.username);
  const admin = users.find((u) => u.username === 'admin')!;
  const actor = { ...system, userId: admin.id, username: admin.username };
  // Bamako's director lets the registry exceed a cell's capacity with a reason for each placement
  // (capacity only); elsewhere only the director may.
  const director = users.find((u) => u.username === 'directeur.bko')!;
  const bko = (await db.execute<{ id: string }>(sql`SELECT id FROM prison WHERE code = 'BKO'`)).rows[0].id;
  const dirActor = makeActor({
    id: director.id,
    username: director.username,
    displayName: director.display_name,
    roles: director.roles,
    national: false,
    prisonIds: [bko],
  });
  await setCapacityDelegation(db, dirActor, 'BKO', {
    delegated: true,
    reason:
      'Surpopulation chronique : le greffe peut dépasser la capacité d’une cellule en motivant chaque placement ; ' +
      'la séparation reste de mon ressort (démo)',
  });
  const delegated = new Set(['BKO']);
  // Each prison's staff as actors: the registry clerks record the later titles and hearings
  // (justice.write in their prison), the social service assesses, the director decides.
  const byRole = (role: Role) => {
    const m = new Map<string, Actor>();
    for (const u of users.filter((x) => x.roles.includes(role) && !x.national)) {
      const spec = DEMO_USERS.find((d) => d.username === u.username)!;
      for (const code of spec.prisons ?? [])
        m.set(
          code,
          makeActor({
            id: u.id,
            username: u.username,
            displayName: u.display_name,
            roles: u.roles,
            national: false,
            prisonIds: [prisonIds.get(code)!],
          }),
        );
    }
    return m;
  };
  const prisonIds = new Map(
    (await db.execute<{ id: string; code: string }>(sql`SELECT id, code FROM prison`)).rows.map((r) => [r.code, r.id]),
  );
  const clerks = byRole('registry_clerk');
  const directors = byRole('prison_director');
  const social = byRole('social_worker');
  const story: DemoCase[] = [];
  const rnd = prng(20261125);
  const now = Date.now();
  const DAY = 86_400_000;
  for (const p of DEMO_PRISONS) {
    const n = Math.round(p.population * scale);
    const prisonCells = cells.get(p.code)!;
    log(`Demo: ${n} detainees at ${p.code}`);
    // In date order, so that committal numbers follow the order of arrival as in a real register.
    const dates = Array.from({ length: n }, () => now - Math.floor(rnd() * 720) * DAY - Math.floor(rnd() * DAY)).sort(
      (a, b) => a - b,
    );
    for (let i = 0; i < n; i++) {
      const person = syntheticPerson(rnd, p.women ? 'female' : 'male', bamakoDate());
      const admittedAt = new Date(dates[i]);
      const charge = p.code.startsWith('BKO') && rnd() < 0.3 ? CHARGES[0] : pick(rnd, CHARGES.slice(1));
      const convicted = rnd() < 0.35;
      const issued = new Date(admittedAt.getTime() - 2 * DAY).toISOString().slice(0, 10);
      const facts = { sex: person.sex, untried: !convicted, birth: parseBirth(person.birth, bamakoDate()).value! };
      // The placement rule reads today's facts (ages today): so does the choice.
      const chosen = chooseCell(prisonCells, facts, bamakoDate(), delegated.has(p.code));
      const a = await admit(db, actor, {
        prison: p.code,
        person: { ...person, languages: ['bm'] },
        admitted_at: admittedAt.toISOString(),
        arresting_authority: charge.terrorism_related
          ? pick(rnd, ['gendarmerie', 'army', 'state_security', 'foreign_forces'])
          : pick(rnd, ['police', 'gendarmerie']),
        legal_document: convicted
          ? {
              kind: 'conviction',
              authority: 'Tribunal de grande instance de la Commune III de Bamako',
              reference: `JUG-${1000 + i}`,
              issued_on: issued,
              // The sentence of the judgment (from the index, not the random stream: the rest of the demo is unchanged),
              // long enough that the person is still lawfully held today (a demo full of overdue releases tells a director nothing).
              sentence: {
                years: Math.ceil((now - admittedAt.getTime()) / (365 * DAY)) + 1 + (i % 4),
                ...((i * 7) % 12 ? { months: (i * 7) % 12 } : {}),
                ...(i % 9 === 0 ? { suspended: { months: 6 } } : {}),
              },
              sentence_start: issued,
              case_ref: `RP-${p.code}-${1000 + i}`,
            }
          : {
              kind: 'committal_order',
              authority: charge.terrorism_related
                ? 'Pôle judiciaire spécialisé, cabinet d’instruction n°1'
                : 'Tribunal de grande instance de la Commune III de Bamako',
              reference: `MD-${2000 + i}`,
              issued_on: issued,
            },
        charges: [charge],
        cell_id: chosen?.cell.id ?? null,
        over_capacity_reason: chosen?.over ? 'Surpopulation : aucune cellule compatible avec de la place (démo)' : null,
      });
      chosen?.cell.occupants.push({ key: i, admissionId: a.id, ...facts });
      const c: DemoCase = {
        prison: p.code,
        i,
        admissionId: a.id,
        documentId: a.documents[0].id,
        admittedOn: bamakoDate(admittedAt),
        issued,
        convicted,
        caseRef: convicted ? `RP-${p.code}-${1000 + i}` : null,
        charge,
      };
      if (convicted && clerks.has(p.code)) await demoSentences(db, clerks.get(p.code)!, a, i, issued);
      // About one in six demo admissions has ended (a release on a release order), for statistics at
      // past dates — through the release checklist like any release: checked by the registry,
      // confirmed by the director, completed. Only where the prison has both (Bamako, Koulikoro).
      const ends = rnd() < 0.16;
      const end = ends ? new Date(admittedAt.getTime() + Math.floor(rnd() * (now - admittedAt.getTime()))) : null;
      const checker = clerks.get(p.code);
      const confirmer = directors.get(p.code);
      const court = DEMO_JURISDICTIONS.find(
        (j) => j.region_code === p.region_code && j.kind === 'court_first_instance',
      );
      if (end && checker && confirmer && court) {
        const r = await checkRelease(db, checker, {
          admission_id: a.id,
          reason: 'release_order',
          order_jurisdiction_id: jurisdictionIds.get(court.code)!,
          order_reference: `MLV-${p.code}-${1000 + i}`,
          order_date: bamakoDate(end),
          identity_verified: true,
          photo_shown: false,
          fingerprints_taken: false,
          check_notes: 'Mainlevée (démo)',
        });
        await confirmRelease(db, confirmer, r.id, { notes: null });
        await completeRelease(db, checker, r.id, {
          all_returned: true,
          signed_by_person: true,
          released_at: end.toISOString(),
        });
        if (chosen) chosen.cell.occupants = chosen.cell.occupants.filter((o) => o.key !== i);
      } else story.push(c);
    }
  }
  // What happened since: orders renewed (or not), committals for trial, appeals, hearings, classifications.
  await tellStory(
    database,
    story,
    {
      registry: new Map([...directors, ...clerks]),
      assessor: new Map([...directors, ...social]),
      director: directors,
    },
    log,
  );
  const today = bamakoDate();
  // One placement against a separation rule, as a director really would decide it, with the reason:
  // an untried man moved to the one ventilated cell, shared with convicted men, during treatment.
  const bkoCells = cells.get('BKO')!;
  const sick = bkoCells
    .filter((c) => c.unit !== 'M')
    .flatMap((c) => c.occupants)
    .find((o) => o.untried && !minorReading(o.birth, today).minor);
  const ventilated = bkoCells.find(
    (c) =>
      c.unit !== 'M' &&
      c.occupants.length > 0 &&
      c.occupants.every((o) => !o.untried && !minorReading(o.birth, today).minor),
  );
  if (sick && ventilated) {
    await allocate(db, dirActor, sick.admissionId, {
      cell_id: ventilated.id,
      reason: 'Isolement respiratoire sur avis de l’infirmier (démo)',
      override_reason:
        'Seule cellule ventilée disponible pendant le traitement antituberculeux ; réexamen à la fin du traitement (démo)',
    });
  }
  // An age change: a young man treated as a minor (age uncertain, no assessment) is found to be an
  // adult by the birth certificate his family brought. The breach report shows at once that he now shares
  // the minors' cell as an adult, until he is moved.
  const youngAdult = bkoCells
    .filter((c) => c.unit === 'M')
    .flatMap((c) => c.occupants)
    .find((o) => minorReading(o.birth, today).assumed);
  if (youngAdult) {
    const personId = (
      await db.execute<{ person_id: string }>(sql`SELECT person_id FROM admission WHERE id = ${youngAdult.admissionId}`)
    ).rows[0].person_id;
    await recordAgeAssessment(db, dirActor, personId, {
      method: 'documents',
      assessed_by: 'Greffe de la MCA, sur l’acte de naissance apporté par la famille (démo)',
      assessed_on: today,
      result: 'adult',
      minimum_age: 18,
      notes: 'Majeur selon l’acte de naissance (démo)',
    });
  }
  // Two arrivals being received at Bamako, so that the home page shows receptions in progress.
  const r1 = await startReception(db, dirActor, {
    prison: 'BKO',
    arresting_authority: 'gendarmerie',
    officer_name: 'Adjudant-chef (démo)',
    officer_unit: 'Camp I de la gendarmerie',
    warrant_name: 'Dicko Hamadoun',
    warrant_birth: 'vers 1995',
    warrant_region: 'MOPTI',
    warrant_charge: 'Association de malfaiteurs',
    warrant_reference: 'MD-DEMO-1',
    nothing_shared: true,
  });
  await recordStep(db, dirActor, r1.id, 'security', {
    rules_explained: true,
    rules_language: 'ff',
    body_search_done: true,
    prohibited_items: [],
  });
  await startReception(db, dirActor, {
    prison: 'BKO',
    arresting_authority: 'police',
    officer_name: 'Sergent (démo)',
    warrant_name: 'Koné Siaka',
    warrant_charge: 'Vol qualifié',
    warrant_reference: 'MD-DEMO-2',
    information_shared: 'Procès-verbal d’audition',
  });
  // A handful of requests and complaints (one overdue, one allegation, one confidential).
  const clerkRow = users.find((u) => u.username === 'greffier.bko')!;
  const officerRow = users.find((u) => u.username === 'plaintes.nat')!;
  await seedComplaints(database, {
    clerk: makeActor({
      id: clerkRow.id,
      username: clerkRow.username,
      displayName: clerkRow.display_name,
      roles: clerkRow.roles,
      national: false,
      prisonIds: [bko],
    }),
    director: dirActor,
    officer: makeActor({
      id: officerRow.id,
      username: officerRow.username,
      displayName: officerRow.display_name,
      roles: officerRow.roles,
      national: true,
      prisonIds: [],
    }),
  });
  // Escorts today and yesterday, this morning's count at Bamako (docs/movements-count.md).
  await seedMovementsCount(database, {
    security: bkoActor('securite.bko'),
    clerk: bkoActor('greffier.bko'),
    director: dirActor,
  });

  function bkoActor(username: string) {
    const u = users.find((x) => x.username === username)!;
    return makeActor({
      id: u.id,
      username,
      displayName: u.display_name,
      roles: u.roles,
      national: false,
      prisonIds: [bko],
    });
  }
  // Transfers between prisons: Bamako → Kénièroba decongestion (one vehicle received, one on the road), others awaiting decision.
  await seedTransfers(database, users);
  // Releases due at Bamako (one tomorrow), one release done with its certificate, one escape at Koulikoro.
  await seedReleases(
    database,
    { clerk: clerks.get('BKO')!, director: dirActor, klkClerk: clerks.get('KLK')!, national: actor },
    prng(20261202),
  );
  // Custody before prison at Bamako: one chain within its limits, one past its limit (terrorism), one held without charge.
  await seedChainCustody(database, { clerk: clerks.get('BKO')! }, prng(20261203));
  // Visits at Bamako: the Friday rules, visitors, next Friday's list with a lawyer and a banned visitor refused.
  await seedVisits(database, { clerk: clerks.get('BKO')!, director: dirActor });
  // Arrivals announced by the gendarmerie of Kati: one with its information, one with nothing shared.
  await seedChainAnnounce(
    database,
    users.find((u) => u.username === 'gendarme.kati')!,
  );
}

/**
 * A few convicted demo people have more than one sentence: every fourth a second conviction in
 * another case, consecutive (or, every eighth, concurrent by court order); every third a remission on
 * the first sentence only. So the release dates show the whole calculation.
 */
async function demoSentences(
  db: Database['db'],
  actor: Parameters<typeof addTitle>[1],
  a: Awaited<ReturnType<typeof admit>>,
  i: number,
  issued: string,
): Promise<void> {
  const first = a.documents[0];
  const today = bamakoDate();
  const later = (days: number) => {
    const d = new Date(`${issued}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  };
  const court = {
    authority_kind: 'court_first_instance',
    authority: 'Tribunal de grande instance de la Commune III de Bamako',
  } as const;
  if (i % 4 === 1 && later(60) <= today) {
    await addTitle(db, actor, a.id, {
      ...court,
      kind: 'conviction',
      reference: `JUG-${5000 + i}`,
      issued_on: later(60),
      sentence: { months: 6 + (i % 3) * 6 },
      case_ref: `RP-${a.committal_number}-B`,
      sentence_relation: i % 8 === 1 ? 'concurrent' : 'consecutive',
      related_to_id: first.id,
      notes: 'Deuxième affaire jugée pendant la détention (démo)',
    });
  }
  if (i % 3 === 0 && later(120) <= today) {
    await addTitle(db, actor, a.id, {
      authority_kind: 'head_of_state',
      authority: 'Président de la Transition',
      kind: 'remission',
      reference: `DEC-REM-${i}`,
      issued_on: later(120),
      reduction: { months: 2 },
      applies_to_id: first.id,
      notes: 'Remise de peine collective du 22 septembre (démo)',
    });
  }
}
