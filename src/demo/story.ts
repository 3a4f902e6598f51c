/**
 * The demo's justice and classification story (issue 12), written through the services like any
 * registry's work: detention orders renewed on time for most people under investigation (a few
 * renewed late, a few not yet renewed, a few left to expire), the investigating judge committing
 * people for trial, convicted people appealing, hearings held over the past year and listed for the
 * coming weeks, and initial classifications decided from an assessment for almost everyone held.
 * All dates are relative to today.
 */
import pLimit from 'p-limit';
import type { Actor } from '../core/access.js';
import { bamakoDate } from '../core/dates.js';
import type { Database } from '../db/index.js';
import {
  allItems,
  decideClassification,
  GENERAL_NEEDS_V1,
  saveAssessment,
  startAssessment,
  VIOLENT_EXTREMISM_V1,
} from '../modules/classification/index.js';
import {
  addDays,
  addTitle,
  correctTitle,
  daysBetween,
  lastDayOf,
  minDate,
  recordHearingOutcome,
  scheduleHearing,
  workingDaysBefore,
} from '../modules/justice/index.js';

/** What the demo knows of a person still held when the admissions are written. */
export interface DemoCase {
  prison: string;
  /** The person's index in the prison's admissions (the story's choices follow it, not chance). */
  i: number;
  admissionId: string;
  /** The committal order or judgment recorded at admission. */
  documentId: string;
  admittedOn: string;
  /** Date of the title recorded at admission. */
  issued: string;
  convicted: boolean;
  caseRef: string | null;
  charge: { qualification: string; category: string; terrorism_related: boolean };
}

export interface StoryActors {
  /** Who records titles and hearings in each prison (the registry; the director where there is no clerk). */
  registry: Map<string, Actor>;
  /** Who assesses (the social service; the director where there is none). */
  assessor: Map<string, Actor>;
  /** Who decides the security level. */
  director: Map<string, Actor>;
}

const COURTS: Record<string, { court: string; jurisdiction: string }> = {
  BKO: { court: 'Tribunal de grande instance de la Commune III de Bamako', jurisdiction: 'TGI-BKO-C3' },
  KNB: { court: 'Tribunal de grande instance de la Commune III de Bamako', jurisdiction: 'TGI-BKO-C3' },
  BOL: { court: 'Tribunal de grande instance de la Commune III de Bamako', jurisdiction: 'TGI-BKO-C3' },
  KLK: { court: 'Tribunal de grande instance de Koulikoro', jurisdiction: 'TGI-KLK' },
};
const PJS = { court: 'Pôle judiciaire spécialisé de Bamako', jurisdiction: 'PJS' };

const at = (day: string, hour = 9) => `${day}T${String(hour).padStart(2, '0')}:00:00Z`;

/** Deterministic choices from the person's index: a share `p` of people, spread evenly. */
const share = (i: number, salt: number, p: number) => ((i * 2654435761 + salt * 40503) % 1000) / 1000 < p;

export async function tellStory(
  database: Database,
  cases: readonly DemoCase[],
  who: StoryActors,
  log: (m: string) => void = () => {},
): Promise<void> {
  const db = database.db;
  const today = bamakoDate();
  const byPrison = new Map<string, DemoCase[]>();
  for (const c of cases) byPrison.set(c.prison, [...(byPrison.get(c.prison) ?? []), c]);
  // Four people at a time: each write is its own transaction on one admission, as at four desks.
  const limit = pLimit(4);
  for (const [prison, list] of byPrison) {
    const registry = who.registry.get(prison);
    if (!registry) continue;
    // A few orders left to expire, the most recent first: the registry has not yet obtained the
    // judge's order (art. 129: the director must tell the judge). Never more than one in sixty.
    const expire = new Set(
      list
        .filter((c) => mayBeLeftToExpire(c, today))
        .sort((a, b) => b.admittedOn.localeCompare(a.admittedOn))
        .slice(0, Math.floor(list.length / 60))
        .map((c) => c.admissionId),
    );
    log(`Demo: titles, hearings and classifications at ${prison}`);
    await Promise.all(
      list.map((c) =>
        limit(() =>
          c.convicted
            ? convictedStory(db, registry, c, today)
            : untriedStory(db, registry, c, today, expire.has(c.admissionId)),
        ),
      ),
    );
    const assessor = who.assessor.get(prison);
    const director = who.director.get(prison);
    if (assessor && director)
      await Promise.all(list.map((c) => limit(() => classify(db, assessor, director, c, today))));
  }
}

