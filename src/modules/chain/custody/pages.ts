/**
 * Custody-before-prison pages (fr/en, no JavaScript) — the controller: parse the form with the API's
 * schemas (forms.ts), call the service (which authorises), choose the view. The chain page of an
 * admission, the stage forms (add, correct), the section on the prisoner file and the held-without-
 * charge section of the director's and the prosecutor's home pages.
 */
import type { FastifyRequest } from 'fastify';
import { type Actor, authorize, can, type Permission } from '../../../core/access.js';
import { AppError } from '../../../core/errors.js';
import type { Lang } from '../../../core/i18n.js';
import type { Db } from '../../../db/index.js';
import type { App, AppContext } from '../../../http/context.js';
import {
  type FormBody,
  type FormErrors,
  formErrorsFromService,
  type NavEntry,
  pageContext,
  pageRoute,
  type Raw,
  sendHtml,
  toFormValues,
} from '../../../web/index.js';
import { listJurisdictions } from '../../justice/index.js';
import { peopleNames } from '../../people/index.js';
import { listCodes } from '../../reference/index.js';
import { parseCorrectionForm, parseStageForm } from './forms.js';
import { m } from './messages.js';
import {
  addStage,
  correctStage,
  getCustodyChain,
  stageForCorrection,
  withoutChargeForPartner,
  withoutChargeInPrison,
} from './service.js';
import { chainView, fileBlock, stageFormView, withoutChargeBlock } from './views/chain.js';

type Req = FastifyRequest<{
  Params: Record<string, string>;
  Querystring: Record<string, string | undefined>;
  Body: FormBody;
}>;

/** No menu entry: the chain is reached from the prisoner file and the home page. */
export const custodyNav: readonly NavEntry[] = [];

const need = (actor: Actor | null | undefined, permission: Permission) => {
  authorize(actor!, permission);
};

