/**
 * The hook a future incidents capability plugs into: a death in custody (and an escape) opens its
 * incident checklist there. No incidents module exists yet, so nothing is provided and the pages
 * say the checklist will open here when it does. The provider runs inside the transaction that
 * records the incident, so the checklist and the incident are written together or not at all.
 */
import type { Actor } from '../../../core/access.js';
import type { Tx } from '../../../db/index.js';

export interface IncidentChecklistRequest {
  incidentId: string;
  kind: 'escape' | 'death';
  prisonId: string;
  personId: string;
  admissionId: string;
  occurredAt: Date;
}
/** What the incidents capability answers: where its checklist for this incident is. */
export interface IncidentChecklistResult {
  href: string;
}
type Provider = {
  open: (tx: Tx, actor: Actor, req: IncidentChecklistRequest) => Promise<IncidentChecklistResult>;
  find: (tx: Tx, incidentId: string) => Promise<IncidentChecklistResult | null>;
};

let provider: Provider | null = null;

/** Called once by the incidents module's registration (it does not exist yet). */
export function provideIncidentChecklist(p: Provider | null): void {
  provider = p;
}

export const incidentChecklistAvailable = () => provider !== null;

export async function openIncidentChecklist(
  tx: Tx,
  actor: Actor,
  req: IncidentChecklistRequest,
): Promise<IncidentChecklistResult | null> {
  return provider ? provider.open(tx, actor, req) : null;
}

export async function findIncidentChecklist(tx: Tx, incidentId: string): Promise<IncidentChecklistResult | null> {
  return provider ? provider.find(tx, incidentId) : null;
}
