/**
 * Arrivals announced by the arresting forces (issue 20, items 2, 3 and 5; docs/chain-announce.md).
 * Who sees an announcement — one rule, `visibility` — : the announcing unit's officers; the
 * destination prison's reception staff (chain.receive, prison scope); the case's prosecutor and,
 * for a terrorism case, the Pôle judiciaire spécialisé's magistrates (by jurisdiction, every read
 * audited); the national administration. The documents that follow the person are read only by the
 * prosecutor and the Pôle's magistrates (chain.documents), each read audited; never by prison staff.
 */
import { type Actor, authorize, can, inScope, scopeFilter } from '../../../core/access.js';
import { AppError, type FieldError, forbidden, invalid, notFound } from '../../../core/errors.js';
import { bamakoDate } from '../../../core/dates.js';
import { recordAccess, recordChange } from '../../../core/history.js';
import type { Lang } from '../../../core/i18n.js';
import { newId } from '../../../core/ids.js';
import type { Db, Tx } from '../../../db/index.js';
import { findAccount } from '../../access/index.js';
import { loadCaseDocument, storeCaseDocument } from '../../attachments/index.js';
import { findPrison, findPrisons } from '../../estate/index.js';
import { jurisdictionRows, jurisdictionsOfUser } from '../../justice/index.js';
import { canStart, receptionFacts, startReception } from '../../reception/index.js';
import { assertCodes, codeLabels } from '../../reference/index.js';
import { custodyFigures } from './custody-hook.js';
import './messages.js';
import * as repo from './repository.js';
import {
  announcedWithoutInformation,
  BIRTH_PRECISIONS,
  type BirthPrecision,
  announcementErrors,
  handoverFrom,
  missingInformation,
  nothingSharedTable,
  registrationFrom,
  type Source,
} from './rules.js';
import type {
  AnnouncementViewT,
  DocumentViewT,
  NewAnnouncement,
  NewUnit,
  PartnerReplyT,
  UnitViewT,
} from './schemas.js';

const PJS_KIND = 'pole_judiciaire_specialise';
const isProsecutor = (actor: Actor) => actor.roles.includes('prosecutor');

// ---- Who sees what ------------------------------------------------------------------------------

interface Reader {
  units: string[];
  /** The partner's jurisdictions, and whether one is the Pôle (terrorism cases). */
  jurisdictions: string[];
  pole: boolean;
}

async function readerOf(tx: Tx, actor: Actor): Promise<Reader> {
  const units = can(actor, 'chain.announce') ? (await repo.unitsOfUser(tx, actor.userId)).map((u) => u.id) : [];
  let jurisdictions: string[] = [];
  let pole = false;
  if (isProsecutor(actor) && (can(actor, 'chain.partner_view') || can(actor, 'chain.documents'))) {
    jurisdictions = await jurisdictionsOfUser(tx, actor.userId);
    const rows = await jurisdictionRows(tx);
    pole = rows.some((j) => j.kind === PJS_KIND && jurisdictions.includes(j.id));
  }
  return { units, jurisdictions, pole };
}

type Seen = 'unit' | 'prison' | 'partner' | 'national';

/** How the actor sees an announcement (null: not at all). The one visibility rule. */
function visibility(actor: Actor, r: Reader, a: repo.AnnouncementRow): Seen | null {
  if (r.units.includes(a.unitId)) return 'unit';
  if (isProsecutor(actor) && partnerCase(r, a)) return 'partner';
  if (can(actor, 'chain.receive') && inScope(actor, a.prisonId)) return 'prison';
  if (actor.national && can(actor, 'chain.partner_view')) return 'national';
  return null;
}
/** The case is the prosecutor's: their jurisdiction's, or a terrorism case and they sit at the Pôle. */
const partnerCase = (r: Reader, a: repo.AnnouncementRow) =>
  (!!a.jurisdictionId && r.jurisdictions.includes(a.jurisdictionId)) || (a.terrorismRelated && r.pole);
