/**
 * Legal titles: add, correct, withdraw; admission.legal_status follows in the same transaction.
 */
import type { Actor } from '../../../core/access.js';
import { bamakoDate } from '../../../core/dates.js';
import { AppError, forbidden, invalid, notFound } from '../../../core/errors.js';
import { recordAccess, recordChange } from '../../../core/history.js';
import type { Lang } from '../../../core/i18n.js';
import { newId } from '../../../core/ids.js';
import type { Db, Tx } from '../../../db/index.js';
import * as repo from '../repository.js';
import { deriveLegalSituation, type LegalTitle } from '../rules.js';
import { type Access, visibleAdmission } from './access.js';
import { type JusticeFile, justiceFileOf } from './file.js';
import { documentTitle, loadCases, loadSettings, rowTitle } from './load.js';
import { checkSentenceLinks } from './sentences.js';
import { refreshJusticeState } from './stored.js';
import { resolveJurisdiction, rowValues, type TitleInput, validateTitle } from './title-input.js';

/** Recompute the legal status from the titles in force and keep admission.legal_status in step (same transaction). */
export async function syncLegalStatus(
  tx: Tx,
  actor: Actor | null,
  a: repo.AdmissionRow,
  because: string,
): Promise<string> {
  const [c] = await loadCases(tx, [a]);
  const status = deriveLegalSituation(c.input.titles).admissionStatus;
  if (status !== a.legalStatus) {
    await repo.setAdmissionLegalStatus(tx, a.id, status);
    await recordChange(tx, actor, {
      entity: 'admission',
      entityId: a.id,
      personId: a.personId,
      prisonId: a.prisonId,
      action: 'legal_status',
      reason: because,
      before: { legal_status: a.legalStatus },
      after: { legal_status: status },
    });
  }
  return status;
}

/** Record a new legal title on an admission; the legal status follows. */
export async function addTitle(
  db: Db,
  actor: Actor,
  admissionId: string,
  input: TitleInput,
  opts: { lang?: Lang } = {},
): Promise<JusticeFile> {
  const errs = validateTitle(input, bamakoDate());
  if (errs.length) throw invalid(errs);
  return db.transaction(async (tx) => {
    const { a, access } = await visibleAdmission(tx, actor, admissionId, 'justice.write', true);
    const jurisdictionId = await resolveJurisdiction(tx, access, input, '/jurisdiction');
    const id = newId();
    await checkSentenceLinks(tx, a.personId, input, '');
    await repo.insertTitle(tx, {
      id,
      prisonId: a.prisonId,
      admissionId: a.id,
      personId: a.personId,
      jurisdictionId,
      createdBy: actor.userId,
      ...rowValues(input),
    });
    await recordChange(tx, actor, {
      entity: 'legal_title',
      entityId: id,
      personId: a.personId,
      prisonId: a.prisonId,
      action: 'create',
      after: { ...input, jurisdiction_id: jurisdictionId },
    });
    if (access.partner)
      await recordAccess(tx, actor, {
        category: 'partner',
        action: 'write',
        entity: 'legal_title',
        entityId: id,
        personId: a.personId,
        prisonId: a.prisonId,
        detail: { kind: input.kind, reference: input.reference },
      });
    await syncLegalStatus(tx, actor, a, `${input.kind} ${input.reference}`);
    await refreshJusticeState(tx, a.id, actor, `${input.kind} ${input.reference}`);
    const [c] = await loadCases(tx, [(await repo.findAdmission(tx, a.id))!]);
    return justiceFileOf(tx, actor, c, bamakoDate(), await loadSettings(tx), opts.lang);
  });
}

interface FoundTitle {
  title: LegalTitle;
  row?: repo.LegalTitleRow;
  doc?: repo.DocumentRow;
  admissionId: string;
  jurisdictionId: string | null;
}

async function findAnyTitle(tx: Tx, id: string): Promise<FoundTitle> {
  const row = await repo.findTitle(tx, id);
  if (row) return { title: rowTitle(row), row, admissionId: row.admissionId, jurisdictionId: row.jurisdictionId };
  const doc = await repo.findDocument(tx, id);
  const title = doc ? documentTitle(doc) : null;
  if (!doc || !title) throw notFound();
  return { title, doc, admissionId: doc.admissionId, jurisdictionId: null };
}

function titleAsInput(f: FoundTitle): TitleInput {
  const x = f.title;
  return {
    kind: x.kind,
    authority_kind: x.authorityKind,
    authority: x.authority,
    jurisdiction: f.jurisdictionId,
    reference: x.reference,
    issued_on: x.issuedOn,
    offence_category: x.offenceCategory ?? null,
    effective_from: x.effectiveFrom ?? null,
    valid_until: x.validUntil ?? null,
    period: x.period ?? null,
    sentence: x.sentence ?? null,
    sentence_start: x.sentenceStart ?? null,
    remand_credit_days: x.remandCreditDays ?? null,
    reduction: x.reduction ?? null,
    pardon_scope: x.pardonScope ?? null,
    attachment_id: f.row?.attachmentId ?? f.doc?.attachmentId ?? null,
    notes: f.row?.notes ?? f.doc?.notes ?? null,
    case_ref: x.caseRef ?? null,
    sentence_relation: x.relation ?? null,
    related_to_id: x.relatedToId ?? null,
    final_on: x.finalOn ?? null,
    applies_to_id: x.appliesToId ?? null,
    commuted_to: x.commutedTo ?? null,
  };
}

