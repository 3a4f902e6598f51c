/**
 * Pre-trial rules and justice settings, maintained by an administrator; the history keeps the old values.
 */
import { type Actor, authorize } from '../../../core/access.js';
import { AppError, type FieldError, invalid, notFound } from '../../../core/errors.js';
import { recordChange } from '../../../core/history.js';
import { newId } from '../../../core/ids.js';
import type { Db } from '../../../db/index.js';
import { isDate } from '../calendar.js';
import * as repo from '../repository.js';
import { RULE_CATEGORIES, validateRule } from '../rules.js';

import type { RuleChange, RuleInput } from '../schemas.js';

export type { RuleInput } from '../schemas.js';

const ruleView = (r: repo.RuleRow) => ({
  id: r.id,
  code: r.code,
  category: r.category,
  legal_basis: r.legalBasis,
  effective_from: r.effectiveFrom,
  effective_to: r.effectiveTo,
  initial: r.initialPeriod,
  renewal: r.renewalPeriod,
  max_renewals: r.maxRenewals,
  absolute_max: r.absoluteMax,
  renewal_window_working_days: r.renewalWindowWorkingDays,
  to_confirm: r.toConfirm,
  source: r.source,
  version: r.version,
});
export type RuleView = ReturnType<typeof ruleView>;

function checkRule(input: RuleInput, base = ''): void {
  const errs: FieldError[] = [];
  if (!(RULE_CATEGORIES as readonly string[]).includes(input.category))
    errs.push({
      field: `${base}/category`,
      key: 'field.unknown_code',
      params: { code: input.category, kind: 'category' },
    });
  if (!isDate(input.effective_from)) errs.push({ field: `${base}/effective_from`, key: 'field.invalid_date' });
  if (input.effective_to && !isDate(input.effective_to))
    errs.push({ field: `${base}/effective_to`, key: 'field.invalid_date' });
  if (!input.legal_basis?.trim()) errs.push({ field: `${base}/legal_basis`, key: 'field.required' });
  if (!input.source?.trim()) errs.push({ field: `${base}/source`, key: 'field.required' });
  if (!errs.length) {
    errs.push(
      ...validateRule({
        category: input.category,
        legalBasis: input.legal_basis,
        effectiveFrom: input.effective_from,
        effectiveTo: input.effective_to ?? null,
        initial: input.initial,
        renewal: input.renewal ?? null,
        maxRenewals: input.max_renewals ?? null,
        absoluteMax: input.absolute_max ?? null,
        renewalWindowWorkingDays: input.renewal_window_working_days ?? null,
      }).map((e) => ({ ...e, field: `${base}${e.field}` })),
    );
  }
  if (errs.length) throw invalid(errs);
}

export async function listRules(db: Db, actor: Actor): Promise<RuleView[]> {
  authorize(actor, 'justice.read');
  return (await repo.rules(db)).map(ruleView);
}

export async function createRule(db: Db, actor: Actor, input: RuleInput): Promise<RuleView> {
  authorize(actor, 'justice.rules');
  checkRule(input);
  return db.transaction(async (tx) => {
    if ((await repo.rules(tx)).some((r) => r.code === input.code))
      throw invalid([{ field: '/code', key: 'justice.rule.code_taken' }]);
    const id = newId();
    await repo.insertRule(tx, {
      id,
      code: input.code,
      category: input.category,
      legalBasis: input.legal_basis,
      effectiveFrom: input.effective_from,
      effectiveTo: input.effective_to ?? null,
      initialPeriod: input.initial,
      renewalPeriod: input.renewal ?? null,
      maxRenewals: input.max_renewals ?? null,
      absoluteMax: input.absolute_max ?? null,
      renewalWindowWorkingDays: input.renewal_window_working_days ?? null,
      toConfirm: input.to_confirm ?? [],
      source: input.source,
      createdBy: actor.userId,
    });
    await recordChange(tx, actor, { entity: 'pretrial_rule', entityId: id, action: 'create', after: input });
    return ruleView((await repo.findRule(tx, id))!);
  });
}

