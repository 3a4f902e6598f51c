/**
 * Who may see an admission's justice file: staff by prison scope, partners by jurisdiction.
 */
import { type Actor, authorize, inScope } from '../../../core/access.js';
import { AppError, forbidden, notFound } from '../../../core/errors.js';
import type { Tx } from '../../../db/index.js';
import * as estateRepo from '../../estate/index.js';
import * as repo from '../repository.js';

export function isPartner(actor: Actor): boolean {
  return actor.roles.includes('prosecutor');
}

export interface Access {
  partner: boolean;
  jurisdictions: string[];
}

async function accessToAdmission(
  db: Tx,
  actor: Actor,
  a: repo.AdmissionRow,
  permission: 'justice.read' | 'justice.write',
): Promise<Access> {
  authorize(actor, permission);
  if (!isPartner(actor)) {
    if (!inScope(actor, a.prisonId)) throw new AppError(403, 'error.out_of_scope');
    return { partner: false, jurisdictions: [] };
  }
  const js = await repo.jurisdictionsOfUser(db, actor.userId);
  const linked = await repo.admissionsOfJurisdictions(db, js, a.id);
  if (!linked.length) throw new AppError(403, 'justice.partner.not_your_case');
  return { partner: true, jurisdictions: js };
}

export async function visibleAdmission(
  db: Tx,
  actor: Actor,
  id: string,
  permission: 'justice.read' | 'justice.write',
  forUpdate = false,
): Promise<{ a: repo.AdmissionRow; access: Access }> {
  authorize(actor, permission);
  const a = await repo.findAdmission(db, id, forUpdate);
  if (!a) throw notFound();
  return { a, access: await accessToAdmission(db, actor, a, permission) };
}

export function staffPrisonScope(
  actor: Actor,
  permission: 'justice.read' | 'justice.write' | 'justice.rules',
  prisonId?: string,
): void {
  authorize(actor, permission, prisonId);
  if (isPartner(actor)) throw forbidden('justice.partner.staff_only');
}

export async function resolvePrison(
  db: Tx,
  actor: Actor,
  idOrCode: string,
  permission: 'justice.read' | 'justice.write' = 'justice.read',
): Promise<estateRepo.PrisonRow> {
  const p = await estateRepo.findPrison(db, idOrCode);
  if (!p) throw notFound();
  staffPrisonScope(actor, permission, p.id);
  return p;
}