/** Who reads the documents that follow the person: the case's prosecutor and the Pôle's magistrates. */
const readsDocuments = (actor: Actor, r: Reader, a: repo.AnnouncementRow) =>
  can(actor, 'chain.documents') && isProsecutor(actor) && partnerCase(r, a);

// ---- Views --------------------------------------------------------------------------------------

async function views(tx: Tx, actor: Actor, r: Reader, rows: repo.AnnouncementRow[]): Promise<AnnouncementViewT[]> {
  if (!rows.length) return [];
  // One query at a time: a transaction's client runs them in turn.
  const units = await repo.units(tx);
  const prisons = await findPrisons(tx, [...new Set(rows.map((a) => a.prisonId))]);
  const js = await jurisdictionRows(tx);
  const docs = await repo.documentsOf(
    tx,
    rows.map((a) => a.id),
  );
  const facts = await receptionFacts(tx, { ids: rows.map((a) => a.receptionId).filter((x): x is string => !!x) });
  const unit = new Map(units.map((u) => [u.id, u]));
  const prison = new Map(prisons.map((p) => [p.id, p]));
  const jname = new Map(js.map((j) => [j.id, j.name]));
  const admission = new Map(facts.map((f) => [f.id, f.admission_id]));
  return rows.map((a) => {
    const mine = docs.filter((d) => d.announcementId === a.id);
    const seen = visibility(actor, r, a);
    const list = readsDocuments(actor, r, a) || seen === 'unit';
    return {
      id: a.id,
      status: a.status,
      prison_id: a.prisonId,
      prison_code: prison.get(a.prisonId)?.code ?? '',
      prison_name: prison.get(a.prisonId)?.name ?? '',
      unit_code: unit.get(a.unitId)?.code ?? '',
      unit_name: unit.get(a.unitId)?.name ?? '',
      authority: a.authority,
      family_name: a.familyName,
      given_names: a.givenNames,
      sex: a.sex,
      birth_precision: a.birthPrecision,
      birth_date: a.birthDate,
      estimated_age: a.estimatedAge,
      from_place: a.fromPlace,
      expected_on: a.expectedOn,
      legal_basis: a.legalBasis,
      legal_reference: a.legalReference,
      jurisdiction_id: a.jurisdictionId,
      jurisdiction_name: a.jurisdictionId ? (jname.get(a.jurisdictionId) ?? null) : null,
      charge: a.charge,
      terrorism_related: a.terrorismRelated,
      information: a.information,
      evidence: a.evidence,
      reception_id: a.receptionId,
      admission_id: a.receptionId ? (admission.get(a.receptionId) ?? null) : null,
      received_at: a.receivedAt?.toISOString() ?? null,
      created_at: a.createdAt.toISOString(),
      missing: missingInformation(facts4(a), mine.length),
      document_count: mine.length,
      documents: list ? mine.map(documentView) : null,
    };
  });
}

const precisionOf = (s: string): BirthPrecision => BIRTH_PRECISIONS.find((p) => p === s) ?? 'unknown';

const facts4 = (a: repo.AnnouncementRow) => ({
  birth_precision: precisionOf(a.birthPrecision),
  birth_date: a.birthDate,
  estimated_age: a.estimatedAge,
  legal_reference: a.legalReference,
  jurisdiction_id: a.jurisdictionId,
  charge: a.charge,
  information: a.information,
  evidence: a.evidence,
});

const documentView = (d: repo.DocumentRow): DocumentViewT => ({
  id: d.id,
  title: d.title,
  source: d.source,
  filename: null,
  content_type: null,
  size_bytes: null,
  created_at: d.createdAt.toISOString(),
});

/** A partner's reads of announced cases are audited (category partner), one row per case. */
async function auditPartner(tx: Tx, actor: Actor, rows: repo.AnnouncementRow[], action: 'read' | 'list') {
  if (!isProsecutor(actor)) return;
  for (const a of rows)
    await recordAccess(tx, actor, {
      category: 'partner',
      action,
      entity: 'chain_announcement',
      entityId: a.id,
      prisonId: a.prisonId,
    });
}

// ---- Force units --------------------------------------------------------------------------------

