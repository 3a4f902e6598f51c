/**
 * Jurisdictions and justice partners (prosecutors' offices and courts), scoped to their jurisdiction;
 * every access audited.
 */
import { type Actor, authorize, inScope, scopeFilter } from '../../../core/access.js';
import { AppError, type FieldError, forbidden, invalid, notFound } from '../../../core/errors.js';
import { recordAccess, recordChange } from '../../../core/history.js';
import type { Lang } from '../../../core/i18n.js';
import { newId } from '../../../core/ids.js';
import type { Db } from '../../../db/index.js';
import * as estateRepo from '../../estate/index.js';
import { hasFelony } from '../../custody/index.js';
import * as repo from '../repository.js';
import { alertsForCase, AUTHORITY_KINDS, type AuthorityKind, evaluateCase } from '../rules.js';
import { isPartner } from './access.js';
import { checkAsOf } from './file.js';
import { loadCases, loadSettings } from './load.js';
import { statusLabel } from './views.js';

const jurisdictionView = (j: repo.JurisdictionRow) => ({
  id: j.id,
  code: j.code,
  name: j.name,
  kind: j.kind,
  region_code: j.regionCode,
});
export type JurisdictionView = ReturnType<typeof jurisdictionView>;

export async function listJurisdictions(db: Db, actor: Actor): Promise<JurisdictionView[]> {
  authorize(actor, 'justice.read');
  return (await repo.jurisdictions(db)).map(jurisdictionView);
}

export async function createJurisdiction(
  db: Db,
  actor: Actor | null,
  input: { code: string; name: string; kind: AuthorityKind; region_code?: string | null },
): Promise<JurisdictionView> {
  if (actor) authorize(actor, 'justice.rules');
  const errs: FieldError[] = [];
  const code = input.code?.trim().toUpperCase() ?? '';
  if (!/^[A-Z0-9_-]{2,32}$/.test(code)) errs.push({ field: '/code', key: 'justice.jurisdiction.bad_code' });
  if (!input.name?.trim()) errs.push({ field: '/name', key: 'field.required' });
  if (!(AUTHORITY_KINDS as readonly string[]).includes(input.kind))
    errs.push({ field: '/kind', key: 'field.unknown_code', params: { code: input.kind, kind: 'kind' } });
  if (errs.length) throw invalid(errs);
  return db.transaction(async (tx) => {
    if (await repo.findJurisdiction(tx, code))
      throw invalid([{ field: '/code', key: 'justice.jurisdiction.code_taken' }]);
    const id = newId();
    await repo.insertJurisdiction(tx, {
      id,
      code,
      name: input.name.trim(),
      kind: input.kind,
      regionCode: input.region_code ?? null,
    });
    await recordChange(tx, actor, {
      entity: 'jurisdiction',
      entityId: id,
      action: 'create',
      after: { ...input, code },
    });
    return jurisdictionView((await repo.findJurisdiction(tx, id))!);
  });
}

/** Give a partner account (role prosecutor) access to a jurisdiction's cases. */
export async function addPartnerMember(
  db: Db,
  actor: Actor | null,
  jurisdictionIdOrCode: string,
  user: string,
): Promise<{ user_id: string; jurisdiction_id: string }> {
  if (actor) authorize(actor, 'user.admin');
  return db.transaction(async (tx) => {
    const j = await repo.findJurisdiction(tx, jurisdictionIdOrCode);
    if (!j) throw notFound();
    const u = await repo.findUser(tx, user);
    if (!u) throw invalid([{ field: '/user', key: 'justice.partner.unknown_user' }]);
    if (!u.roles.includes('prosecutor')) throw invalid([{ field: '/user', key: 'justice.partner.not_partner' }]);
    await repo.addMember(tx, u.id, j.id);
    await recordChange(tx, actor, {
      entity: 'jurisdiction',
      entityId: j.id,
      action: 'add_member',
      after: { user_id: u.id, username: u.username },
    });
    return { user_id: u.id, jurisdiction_id: j.id };
  });
}

/** A partner's cases: the admissions linked to their jurisdictions, with status. Audited. */
export async function partnerCases(db: Db, actor: Actor, opts: { as_of?: string; lang?: Lang } = {}) {
  const day = checkAsOf(opts.as_of);
  authorize(actor, 'justice.read');
  if (!isPartner(actor)) throw forbidden('justice.partner.partners_only');
  return db.transaction(async (tx) => {
    const js = await repo.jurisdictionsOfUser(tx, actor.userId);
    const admissions = await repo.findAdmissions(tx, await repo.admissionsOfJurisdictions(tx, js));
    const cases = await loadCases(tx, admissions);
    const names = await repo.peopleNames(
      tx,
      admissions.map((a) => a.personId),
    );
    const settings = await loadSettings(tx);
    const items = cases.map((c) => {
      const e = evaluateCase(c.input, day, settings);
      const n = names.get(c.admission.personId);
      return {
        admission_id: c.admission.id,
        prison_id: c.admission.prisonId,
        committal_number: c.admission.committalNumber,
        person_name: n ? `${n.familyName} ${n.givenNames}`.trim() : '',
        status: e.situation.status,
        status_label: statusLabel(
          opts.lang ?? actor.lang,
          e.situation.status,
          e.category === 'felony' || e.category === 'terrorism' || hasFelony(c.charges),
        ),
        expires_on: e.pretrial.expiresOn,
        days_in_pretrial: e.pretrial.daysInPretrial,
        held: e.held,
        alerts: alertsForCase(e, settings).map((a) => a.kind),
      };
    });
    for (const a of admissions)
      await recordAccess(tx, actor, {
        category: 'partner',
        action: 'list',
        entity: 'admission',
        entityId: a.id,
        personId: a.personId,
        prisonId: a.prisonId,
      });
    return { as_of: day, items };
  });
}

/** Who among the partners looked at or wrote what, in the prison's files (audit.read). */
export async function partnerAccessLog(db: Db, actor: Actor, opts: { prison?: string; days?: number } = {}) {
  authorize(actor, 'audit.read');
  const prisons = opts.prison
    ? [(await estateRepo.findPrison(db, opts.prison))?.id].filter((x): x is string => !!x)
    : scopeFilter(actor);
  if (opts.prison && !prisons?.length) throw notFound();
  if (prisons) for (const p of prisons) if (!inScope(actor, p)) throw new AppError(403, 'error.out_of_scope');
  const since = new Date(Date.now() - (opts.days ?? 90) * 86_400_000);
  const rows = await repo.partnerAccess(db, prisons, since, 1000);
  return rows.map((r) => ({
    at: r.a.at.toISOString(),
    actor: r.username,
    actor_name: r.displayName,
    action: r.a.action,
    entity: r.a.entity,
    entity_id: r.a.entityId,
    person_id: r.a.personId,
    prison_id: r.a.prisonId,
    detail: r.a.detail,
  }));
}