/** Court and jurisdiction of a case. */
const courtOf = (c: DemoCase) => (c.charge.terrorism_related ? PJS : (COURTS[c.prison] ?? COURTS.BKO));

/**
 * Committed for trial on: a third of the felonies after eight months, half the misdemeanours after
 * five, every misdemeanour before its twelve months run out; else null.
 */
function trialDateOf(c: DemoCase, today: string): string | null {
  const felony = c.charge.category === 'felony';
  const held = daysBetween(c.issued, today);
  const maxEnd = lastDayOf(c.issued, felony ? { years: 3 } : { years: 1 });
  if (felony && held > 240 && share(c.i, 1, 0.35)) return addDays(c.issued, 200 + ((c.i * 13) % (held - 220)));
  if (!felony && held > 150 && (share(c.i, 2, 0.5) || maxEnd < addDays(today, 30)))
    return minDate(addDays(c.issued, 140 + ((c.i * 11) % Math.max(1, Math.min(held, 330) - 150))), today);
  return null;
}

/** Under investigation for a felony (not terrorism), whose first year ran out in the last three months. */
function mayBeLeftToExpire(c: DemoCase, today: string): boolean {
  if (c.convicted || c.charge.category !== 'felony' || c.charge.terrorism_related || trialDateOf(c, today))
    return false;
  const firstEnd = lastDayOf(c.issued, { years: 1 });
  return firstEnd < today && daysBetween(firstEnd, today) < 90;
}

/**
 * An untried person: the detention orders the law needs up to today (or up to the committal for
 * trial), then hearings; `leaveExpired`: the order that ran out is not renewed.
 */
async function untriedStory(
  db: Database['db'],
  actor: Actor,
  c: DemoCase,
  today: string,
  leaveExpired: boolean,
): Promise<void> {
  const felony = c.charge.category === 'felony';
  const { court, jurisdiction } = courtOf(c);
  const judgeKind = c.charge.terrorism_related
    ? ('pole_judiciaire_specialise' as const)
    : ('investigating_judge' as const);
  const judge = c.charge.terrorism_related
    ? `${court}, cabinet d’instruction n°1`
    : `${court}, cabinet d’instruction n°2`;
  const start = c.issued;
  // A misdemeanour's category comes from the judge's order (penalty over two years): until the
  // registry has it, the protective one-month rule applies and an alert asks for it.
  const category = c.charge.terrorism_related ? 'terrorism' : felony ? 'felony' : 'misdemeanour_over_2y';
  const first = felony ? { years: 1 } : { months: 6 };
  const firstEnd = lastDayOf(start, first);
  const trialOn = trialDateOf(c, today);
  const until = trialOn ?? today;
  let expired = false;
  let extension: Parameters<typeof addTitle>[3] | null = null;
  if (firstEnd < until || (!trialOn && addDays(firstEnd, -30) < today && daysBetween(today, firstEnd) < 12)) {
    // Renewed within the eight working days before expiry (art. 135), on time; a few renewed late
    // (the gap stays in the alert history); one in sixty not renewed at all.
    const window = workingDaysBefore(addDays(firstEnd, 1), 8);
    const late = felony && !trialOn && share(c.i, 3, 0.04) && addDays(firstEnd, 9) < today;
    let issuedOn = late ? addDays(firstEnd, 3 + (c.i % 6)) : addDays(window, c.i % 6);
    if (issuedOn > firstEnd && !late) issuedOn = firstEnd;
    if (leaveExpired) expired = true;
    else if (issuedOn <= today)
      extension = {
        kind: 'extension_order',
        authority_kind: judgeKind,
        authority: judge,
        jurisdiction,
        reference: `OP-${c.prison}-${3000 + c.i}`,
        issued_on: issuedOn,
        offence_category: category,
        period: felony ? { years: 1 } : { months: 6 },
        case_ref: c.caseRef,
        notes: late ? 'Ordonnance reçue au greffe après l’expiration du mandat (démo)' : null,
      };
  }
  // Titles later in time first: each write recomputes today's state, and an order entered before the
  // committal for trial that followed it would show, for a moment, an expiry that never was.
  if (trialOn)
    await addTitle(db, actor, c.admissionId, {
      kind: 'committal_for_trial',
      authority_kind: felony ? 'indictment_chamber' : 'investigating_judge',
      authority: felony ? 'Chambre d’accusation de la Cour d’appel de Bamako' : judge,
      jurisdiction: felony ? null : jurisdiction,
      reference: `${felony ? 'AMA' : 'ORD-R'}-${c.prison}-${4000 + c.i}`,
      issued_on: trialOn,
      case_ref: c.caseRef,
    });
  if (extension) await addTitle(db, actor, c.admissionId, extension);
  else if (!felony && !expired && (trialOn || addDays(start, 28) < today || share(c.i, 4, 0.5)))
    // The category read on the committal order itself: a correction of what was recorded at admission.
    await correctTitle(db, actor, c.documentId, {
      changes: { offence_category: category },
      reason: 'Qualification et peine encourue (plus de deux ans) relevées sur le mandat de dépôt (démo)',
    });
  await untriedHearings(db, actor, c, today, trialOn, court, jurisdiction);
}