const unitView = (u: repo.UnitRow): UnitViewT => ({
  id: u.id,
  code: u.code,
  authority: u.authority,
  name: u.name,
  place: u.place,
  region_code: u.regionCode,
});

/** The forces' units (reference data): reference administrators, the national administration, and an officer's own units. */
export async function listUnits(db: Db, actor: Actor): Promise<UnitViewT[]> {
  if (can(actor, 'reference.admin') || can(actor, 'chain.partner_view') || can(actor, 'chain.receive'))
    return (await repo.units(db)).map(unitView);
  authorize(actor, 'chain.announce');
  return (await repo.unitsOfUser(db, actor.userId)).map(unitView);
}

export async function createForceUnit(db: Db, actor: Actor | null, input: NewUnit): Promise<UnitViewT> {
  if (actor) authorize(actor, 'reference.admin');
  const code = input.code.trim().toUpperCase();
  return db.transaction(async (tx) => {
    const errors: FieldError[] = [];
    try {
      await assertCodes(tx, [
        { field: '/authority', kind: 'arresting_authority', code: input.authority },
        { field: '/region_code', kind: 'region', code: input.region_code },
      ]);
    } catch (e) {
      if (e instanceof AppError) errors.push(...e.fields);
      else throw e;
    }
    if (await repo.findUnit(tx, code)) errors.push({ field: '/code', key: 'chain.unit.code_taken' });
    if (errors.length) throw invalid(errors);
    const id = newId();
    await repo.insertUnit(tx, {
      id,
      code,
      authority: input.authority,
      name: input.name.trim(),
      place: input.place?.trim() || null,
      regionCode: input.region_code || null,
    });
    await recordChange(tx, actor, { entity: 'force_unit', entityId: id, action: 'create', after: { ...input, code } });
    return unitView((await repo.findUnit(tx, id))!);
  });
}

/** Make an account (role force_officer) an officer of a unit: they announce for it and see its announcements. */
export async function addUnitMember(
  db: Db,
  actor: Actor | null,
  unitIdOrCode: string,
  user: string,
): Promise<{ user_id: string; unit_id: string }> {
  if (actor) authorize(actor, 'user.admin');
  return db.transaction(async (tx) => {
    const u = await repo.findUnit(tx, unitIdOrCode);
    if (!u) throw notFound();
    const account = await findAccount(tx, user);
    if (!account) throw invalid([{ field: '/user', key: 'chain.unit.unknown_user' }]);
    if (!account.roles.includes('force_officer'))
      throw invalid([{ field: '/user', key: 'chain.unit.not_force_officer' }]);
    await repo.addMember(tx, account.id, u.id);
    await recordChange(tx, actor, {
      entity: 'force_unit',
      entityId: u.id,
      action: 'add_member',
      after: { user_id: account.id, username: account.username },
    });
    return { user_id: account.id, unit_id: u.id };
  });
}

// ---- Announcements ------------------------------------------------------------------------------

/** What the announcement form offers: the officer's units, the prisons, the prosecutors' offices. */
export async function announcementChoices(db: Db, actor: Actor) {
  authorize(actor, 'chain.announce');
  const [units, prisons, js] = await Promise.all([
    repo.unitsOfUser(db, actor.userId),
    findPrisons(db),
    jurisdictionRows(db),
  ]);
  return {
    units: units.map(unitView),
    prisons: prisons.map((p) => ({ code: p.code, name: p.name })),
    jurisdictions: js.map((j) => ({ code: j.code, name: j.name })),
  };
}

