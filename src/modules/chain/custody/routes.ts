/** The custody-before-prison API (OpenAPI tag `chain`). */
import type { App, AppContext } from '../../../http/context.js';
import {
  BreachReply,
  ChainView,
  IdParam,
  PrisonQuery,
  RuleBody,
  RuleView,
  SettingsBody,
  SettingsView,
  StageBody,
  StageCorrectionBody,
  WithoutChargeReply,
} from './schemas.js';
import {
  addCustodyRule,
  addStage,
  correctStage,
  custodyBreaches,
  custodySettings,
  getCustodyChain,
  listCustodyRules,
  putCustodySettings,
  withoutChargeForPartner,
  withoutChargeInPrison,
} from './service.js';
import { Type } from '@sinclair/typebox';
import { PrisonRef } from '../../../http/schemas.js';

const tags = ['chain'];

export function custodyRoutes(app: App, { database }: AppContext): Promise<void> {
  const db = database.db;
  app.get(
    '/api/chain/custody/admissions/:id',
    {
      schema: {
        tags,
        summary:
          "An arrival's custody before prison: each stage (force, place, from and to, legal basis) with its corrected " +
          "versions, the police-custody limit (flagged when passed), the remand credit's first day, and whether the " +
          'person is held without charge',
        params: IdParam,
        response: { 200: ChainView },
      },
    },
    async (req) => getCustodyChain(db, req.actor!, req.params.id, req.lang),
  );
  app.post(
    '/api/chain/custody/admissions/:id/stages',
    {
      schema: {
        tags,
        summary: 'Record a stage of custody before prison, from the documents brought at the handover',
        params: IdParam,
        body: StageBody,
        response: { 201: ChainView },
      },
    },
    async (req, reply) => reply.status(201).send(await addStage(db, req.actor!, req.params.id, req.body, req.lang)),
  );
  app.post(
    '/api/chain/custody/stages/:id/corrections',
    {
      schema: {
        tags,
        summary: 'Correct a stage: a new version with the reason; the old one is kept and shown',
        params: IdParam,
        body: StageCorrectionBody,
        response: { 200: ChainView },
      },
    },
    async (req) => correctStage(db, req.actor!, req.params.id, req.body, req.lang),
  );
  app.get(
    '/api/chain/custody/breaches',
    {
      schema: {
        tags,
        summary:
          'Police custody past its legal limit: the arrivals concerned and their count per arresting force (a prison, or the scope)',
        querystring: PrisonQuery,
        response: { 200: BreachReply },
      },
    },
    async (req) => custodyBreaches(db, req.actor!, req.query.prison, req.lang),
  );
  app.get(
    '/api/chain/custody/without-charge',
    {
      schema: {
        tags,
        summary:
          'People held with no committal order or judgment past the set time after arrival, in a prison (staff) — ' +
          'distinct from an expired title',
        querystring: Type.Object({ prison: PrisonRef }, { additionalProperties: false }),
        response: { 200: WithoutChargeReply },
      },
    },
    async (req) => withoutChargeInPrison(db, req.actor!, req.query.prison, req.lang),
  );
  app.get(
    '/api/chain/custody/partner/without-charge',
    {
      schema: {
        tags,
        summary:
          "The same for a partner prosecutor's office: the people whose custody chain names one of its jurisdictions (every line audited)",
        response: { 200: WithoutChargeReply },
      },
    },
    async (req) => withoutChargeForPartner(db, req.actor!, req.lang),
  );
  app.get(
    '/api/chain/custody/rules',
    {
      schema: {
        tags,
        summary: 'The police-custody limits, dated, by category',
        response: { 200: Type.Array(RuleView) },
      },
    },
    async (req) => listCustodyRules(db, req.actor!),
  );
  app.post(
    '/api/chain/custody/rules',
    {
      schema: {
        tags,
        summary: 'A new dated police-custody limit (a new law, a confirmed value): in force from its date',
        body: RuleBody,
        response: { 201: RuleView },
      },
    },
    async (req, reply) => reply.status(201).send(await addCustodyRule(db, req.actor!, req.body)),
  );
  app.get(
    '/api/chain/custody/settings',
    {
      schema: {
        tags,
        summary:
          'Hours after arrival before "held without charge", and whether custody before prison is credited as remand',
        response: { 200: SettingsView },
      },
    },
    async (req) => custodySettings(db, req.actor!),
  );
  app.put(
    '/api/chain/custody/settings',
    {
      schema: {
        tags,
        summary: 'Change the settings (with the reason)',
        body: SettingsBody,
        response: { 200: SettingsView },
      },
    },
    async (req) => putCustodySettings(db, req.actor!, req.body),
  );
  return Promise.resolve();
}