async function editableTitle(
  tx: Tx,
  actor: Actor,
  titleId: string,
): Promise<{ found: FoundTitle; a: repo.AdmissionRow; access: Access }> {
  const found = await findAnyTitle(tx, titleId);
  const { a, access } = await visibleAdmission(tx, actor, found.admissionId, 'justice.write', true);
  if (found.title.withdrawn) throw invalid([{ field: '/', key: 'justice.title.withdrawn' }]);
  const later = await repo.findCorrectionOf(tx, titleId);
  if (later) throw new AppError(409, 'justice.title.already_corrected', { id: later.id });
  // Partners correct only the titles their own jurisdiction issued.
  if (access.partner && (!found.jurisdictionId || !access.jurisdictions.includes(found.jurisdictionId)))
    throw forbidden('justice.partner.own_titles_only');
  return { found, a, access };
}

/**
 * Correct a title: a new version supersedes it, with the reason; the old one stays in the file.
 * Works for the documents recorded at admission too.
 */
export async function correctTitle(
  db: Db,
  actor: Actor,
  titleId: string,
  input: { changes: Partial<TitleInput>; reason: string },
  opts: { lang?: Lang } = {},
): Promise<JusticeFile> {
  if (!input.reason?.trim()) throw invalid([{ field: '/reason', key: 'field.reason_required' }]);
  return db.transaction(async (tx) => {
    const { found, a, access } = await editableTitle(tx, actor, titleId);
    const before = titleAsInput(found);
    const next: TitleInput = {
      ...before,
      ...Object.fromEntries(Object.entries(input.changes).filter(([, v]) => v !== undefined)),
    };
    const errs = validateTitle(next, bamakoDate(), '/changes');
    if (errs.length) throw invalid(errs);
    // The keys of the changes are fields of the title (the schema refuses any other).
    const changed = (Object.keys(input.changes) as (keyof TitleInput)[]).filter(
      (k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(next[k] ?? null),
    );
    if (!changed.length) throw invalid([{ field: '/changes', key: 'justice.title.nothing_to_correct' }]);
    const jurisdictionId = await resolveJurisdiction(tx, access, next, '/changes/jurisdiction');
    const id = newId();
    await checkSentenceLinks(tx, a.personId, next, '/changes', titleId);
    await repo.insertTitle(tx, {
      id,
      prisonId: a.prisonId,
      admissionId: a.id,
      personId: a.personId,
      jurisdictionId,
      createdBy: actor.userId,
      supersedesId: titleId,
      correctionReason: input.reason.trim(),
      ...rowValues(next),
    });
    await recordChange(tx, actor, {
      entity: 'legal_title',
      entityId: id,
      personId: a.personId,
      prisonId: a.prisonId,
      action: 'correction',
      reason: input.reason,
      before: Object.fromEntries(changed.map((k) => [k, before[k] ?? null])),
      after: {
        supersedes_id: titleId,
        ...Object.fromEntries(changed.map((k) => [k, next[k] ?? null])),
      },
    });
    if (access.partner)
      await recordAccess(tx, actor, {
        category: 'partner',
        action: 'write',
        entity: 'legal_title',
        entityId: id,
        personId: a.personId,
        prisonId: a.prisonId,
        detail: { corrects: titleId },
      });
    await syncLegalStatus(tx, actor, a, `correction ${found.title.reference}: ${input.reason}`);
    await refreshJusticeState(tx, a.id, actor, `correction ${found.title.reference}: ${input.reason}`);
    const [c] = await loadCases(tx, [(await repo.findAdmission(tx, a.id))!]);
    return justiceFileOf(tx, actor, c, bamakoDate(), await loadSettings(tx), opts.lang);
  });
}

/** A title recorded in error: kept, marked withdrawn with the reason, no longer in force. */
export async function withdrawTitle(
  db: Db,
  actor: Actor,
  titleId: string,
  input: { reason: string },
  opts: { lang?: Lang } = {},
): Promise<JusticeFile> {
  if (!input.reason?.trim()) throw invalid([{ field: '/reason', key: 'field.reason_required' }]);
  return db.transaction(async (tx) => {
    const { found, a, access } = await editableTitle(tx, actor, titleId);
    let entityId = titleId;
    if (found.row) await repo.withdrawTitle(tx, titleId, actor.userId, input.reason.trim());
    else {
      // A document recorded at admission cannot change: a withdrawn version supersedes it.
      entityId = newId();
      await repo.insertTitle(tx, {
        id: entityId,
        prisonId: a.prisonId,
        admissionId: a.id,
        personId: a.personId,
        jurisdictionId: null,
        createdBy: actor.userId,
        supersedesId: titleId,
        correctionReason: input.reason.trim(),
        withdrawnAt: new Date(),
        withdrawnBy: actor.userId,
        withdrawnReason: input.reason.trim(),
        ...rowValues(titleAsInput(found)),
      });
    }
    await recordChange(tx, actor, {
      entity: 'legal_title',
      entityId,
      personId: a.personId,
      prisonId: a.prisonId,
      action: 'withdraw',
      reason: input.reason,
      before: { in_force: true, id: titleId },
      after: { in_force: false },
    });
    if (access.partner)
      await recordAccess(tx, actor, {
        category: 'partner',
        action: 'write',
        entity: 'legal_title',
        entityId,
        personId: a.personId,
        prisonId: a.prisonId,
        detail: { withdraws: titleId },
      });
    await syncLegalStatus(tx, actor, a, `withdrawn ${found.title.reference}: ${input.reason}`);
    await refreshJusticeState(tx, a.id, actor, `withdrawn ${found.title.reference}: ${input.reason}`);
    const [c] = await loadCases(tx, [(await repo.findAdmission(tx, a.id))!]);
    return justiceFileOf(tx, actor, c, bamakoDate(), await loadSettings(tx), opts.lang);
  });
}