/** A force officer announces a transfer before it happens. */
export async function announceArrival(db: Db, actor: Actor, input: NewAnnouncement): Promise<AnnouncementViewT> {
  authorize(actor, 'chain.announce');
  return db.transaction(async (tx) => {
    const mine = await repo.unitsOfUser(tx, actor.userId);
    const errors: FieldError[] = [];
    let unit: repo.UnitRow | undefined;
    if (input.unit) {
      unit = mine.find((u) => u.code === input.unit!.trim().toUpperCase() || u.id === input.unit);
      if (!unit) errors.push({ field: '/unit', key: 'chain.unit.not_yours' });
    } else if (mine.length === 1) unit = mine[0];
    else errors.push({ field: '/unit', key: mine.length ? 'chain.unit.choose' : 'chain.unit.none' });
    const prison = await findPrison(tx, input.prison);
    if (!prison) errors.push({ field: '/prison', key: 'chain.prison_unknown' });
    let jurisdictionId: string | null = null;
    if (input.jurisdiction) {
      const j = (await jurisdictionRows(tx)).find(
        (x) => x.code === input.jurisdiction!.trim().toUpperCase() || x.id === input.jurisdiction,
      );
      if (!j) errors.push({ field: '/jurisdiction', key: 'chain.jurisdiction_unknown' });
      jurisdictionId = j?.id ?? null;
    }
    errors.push(...announcementErrors(input, bamakoDate()));
    if (errors.length) throw invalid(errors);
    const id = newId();
    const t = (s: string | null | undefined) => s?.trim() || null;
    await repo.insertAnnouncement(tx, {
      id,
      prisonId: prison!.id,
      unitId: unit!.id,
      authority: unit!.authority,
      familyName: input.family_name.trim(),
      givenNames: t(input.given_names),
      sex: input.sex ?? null,
      birthPrecision: input.birth_precision,
      birthDate:
        input.birth_precision === 'estimated' || input.birth_precision === 'unknown' ? null : t(input.birth_date),
      estimatedAge: input.birth_precision === 'estimated' ? (input.estimated_age ?? null) : null,
      fromPlace: input.from_place.trim(),
      expectedOn: input.expected_on,
      legalBasis: input.legal_basis,
      legalReference: t(input.legal_reference),
      jurisdictionId,
      charge: t(input.charge),
      terrorismRelated: !!input.terrorism_related,
      information: t(input.information),
      evidence: t(input.evidence),
      createdBy: actor.userId,
    });
    await recordChange(tx, actor, {
      entity: 'chain_announcement',
      entityId: id,
      prisonId: prison!.id,
      action: 'announce',
      after: { ...input, unit: unit!.code },
    });
    const row = (await repo.findAnnouncement(tx, id))!;
    return (await views(tx, actor, await readerOf(tx, actor), [row]))[0];
  });
}

/**
 * The announcements the actor may see: a force officer their units'; reception staff their prisons'
 * (by default those still expected); a prosecutor their jurisdiction's (and the Pôle's terrorism
 * cases), audited; the national administration all.
 */
export async function listAnnouncements(
  db: Db,
  actor: Actor,
  q: { prison?: string; status?: AnnouncementViewT['status'] } = {},
): Promise<AnnouncementViewT[]> {
  assertChainReader(actor);
  return db.transaction(async (tx) => {
    const r = await readerOf(tx, actor);
    let prisonIds: readonly string[] | undefined;
    if (q.prison) {
      const p = await findPrison(tx, q.prison);
      if (!p) throw notFound();
      prisonIds = [p.id];
    }
    let rows: repo.AnnouncementRow[];
    if (can(actor, 'chain.announce'))
      rows = await repo.announcements(tx, { unitIds: r.units, prisonIds, status: q.status });
    else if (isProsecutor(actor))
      rows = await repo.announcements(tx, {
        jurisdictionIds: r.jurisdictions,
        terrorismToo: r.pole,
        prisonIds,
        status: q.status,
      });
    else if (actor.national) rows = await repo.announcements(tx, { prisonIds, status: q.status });
    else {
      authorize(actor, 'chain.receive');
      if (prisonIds) for (const p of prisonIds) if (!inScope(actor, p)) throw new AppError(403, 'error.out_of_scope');
      rows = await repo.announcements(tx, {
        prisonIds: prisonIds ?? scopeFilter(actor),
        status: q.status ?? 'announced',
      });
    }
    rows = rows.filter((a) => visibility(actor, r, a));
    await auditPartner(tx, actor, rows, 'list');
    return views(tx, actor, r, rows);
  });
}