async function hearing(
  db: Database['db'],
  actor: Actor,
  c: DemoCase,
  input: {
    day: string;
    court: string;
    jurisdiction: string;
    purpose: string;
    outcome?: 'held' | 'adjourned' | 'not_produced';
  },
  n: number,
): Promise<void> {
  const h = await scheduleHearing(db, actor, c.admissionId, {
    court: input.court,
    jurisdiction: input.jurisdiction,
    scheduled_at: at(input.day, 9 + (c.i % 4)),
    purpose: input.purpose,
    production_order_ref: `EXT-${c.prison}-${c.i}-${n}`,
    ordered_by: input.court,
    escort_unit: c.prison === 'KLK' ? 'Brigade territoriale de Koulikoro' : 'Garde nationale, détachement de la MCA',
    escort_size: 2 + (c.i % 3),
  });
  if (input.outcome)
    await recordHearingOutcome(db, actor, h.id, {
      outcome: input.outcome,
      notes:
        input.outcome === 'adjourned'
          ? 'Renvoyé à une date ultérieure (démo)'
          : input.outcome === 'not_produced'
            ? 'Pas de véhicule pour l’escorte (démo)'
            : null,
    });
}

/**
 * Hearings: the investigating judge heard most people in the last five months (and many earlier);
 * those committed for trial have a trial date, some in the coming weeks.
 */
async function untriedHearings(
  db: Database['db'],
  actor: Actor,
  c: DemoCase,
  today: string,
  trialOn: string | null,
  court: string,
  jurisdiction: string,
): Promise<void> {
  const start = c.admittedOn;
  const held = daysBetween(start, today);
  let n = 0;
  // A first hearing, a few weeks after arrival, for half of those here more than seven months.
  if (held > 210 && share(c.i, 5, 0.5))
    await hearing(
      db,
      actor,
      c,
      {
        day: addDays(start, 20 + (c.i % 60)),
        court,
        jurisdiction,
        purpose: 'Interrogatoire de première comparution (démo)',
        outcome: 'held',
      },
      ++n,
    );
  // A recent hearing, in the last five months, for nine in ten of those here more than two months.
  if (held > 60 && !share(c.i, 6, 0.1)) {
    const from = Math.max(daysBetween(start, addDays(today, -150)), 30);
    const day = addDays(start, from + ((c.i * 7) % Math.max(1, held - from - 1)));
    const trial = !!trialOn && day > trialOn;
    // A trial hearing that took place was adjourned (no judgment in the demo: the person stays untried).
    const outcome = share(c.i, 7, 0.08) ? 'not_produced' : trial || share(c.i, 8, 0.2) ? 'adjourned' : 'held';
    await hearing(
      db,
      actor,
      c,
      {
        day: minDate(day, addDays(today, -1)),
        court,
        jurisdiction,
        purpose: trial ? 'Audience de jugement (démo)' : 'Interrogatoire au fond (démo)',
        outcome,
      },
      ++n,
    );
  }
  // Listed in the next thirty days: half of those committed for trial, a few under investigation.
  if ((trialOn && share(c.i, 9, 0.5)) || (!trialOn && held > 30 && share(c.i, 10, 0.12)))
    await hearing(
      db,
      actor,
      c,
      {
        day: addDays(today, 1 + (c.i % 29)),
        court,
        jurisdiction,
        purpose: trialOn ? 'Audience de jugement (démo)' : 'Confrontation (démo)',
      },
      n + 1,
    );
}