/** Change a rule (e.g. close it when a new law applies, or mark a value confirmed); the history keeps the old values. */
export async function updateRule(db: Db, actor: Actor, id: string, input: RuleChange): Promise<RuleView> {
  authorize(actor, 'justice.rules');
  if (!input.reason?.trim()) throw invalid([{ field: '/reason', key: 'field.reason_required' }]);
  return db.transaction(async (tx) => {
    const r = await repo.findRule(tx, id, true);
    if (!r) throw notFound();
    if (input.version !== undefined && input.version !== r.version) throw new AppError(409, 'error.conflict');
    const cur = ruleView(r);
    const next: RuleInput = {
      ...cur,
      ...Object.fromEntries(Object.entries(input.changes).filter(([, v]) => v !== undefined)),
    } as RuleInput;
    checkRule(next, '/changes');
    const patch = {
      category: next.category,
      legalBasis: next.legal_basis,
      effectiveFrom: next.effective_from,
      effectiveTo: next.effective_to ?? null,
      initialPeriod: next.initial,
      renewalPeriod: next.renewal ?? null,
      maxRenewals: next.max_renewals ?? null,
      absoluteMax: next.absolute_max ?? null,
      renewalWindowWorkingDays: next.renewal_window_working_days ?? null,
      toConfirm: next.to_confirm ?? [],
      source: next.source,
    };
    await repo.updateRule(tx, id, patch);
    const keys = Object.keys(input.changes);
    await recordChange(tx, actor, {
      entity: 'pretrial_rule',
      entityId: id,
      action: 'update',
      reason: input.reason,
      before: Object.fromEntries(keys.map((k) => [k, (cur as Record<string, unknown>)[k] ?? null])),
      after: input.changes,
    });
    return ruleView((await repo.findRule(tx, id))!);
  });
}

export async function getSettings(db: Db, actor: Actor) {
  authorize(actor, 'justice.read');
  const s = await repo.settings(db);
  return { expiring_within_days: s.expiringWithinDays, no_hearing_months: s.noHearingMonths, version: s.version };
}

export async function updateSettings(
  db: Db,
  actor: Actor,
  input: { expiring_within_days?: number; no_hearing_months?: number; reason: string },
) {
  authorize(actor, 'justice.rules');
  const errs: FieldError[] = [];
  if (
    input.expiring_within_days !== undefined &&
    (!Number.isInteger(input.expiring_within_days) ||
      input.expiring_within_days < 0 ||
      input.expiring_within_days > 365)
  )
    errs.push({ field: '/expiring_within_days', key: 'justice.rule.bad_count' });
  if (
    input.no_hearing_months !== undefined &&
    (!Number.isInteger(input.no_hearing_months) || input.no_hearing_months < 1 || input.no_hearing_months > 60)
  )
    errs.push({ field: '/no_hearing_months', key: 'justice.rule.bad_count' });
  if (!input.reason?.trim()) errs.push({ field: '/reason', key: 'field.reason_required' });
  if (errs.length) throw invalid(errs);
  return db.transaction(async (tx) => {
    const before = await repo.settings(tx);
    await repo.updateSettings(tx, {
      expiringWithinDays: input.expiring_within_days,
      noHearingMonths: input.no_hearing_months,
    });
    await recordChange(tx, actor, {
      entity: 'justice_settings',
      entityId: '00000000-0000-0000-0000-000000000000',
      action: 'update',
      reason: input.reason,
      before: { expiring_within_days: before.expiringWithinDays, no_hearing_months: before.noHearingMonths },
      after: { expiring_within_days: input.expiring_within_days, no_hearing_months: input.no_hearing_months },
    });
    const s = await repo.settings(tx);
    return { expiring_within_days: s.expiringWithinDays, no_hearing_months: s.noHearingMonths, version: s.version };
  });
}