/** The prison's expected arrivals (still announced), for its reception page. */
export async function expectedArrivals(db: Db, actor: Actor, prison?: string): Promise<AnnouncementViewT[]> {
  authorize(actor, 'chain.receive');
  return listAnnouncements(db, actor, { prison, status: 'announced' });
}

async function visible(tx: Tx, actor: Actor, id: string, forUpdate = false) {
  const a = await repo.findAnnouncement(tx, id, forUpdate);
  if (!a) throw notFound();
  const r = await readerOf(tx, actor);
  const seen = visibility(actor, r, a);
  if (!seen) throw forbidden();
  return { a, r, seen };
}

/** Deny by default: an account with none of the chain's permissions is refused before anything is looked up. */
export function assertChainReader(actor: Actor): void {
  if (!can(actor, 'chain.announce') && !can(actor, 'chain.receive') && !can(actor, 'chain.partner_view'))
    throw forbidden();
}

/** Who may attach a document (the announcing unit, the case's prosecutor): checked before the upload is read. */
export function assertMayAttach(actor: Actor): void {
  if (!can(actor, 'chain.announce') && !can(actor, 'chain.documents')) throw forbidden();
}

export async function getAnnouncement(db: Db, actor: Actor, id: string): Promise<AnnouncementViewT> {
  assertChainReader(actor);
  return db.transaction(async (tx) => {
    const { a, r } = await visible(tx, actor, id);
    await auditPartner(tx, actor, [a], 'read');
    return (await views(tx, actor, r, [a]))[0];
  });
}

/**
 * The reception starts from the announcement: the handover is filled in from it (nothing retyped)
 * and the announcement is linked to the reception (and so to the admission the reception creates),
 * in one transaction.
 */
export async function receiveAnnounced(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ announcement_id: string; reception_id: string }> {
  authorize(actor, 'chain.receive');
  if (!canStart(actor)) throw forbidden();
  return db.transaction(async (tx) => {
    const a = await repo.findAnnouncement(tx, id, true);
    if (!a) throw notFound();
    if (!inScope(actor, a.prisonId)) throw new AppError(403, 'error.out_of_scope');
    if (a.status !== 'announced') throw new AppError(409, 'chain.already_received');
    const unit = await repo.findUnit(tx, a.unitId);
    const prison = await findPrisons(tx, [a.prisonId]);
    const rec = await startReception(
      tx,
      actor,
      handoverFrom({ ...announced(a), prison_code: prison[0].code, unit_name: unit!.name }),
    );
    await repo.markReceived(tx, a.id, rec.id, actor.userId);
    await recordChange(tx, actor, {
      entity: 'chain_announcement',
      entityId: a.id,
      prisonId: a.prisonId,
      action: 'receive_announced',
      after: { reception_id: rec.id },
    });
    return { announcement_id: a.id, reception_id: rec.id };
  });
}

const announced = (a: repo.AnnouncementRow) => ({
  ...facts4(a),
  authority: a.authority,
  family_name: a.familyName,
  given_names: a.givenNames,
  sex: a.sex,
  from_place: a.fromPlace,
});

/** The registration's values announced for a reception (the reception page's prefill), for those who may record it. */
export async function registrationPrefillFor(
  db: Db,
  actor: Actor,
  receptionId: string,
): Promise<Record<string, string> | null> {
  if (!can(actor, 'intake.administration')) return null;
  const a = (await repo.byReceptions(db, [receptionId])).get(receptionId);
  if (!a || !inScope(actor, a.prisonId)) return null;
  const j = a.jurisdictionId ? (await jurisdictionRows(db)).find((x) => x.id === a.jurisdictionId) : undefined;
  return registrationFrom({
    ...announced(a),
    prison_code: '',
    unit_name: '',
    jurisdiction_name: j?.name ?? null,
  });
}

// ---- Documents that follow the person ------------------------------------------------------------

/**
 * Attach a document from the forces (the announcing unit) or the prosecutor (the case's prosecutor,
 * the Pôle's magistrates) to an announced case. The file is kept by the attachments module.
 */