/** A convicted person: some appeal within ten days of the judgment; a few are heard in appeal soon. */
async function convictedStory(db: Database['db'], actor: Actor, c: DemoCase, today: string): Promise<void> {
  const lodged = addDays(c.issued, 3 + (c.i % 7));
  if (daysBetween(c.issued, today) > 300 || lodged > today || !share(c.i, 11, 0.3)) return;
  await addTitle(db, actor, c.admissionId, {
    kind: 'appeal',
    authority_kind: 'appeal_court',
    authority: 'Cour d’appel de Bamako',
    reference: `APP-${c.prison}-${6000 + c.i}`,
    issued_on: lodged,
    applies_to_id: c.documentId,
    case_ref: c.caseRef,
    notes: 'Appel interjeté par le condamné (démo)',
  });
  if (share(c.i, 12, 0.4))
    await hearing(
      db,
      actor,
      c,
      {
        day: addDays(today, 2 + (c.i % 27)),
        court: 'Cour d’appel de Bamako',
        jurisdiction: 'CA-BKO',
        purpose: 'Audience d’appel (démo)',
      },
      1,
    );
}

/**
 * The initial classification: an assessment completed (the violent extremism guide for people
 * accused of terrorism, the needs assessment for others), then the director's decision with
 * reasons; the next review staggered over the interval. One in fifteen held more than a week waits.
 */
async function classify(
  db: Database['db'],
  assessor: Actor,
  director: Actor,
  c: DemoCase,
  today: string,
): Promise<void> {
  const held = daysBetween(c.admittedOn, today);
  if (held < 7 || share(c.i, 13, 0.07)) return;
  const risk = c.charge.terrorism_related;
  const def = risk ? VIOLENT_EXTREMISM_V1 : GENERAL_NEEDS_V1;
  const judgement = risk
    ? share(c.i, 14, 0.4)
      ? 'high'
      : share(c.i, 15, 0.8)
        ? 'moderate'
        : 'low'
    : share(c.i, 16, 0.2)
      ? 'raised'
      : 'routine';
  const values = risk ? ['partly', 'absent', 'unknown', 'present'] : ['none', 'some', 'none', 'high'];
  const content = {
    ratings: Object.fromEntries(
      allItems(def).map((it, k) => [
        it.code,
        { value: values[(c.i + k) % values.length], evidence: 'Entretien (démo)' },
      ]),
    ),
    summary: risk
      ? 'Entretien et dossier judiciaire ; aucune décision de justice n’établit encore les faits (démo)'
      : 'Entretien d’accueil avec le service social (démo)',
    judgement,
    judgement_reasons: 'Au vu de l’ensemble du tableau et des facteurs de protection (démo)',
  };
  const a = await startAssessment(db, assessor, c.admissionId, { instrument: def.code, content });
  const done = await saveAssessment(db, assessor, a.id, { content, row_version: a.row_version, complete: true });
  const violent = /Meurtre|armes|Vol qualifié/.test(c.charge.qualification);
  const level = risk
    ? judgement === 'high'
      ? 'high'
      : judgement === 'moderate'
        ? 'medium'
        : 'low'
    : violent
      ? 'medium'
      : 'low';
  const interval = { high: 90, medium: 180, low: 365 }[level];
  await decideClassification(db, director, c.admissionId, {
    level,
    trigger: 'initial',
    assessment_id: done.id,
    reasons: risk
      ? 'Niveau fondé sur l’évaluation structurée et les faits reprochés (démo)'
      : violent
        ? 'Faits reprochés avec violence ; comportement correct depuis l’arrivée (démo)'
        : 'Aucun élément de risque particulier (démo)',
    next_review_on: addDays(today, 1 + ((c.i * 37) % interval)),
  });
}
