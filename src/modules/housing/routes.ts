import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../http/app.js';
import { IsoDate, Opt, PrisonRef, Reason, Uuid } from '../../http/schemas.js';
import { LEVELS, POLICIES } from './rules.js';
import { addKeepApart, allocate, decideLevel, levelHistory, listKeepApart, setPolicy } from './service.js';

const lit = <T extends readonly string[]>(xs: T) => Type.Union(xs.map((x) => Type.Literal(x)));
const IdParam = Type.Object({ id: Uuid });
// Request bodies the pages parse their forms with too.
export const AllocateBody = Type.Object({ cell_id: Uuid, reason: Reason, override_reason: Opt(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });
export const KeepApartBody = Type.Object({ prison: PrisonRef, person_a: Uuid, person_b: Uuid, reason: Type.String({ minLength: 1, maxLength: 2000 }), source: Type.String({ minLength: 1, maxLength: 300 }), review_on: Opt(IsoDate) }, { additionalProperties: false });

export async function housingRoutes(app: App, { database }: AppContext): Promise<void> {
  const db = database.db;
  app.post('/api/admissions/:id/allocate', {
    schema: { tags: ['housing'], summary: 'Put a detainee in a cell through the allocation check (capacity, untried/convicted, women/men, minors/adults, keep-apart, high-risk policy); refused with every reason unless a director overrides with a reason', params: IdParam,
      body: AllocateBody },
  }, async (req) => allocate(db, req.actor!, req.params.id, req.body));
  app.post('/api/admissions/:id/security-level', {
    schema: { tags: ['housing'], summary: 'Decide the security level, by a named person with reasons', params: IdParam,
      body: Type.Object({ level: lit(LEVELS), reasons: Type.String({ minLength: 1, maxLength: 4000 }), trigger: lit(['initial', 'periodic', 'incident', 'new_title', 'programme', 'override'] as const), next_review_on: Opt(IsoDate) }, { additionalProperties: false }) },
  }, async (req, reply) => reply.status(201).send(await decideLevel(db, req.actor!, req.params.id, req.body)));
  app.get('/api/admissions/:id/security-level', { schema: { tags: ['housing'], summary: 'Security level decisions, latest first; the reasons only for holders of intelligence.read (audited), otherwise `withheld`', params: IdParam } },
    async (req) => ({ items: await levelHistory(db, req.actor!, req.params.id) }));
  app.post('/api/keep-apart', {
    schema: { tags: ['housing'], summary: 'Record that two people must not share a cell or unit (security staff; audited)',
      body: KeepApartBody },
  }, async (req, reply) => reply.status(201).send(await addKeepApart(db, req.actor!, req.body)));
  app.get('/api/keep-apart', { schema: { tags: ['housing'], summary: 'Keep-apart records of a prison (security staff; audited)', querystring: Type.Object({ prison: PrisonRef }, { additionalProperties: false }) } },
    async (req) => ({ items: await listKeepApart(db, req.actor!, req.query.prison) }));
  app.put('/api/prisons/:prison/housing-policy', {
    schema: { tags: ['housing'], summary: "The prison's policy for people assessed as high-risk: concentrate (in a unit), disperse, or mixed", params: Type.Object({ prison: PrisonRef }),
      body: Type.Object({ high_risk_policy: lit(POLICIES), high_risk_unit_id: Opt(Uuid), reason: Reason }, { additionalProperties: false }) },
  }, async (req) => setPolicy(db, req.actor!, req.params.prison, req.body));
}