export async function addDocument(
  db: Db,
  actor: Actor,
  dir: string,
  maxBytes: number,
  id: string,
  input: { title: string; filename: string; data: Buffer; truncated?: boolean },
): Promise<DocumentViewT> {
  assertMayAttach(actor);
  if (!input.title.trim()) throw invalid([{ field: '/title', key: 'field.required' }]);
  return db.transaction(async (tx) => {
    const { a, r, seen } = await visible(tx, actor, id);
    let source: Source;
    if (seen === 'unit') source = 'force';
    else if (readsDocuments(actor, r, a)) source = 'prosecutor';
    else throw forbidden();
    const file = await storeCaseDocument(tx, actor, dir, maxBytes, { prisonId: a.prisonId, ...input });
    const docId = newId();
    await repo.insertDocument(tx, {
      id: docId,
      announcementId: a.id,
      prisonId: a.prisonId,
      attachmentId: file.id,
      source,
      title: input.title.trim(),
      createdBy: actor.userId,
    });
    await recordChange(tx, actor, {
      entity: 'chain_document',
      entityId: docId,
      prisonId: a.prisonId,
      action: 'add_document',
      after: { announcement_id: a.id, title: input.title.trim(), source, sha256: file.sha256 },
    });
    if (isProsecutor(actor))
      await recordAccess(tx, actor, {
        category: 'partner',
        action: 'write',
        entity: 'chain_document',
        entityId: docId,
        prisonId: a.prisonId,
      });
    return {
      ...documentView((await repo.findDocument(tx, docId))!),
      filename: file.filename,
      content_type: file.content_type,
      size_bytes: file.size_bytes,
    };
  });
}

/** A document's file, for the case's prosecutor and the Pôle's magistrates only; every read audited. */
export async function readDocument(
  db: Db,
  actor: Actor,
  dir: string,
  docId: string,
): Promise<{ filename: string; content_type: string; data: Buffer }> {
  authorize(actor, 'chain.documents');
  return db.transaction(async (tx) => {
    const d = await repo.findDocument(tx, docId);
    if (!d) throw notFound();
    const a = (await repo.findAnnouncement(tx, d.announcementId))!;
    if (!readsDocuments(actor, await readerOf(tx, actor), a)) throw forbidden('chain.documents.not_your_case');
    const { meta, data } = await loadCaseDocument(tx, dir, d.attachmentId);
    await recordAccess(tx, actor, {
      category: 'partner',
      action: 'read',
      entity: 'chain_document',
      entityId: d.id,
      prisonId: a.prisonId,
      detail: { announcement_id: a.id, attachment_id: d.attachmentId },
    });
    return { filename: meta.filename, content_type: meta.content_type, data };
  });
}

// ---- Figures ------------------------------------------------------------------------------------

async function authorityLabels(tx: Tx): Promise<Map<string, { fr: string; en: string }>> {
  return (await codeLabels(tx, ['arresting_authority'])).get('arresting_authority') ?? new Map();
}

/**
 * "Nothing shared", per force and month: the arrivals never announced, or announced without
 * information (nor evidence, nor document, or found with nothing at the gate). The prisons in the
 * actor's scope (one when asked), over [from, to] (default: the last twelve months).
 */
export async function nothingShared(
  db: Db,
  actor: Actor,
  q: { prison?: string; from?: string; to?: string; lang?: Lang },
) {
  authorize(actor, 'statistics.read');
  const to = q.to ?? bamakoDate();
  const from = q.from ?? `${String(Number(to.slice(0, 4)) - 1)}${to.slice(4, 7)}-01`;
  if (from > to) throw invalid([{ field: '/from', key: 'chain.period' }]);
  return db.transaction(async (tx) => {
    let prisonIds = scopeFilter(actor);
    let prisonCode: string | null = null;
    if (q.prison) {
      const p = await findPrison(tx, q.prison);
      if (!p) throw notFound();
      if (!inScope(actor, p.id)) throw new AppError(403, 'error.out_of_scope');
      prisonIds = [p.id];
      prisonCode = p.code;
    }
    const facts = await receptionFacts(tx, {
      prisonIds,
      from: new Date(`${from}T00:00:00Z`),
      to: new Date(new Date(`${to}T00:00:00Z`).getTime() + 86_400_000),
    });
    const linked = await repo.byReceptions(
      tx,
      facts.map((f) => f.id),
    );
    const docs = await repo.documentsOf(
      tx,
      [...linked.values()].map((a) => a.id),
    );
    const rows = nothingSharedTable(
      facts.map((f) => {
        const a = linked.get(f.id);
        return {
          authority: a?.authority ?? f.arresting_authority,
          arrived_at: f.arrived_at,
          announced: !!a,
          without_information:
            !!a &&
            (f.nothing_shared ||
              announcedWithoutInformation(facts4(a), docs.filter((d) => d.announcementId === a.id).length)),
        };
      }),
    );
    const labels = await authorityLabels(tx);
    const lang = q.lang ?? actor.lang;
    return {
      from,
      to,
      prison: prisonCode,
      rows: rows.map((r) => ({ ...r, authority_label: labels.get(r.authority)?.[lang] ?? r.authority })),
    };
  });
}