function onForm(e: unknown): e is AppError {
  return e instanceof AppError && (e.status === 422 || e.status === 409);
}
const errorsFrom = (e: AppError, req: Req, nameOf: ((p: string) => string) | undefined, fallback: string) =>
  formErrorsFromService(e.fields.length ? e.fields : [{ field: `/${fallback}`, key: e.key, params: e.params }], {
    lang: req.lang,
    names: Object.keys(req.body),
    nameOf: (p) => {
      const n = nameOf ? nameOf(p) : p.replace(/^\//, '');
      return n;
    },
    fallback,
  });

/** The director's home page: the people held without charge in the prison (justice.read, staff). */
export async function withoutChargeSection(
  req: FastifyRequest,
  db: Db,
  prison: { id: string; code: string } | null,
): Promise<Raw | null> {
  const actor = req.actor!;
  if (!can(actor, 'justice.read')) return null;
  const partner = actor.roles.includes('prosecutor');
  if (prison && !partner)
    return withoutChargeBlock(req.lang, await withoutChargeInPrison(db, actor, prison.id, req.lang));
  if (!prison && partner) return withoutChargeBlock(req.lang, await withoutChargeForPartner(db, actor, req.lang));
  return null;
}

/** On the prisoner file, under an open admission (custody.read). */
export async function custodyChainSection(req: FastifyRequest, db: Db, admissionId: string): Promise<Raw | null> {
  if (!can(req.actor!, 'custody.read')) return null;
  return fileBlock(req.lang, await getCustodyChain(db, req.actor!, admissionId, req.lang));
}

async function choices(db: Db, actor: Actor, lang: Lang) {
  const forces = (await listCodes(db, actor, 'arresting_authority'))
    .filter((c) => c.active)
    .map((c) => ({ value: c.code, text: lang === 'en' ? c.label_en : c.label_fr }));
  const jurisdictions = (await listJurisdictions(db, actor)).map((j) => ({ value: j.id, text: j.name }));
  return { forces, jurisdictions };
}

export function custodyPages(app: App, ctx: AppContext): Promise<void> {
  const db = ctx.database.db;
  const hide = { schema: { hide: true } };

  app.get(
    '/chain/admissions/:id/custody',
    hide,
    pageRoute<Req>(async (req) => {
      const actor = req.actor!;
      const chain = await getCustodyChain(db, actor, req.params.id, req.lang);
      const n = (await peopleNames(db, [chain.person_id])).get(chain.person_id);
      return chainView(pageContext(req), {
        chain,
        name: n ? `${n.familyName} ${n.givenNames}`.trim() : '',
        mayAdd: can(actor, 'custody.write'),
        mayCorrect: can(actor, 'custody.correct'),
        done: req.query.done === '1',
      });
    }),
  );

  const addPage = async (req: Req, values: FormBody | null, errors: FormErrors | null) => {
    const actor = req.actor!;
    need(actor, 'custody.write');
    const chain = await getCustodyChain(db, actor, req.params.id, req.lang);
    return stageFormView(pageContext(req), {
      action: `/chain/admissions/${chain.admission_id}/custody/new`,
      title: m.t(req.lang, 'chain.custody.page.new_title'),
      back: `/chain/admissions/${chain.admission_id}/custody`,
      correction: false,
      ...(await choices(db, actor, req.lang)),
      values,
      errors,
    });
  };
  app.get(
    '/chain/admissions/:id/custody/new',
    hide,
    pageRoute<Req>(async (req) => addPage(req, null, null)),
  );
  app.post(
    '/chain/admissions/:id/custody/new',
    hide,
    pageRoute<Req>(async (req, reply) => {
      need(req.actor, 'custody.write');
      const parsed = parseStageForm(req.body, req.lang);
      if (!parsed.ok) return sendHtml(reply, await addPage(req, req.body, parsed.errors), 422);
      try {
        await addStage(db, req.actor!, req.params.id, parsed.value, req.lang);
      } catch (e) {
        if (!onForm(e)) throw e;
        return sendHtml(reply, await addPage(req, req.body, errorsFrom(e, req, parsed.nameOf, 'force')), e.status);
      }
      return reply.redirect(`/chain/admissions/${req.params.id}/custody?done=1`, 303);
    }),
  );

  const correctPage = async (req: Req, values: FormBody | null, errors: FormErrors | null) => {
    const actor = req.actor!;
    need(actor, 'custody.correct');
    const s = await stageForCorrection(db, actor, req.params.id);
    return stageFormView(pageContext(req), {
      action: `/chain/custody/stages/${s.stage.id}/correct`,
      title: m.t(req.lang, 'chain.custody.page.correct_title'),
      back: `/chain/admissions/${s.admission_id}/custody`,
      correction: true,
      ...(await choices(db, actor, req.lang)),
      values: values ?? formValuesOf(s.stage),
      errors,
    });
  };
  app.get(
    '/chain/custody/stages/:id/correct',
    hide,
    pageRoute<Req>(async (req) => correctPage(req, null, null)),
  );
  app.post(
    '/chain/custody/stages/:id/correct',
    hide,
    pageRoute<Req>(async (req, reply) => {
      need(req.actor, 'custody.correct');
      const parsed = parseCorrectionForm(req.body, req.lang);
      if (!parsed.ok) return sendHtml(reply, await correctPage(req, req.body, parsed.errors), 422);
      let admissionId: string;
      try {
        admissionId = (await correctStage(db, req.actor!, req.params.id, parsed.value, req.lang)).admission_id;
      } catch (e) {
        if (!onForm(e)) throw e;
        return sendHtml(reply, await correctPage(req, req.body, errorsFrom(e, req, parsed.nameOf, 'reason')), e.status);
      }
      return reply.redirect(`/chain/admissions/${admissionId}/custody?done=1`, 303);
    }),
  );
  return Promise.resolve();
}

/** A stage's values as the form's boxes (dates in three boxes and a time). */
function formValuesOf(s: {
  force: string;
  unit: string | null;
  place_kind: string;
  place_name: string | null;
  from_at: string;
  to_at: string | null;
  legal_basis: string;
  extensions: number;
  extension_reference: string | null;
  terrorism: boolean;
  document_reference: string | null;
  prosecutor_jurisdiction_id: string | null;
  notes: string | null;
}): FormBody {
  const boxes = (name: string, timeName: string, iso: string | null) => {
    if (!iso) return {};
    const [d, t] = iso.split('T');
    const [y, mo, day] = d.split('-');
    return {
      [`${name}.day`]: String(Number(day)),
      [`${name}.month`]: String(Number(mo)),
      [`${name}.year`]: y,
      [timeName]: t.slice(0, 5),
    };
  };
  return {
    ...toFormValues({
      force: s.force,
      unit: s.unit ?? '',
      place_kind: s.place_kind,
      place_name: s.place_name ?? '',
      legal_basis: s.legal_basis,
      extensions: String(s.extensions),
      extension_reference: s.extension_reference ?? '',
      document_reference: s.document_reference ?? '',
      prosecutor_jurisdiction_id: s.prosecutor_jurisdiction_id ?? '',
      notes: s.notes ?? '',
    }),
    ...(s.terrorism ? { terrorism: '1' } : {}),
    ...boxes('from_at', 'from_time', s.from_at),
    ...boxes('to_at', 'to_time', s.to_at),
  };
}
