/**
 * Roles, permissions and scope. Every service function takes an Actor and checks it before
 * touching data: the HTTP layer only authenticates. Deny by default: a permission not granted
 * by one of the actor's roles is refused.
 */
import { AppError, forbidden } from './errors.js';
import type { Lang } from './i18n.js';

export const PERMISSIONS = [
  'estate.read',
  'estate.admin',
  'person.read',
  'person.write',
  'person.correct',
  'person.sensitive', // religion and ethnicity: read and write, audited
  'custody.read',
  'custody.write',
  'custody.correct',
  'reference.admin',
  'user.admin',
  'history.read',
  'audit.read',
  'health.read',
  'health.write', // medical data, audited
  'health.injury_report.read', // the injury report of the reception medical check (director)
  'intelligence.read',
  'intelligence.write', // security intelligence and keep-apart records, audited
  'intake.security',
  'intake.administration',
  'intake.registry',
  'intake.interview',
  'intake.complete',
  'identity.match',
  'identity.merge',
  'justice.read',
  'justice.write',
  'justice.rules',
  'classification.read',
  'classification.decide',
  'classification.override',
  'assessment.read',
  'assessment.write',
  'assessment.instrument',
  'housing.move',
  'housing.override',
  'statistics.read',
  'file.open', // open a person's data held by one prison to another (a recorded decision)
  'complaints.read', // the prison's requests and complaints (never the confidential ones)
  'complaints.record', // record a request or complaint at the detainee's word, a cell leader's, a paper slip
  'complaints.handle', // acknowledge, investigate, answer (never a complaint naming oneself)
  'complaints.national', // the national complaints officer: every complaint, confidential ones included; appeals
  'complaints.confidential', // the independent body (inspector): its confidential complaints and every allegation of ill-treatment
  'movements.escort', // record a detainee taken out under escort (court, hospital, funeral, family visit) and brought back
  'movements.count', // enter a roll call per cell, recount, close (validate) the count
  'movements.release', // prepare and check a release, return belongings, notifications, the release-due list (registry staff)
  'movements.release_confirm', // the second officer's confirmation of a checked release (never the checker)
  'movements.incident', // record an escape, a recapture, a death in custody
  'movements.transfer', // transfers between prisons: request, escort and list, property out and in, arrival, family notice
  'movements.transfer_decide', // decide a transfer: each director for their prison, the national administration when they disagree
  'chain.announce', // a force officer announces a transfer to a prison before it happens (their units' announcements only)
  'chain.receive', // see a prison's expected arrivals and start the reception from an announcement
  'chain.documents', // read the documents that follow the person (the case's prosecutor, the Pôle's magistrates), audited
  'chain.partner_view', // the partners' view of the chain: a prosecutor for their jurisdiction, the national administration by force
  'visits.read', // the visitor register, the day's visits, a person's family contact, the no-contact list
  'visits.gate', // register visitors, book and register visits, arrivals and departures, items brought
  'visits.decide', // the director: bans of visitors, individual restrictions of visits, the visiting rules
  'visits.contact', // record calls and letters, family tracing requests through a partner
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = [
  'registry_clerk',
  'security_officer',
  'social_worker',
  'medical_staff',
  'prison_director',
  'national_admin',
  'auditor',
  'prosecutor',
  'system_admin',
  'inspector', // the independent body (Mali: the national human rights commission, also the national preventive mechanism)
  'complaints_officer', // the national administration's complaints officer
  'force_officer', // an officer of an arresting force's unit (police, gendarmerie, army, State Security): announces arrivals
] as const;
export type Role = (typeof ROLES)[number];

const READ: Permission[] = [
  'estate.read',
  'person.read',
  'custody.read',
  'justice.read',
  'classification.read',
  'history.read',
  'statistics.read',
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  registry_clerk: [
    ...READ,
    'person.write',
    'person.correct',
    'custody.write',
    'custody.correct',
    'intake.administration',
    'intake.registry',
    'identity.match',
    'justice.write',
    'complaints.read',
    'complaints.record',
    'movements.escort',
    'movements.release',
    'movements.release_confirm',
    'movements.incident',
    'movements.transfer',
    'chain.receive',
    'visits.read',
    'visits.gate',
  ],
  security_officer: [
    ...READ,
    'intake.security',
    'housing.move',
    'intelligence.read',
    'intelligence.write',
    'identity.match',
    'complaints.read',
    'complaints.record',
    'movements.escort',
    'movements.count',
    'movements.release_confirm',
    'movements.transfer',
    'chain.receive',
    'visits.read',
    'visits.gate',
  ],
  social_worker: [
    ...READ,
    'intake.interview',
    'assessment.read',
    'assessment.write',
    'identity.match',
    'complaints.read',
    'complaints.record',
    'visits.read',
    'visits.contact',
  ],
  medical_staff: ['estate.read', 'person.read', 'custody.read', 'health.read', 'health.write', 'complaints.record'],
  prison_director: [
    ...READ,
    'person.write',
    'person.correct',
    'person.sensitive',
    'custody.write',
    'custody.correct',
    'intake.security',
    'intake.administration',
    'intake.registry',
    'intake.interview',
    'intake.complete',
    'health.injury_report.read',
    'intelligence.read',
    'identity.match',
    'identity.merge',
    'justice.write',
    'classification.decide',
    'classification.override',
    'assessment.read',
    'assessment.write',
    'housing.move',
    'housing.override',
    'audit.read',
    'file.open',
    'complaints.read',
    'complaints.record',
    'complaints.handle',
    'movements.escort',
    'movements.count',
    'movements.release',
    'movements.release_confirm',
    'movements.incident',
    'movements.transfer',
    'movements.transfer_decide',
    'chain.receive',
    'visits.read',
    'visits.gate',
    'visits.decide',
    'visits.contact',
  ],
  national_admin: [
    ...READ,
    'estate.admin',
    'reference.admin',
    'user.admin',
    'person.write',
    'person.correct',
    'person.sensitive',
    'custody.write',
    'custody.correct',
    'identity.match',
    'identity.merge',
    'justice.rules',
    'assessment.read',
    'assessment.instrument',
    'audit.read',
    'intelligence.read',
    'file.open',
    'complaints.read',
    'movements.transfer',
    'movements.transfer_decide',
    'chain.partner_view',
    'visits.read',
  ],
  auditor: [...READ, 'audit.read'],
  // Justice partners read and write only through the justice module, which checks their jurisdiction:
  // no general read of the prison's files.
  prosecutor: ['justice.read', 'justice.write', 'chain.documents', 'chain.partner_view'],
  system_admin: ['estate.read', 'estate.admin', 'reference.admin', 'user.admin', 'audit.read'],
  // The independent body reads only what is addressed to it: no general read of the prisons' files.
  inspector: ['estate.read', 'complaints.confidential'],
  complaints_officer: [...READ, 'complaints.read', 'complaints.handle', 'complaints.national'],
  // Scoped to their units (chain module), not to a prison: no read of the prisons' files.
  force_officer: ['chain.announce'],
};

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  permissions: ReadonlySet<Permission>;
  /** National scope sees every prison; otherwise only `prisonIds`. */
  national: boolean;
  prisonIds: readonly string[];
  lang: Lang;
  /** Where the request came from (the client address, after TRUST_PROXY), for audit rows. */
  address?: string | null;
  /** The login session behind the request (its public reference), for audit rows. */
  sessionId?: string | null;
  /** Or the API token behind it. */
  tokenId?: string | null;
}

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const set = new Set<Permission>();
  for (const r of roles) for (const p of ROLE_PERMISSIONS[r] ?? []) set.add(p);
  return set;
}

export function makeActor(u: {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  national: boolean;
  prisonIds: string[];
  lang?: string;
}): Actor {
  const roles = u.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  return {
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    roles,
    permissions: permissionsOf(roles),
    national: u.national,
    prisonIds: u.prisonIds,
    lang: u.lang === 'en' ? 'en' : 'fr',
  };
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

export function inScope(actor: Actor, prisonId: string): boolean {
  return actor.national || actor.prisonIds.includes(prisonId);
}

/** Throws 403 unless the actor has the permission (and, when given, the prison in scope). */
export function authorize(actor: Actor, permission: Permission, prisonId?: string): void {
  if (!can(actor, permission)) throw forbidden();
  if (prisonId !== undefined && !inScope(actor, prisonId)) throw new AppError(403, 'error.out_of_scope');
}

/** The prisons an actor may see, as a filter: undefined means all (national scope). */
export function scopeFilter(actor: Actor): readonly string[] | undefined {
  return actor.national ? undefined : actor.prisonIds;
}