/**
 * The partners' view: a prosecutor (or a Pôle magistrate) for their jurisdiction, the national
 * administration nationally — arrivals announced and received, by force, and per case the
 * information still missing; the custody part's figures through its hook once it is there.
 */
export async function partnerView(db: Db, actor: Actor, lang?: Lang): Promise<PartnerReplyT> {
  authorize(actor, 'chain.partner_view');
  const partner = isProsecutor(actor);
  if (!partner && !actor.national) throw forbidden();
  return db.transaction(async (tx) => {
    const r = await readerOf(tx, actor);
    const rows = partner
      ? await repo.announcements(tx, { jurisdictionIds: r.jurisdictions, terrorismToo: r.pole })
      : await repo.announcements(tx, {});
    const docs = await repo.documentsOf(
      tx,
      rows.map((a) => a.id),
    );
    const units = await repo.units(tx);
    const labels = await authorityLabels(tx);
    const prisons = await findPrisons(tx);
    const js = await jurisdictionRows(tx);
    const unit = new Map(units.map((u) => [u.id, u]));
    const prison = new Map(prisons.map((p) => [p.id, p.code]));
    const l = lang ?? actor.lang;
    const cases = rows
      .filter((a) => a.status !== 'cancelled')
      .map((a) => {
        const n = docs.filter((d) => d.announcementId === a.id).length;
        return {
          id: a.id,
          name: [a.familyName, a.givenNames].filter(Boolean).join(' '),
          authority: labels.get(a.authority)?.[l] ?? a.authority,
          unit_name: unit.get(a.unitId)?.name ?? '',
          prison_code: prison.get(a.prisonId) ?? '',
          status: a.status,
          expected_on: a.expectedOn,
          charge: a.charge,
          missing: missingInformation(facts4(a), n),
          document_count: n,
        };
      });
    const byForce = new Map<string, PartnerReplyT['by_force'][number]>();
    for (const a of rows) {
      if (a.status === 'cancelled') continue;
      const f = byForce.get(a.authority) ?? {
        authority: a.authority,
        authority_label: labels.get(a.authority)?.[l] ?? a.authority,
        announced: 0,
        received: 0,
        awaiting: 0,
        with_missing_information: 0,
      };
      f.announced++;
      if (a.status === 'received') f.received++;
      else f.awaiting++;
      if (cases.find((c) => c.id === a.id)!.missing.length) f.with_missing_information++;
      byForce.set(a.authority, f);
    }
    await auditPartner(tx, actor, rows, 'list');
    const forces = [...byForce.values()].sort((x, y) => y.announced - x.announced);
    return {
      scope: partner ? 'jurisdiction' : 'national',
      jurisdictions: partner ? js.filter((j) => r.jurisdictions.includes(j.id)).map((j) => j.name) : [],
      announced: cases.length,
      received: cases.filter((c) => c.status === 'received').length,
      awaiting: cases.filter((c) => c.status === 'announced').length,
      by_force: forces,
      cases,
      custody: await custodyFigures(tx, actor, partner ? { jurisdictionIds: r.jurisdictions } : {}),
    };
  });
}
