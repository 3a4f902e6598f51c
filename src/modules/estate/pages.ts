/**
 * The estate page's dated part (fr/en, no JavaScript): the official capacity and the status of the
 * prison over time, and, for the national administration (estate.admin), the forms to record a
 * change from a date. Past occupancy keeps the capacity then in force.
 */
import { can } from '../../core/access.js';
import { bamakoDate, formatBamako } from '../../core/dates.js';
import { AppError, type FieldError } from '../../core/errors.js';
import { t, type Lang } from '../../core/i18n.js';
import type { Db } from '../../db/index.js';
import type { App, AppContext } from '../../http/context.js';
import {
  errorSummary,
  type FormErrors,
  formErrors,
  hidden,
  selectField,
  textArea,
  textField,
  html,
  type Raw,
  csrfOk,
  page,
  type Req,
} from '../web/index.js';
import './messages.js';
import './page-messages.js';
import { isPrisonStatus, PRISON_STATUSES, type PrisonStatus } from './rules.js';
import { CREATED, estateHistory, recordCapacity, recordStatus } from './service.js';
import { formatDate } from '../../web/format.js';

const CAP = ['official_capacity', 'effective_from', 'reason', 'source'];
/** The texts the system wrote when the prison was created, in the reader's language; anything a person wrote as written. */
const systemText = (lang: Lang, text: string) =>
  text === CREATED.capacity
    ? t(lang, 'estate.created.capacity')
    : text === CREATED.status
      ? t(lang, 'estate.created.status')
      : text === CREATED.source
        ? t(lang, 'estate.created.source')
        : text;
const ST = ['status', 'effective_from', 'reason', 'source'];

export async function estateSection(
  req: Req,
  db: Db,
  prison: string,
  state?: { form: 'capacity' | 'status'; v: Record<string, string>; errors: FormErrors },
): Promise<Raw> {
  const lang = req.lang;
  const actor = req.actor!;
  const h = await estateHistory(db, actor, prison);
  const code = h.prison.code;
  const since = (d: string | null) => (d ? formatDate(lang, d) : t(lang, 'estate.since_origin'));
  const v = (f: 'capacity' | 'status') => (state?.form === f ? state.v : {});
  const e = (f: 'capacity' | 'status') => (state?.form === f ? state.errors : null);
  const forms = can(actor, 'estate.admin')
    ? html`<h3>${t(lang, 'estate.record_capacity')}</h3>${errorSummary(lang, e('capacity'))}
<form id="capacity" method="post" action="/estate/capacity?prison=${code}" novalidate>${hidden('_csrf', req.sessionCsrf ?? '')}
${textField({
  label: t(lang, 'estate.official_capacity'),
  name: 'official_capacity',
  type: 'number',
  value: v('capacity').official_capacity ?? '',
  errors: e('capacity'),
  hint: t(lang, 'estate.official_capacity_hint'),
})}
${textField({
  label: t(lang, 'estate.effective_from'),
  name: 'effective_from',
  type: 'date',
  value: v('capacity').effective_from ?? bamakoDate(),
  errors: e('capacity'),
  required: true,
})}
${textArea({ label: t(lang, 'estate.reason'), name: 'reason', value: v('capacity').reason ?? '', errors: e('capacity'), required: true })}
${textField({ label: t(lang, 'estate.source'), name: 'source', value: v('capacity').source ?? '', errors: e('capacity') })}
<button type="submit">${t(lang, 'estate.record')}</button></form>
<h3>${t(lang, 'estate.record_status')}</h3>${errorSummary(lang, e('status'))}
<form id="status" method="post" action="/estate/status?prison=${code}" novalidate>${hidden('_csrf', req.sessionCsrf ?? '')}
${selectField({
  label: t(lang, 'estate.status'),
  name: 'status',
  value: v('status').status ?? '',
  errors: e('status'),
  required: true,
  placeholder: t(lang, 'web.choose'),
  options: PRISON_STATUSES.map((x) => [x, t(lang, `estate.status.${x}`)]),
})}
${textField({
  label: t(lang, 'estate.effective_from'),
  name: 'effective_from',
  type: 'date',
  value: v('status').effective_from ?? bamakoDate(),
  errors: e('status'),
  required: true,
})}
${textArea({ label: t(lang, 'estate.reason'), name: 'reason', value: v('status').reason ?? '', errors: e('status'), required: true })}
${textField({ label: t(lang, 'estate.source'), name: 'source', value: v('status').source ?? '', errors: e('status') })}
<button type="submit">${t(lang, 'estate.record')}</button></form>`
    : null;
  return html`<section aria-labelledby="dated-h"><h2 id="dated-h">${t(lang, 'estate.dated_title')}</h2>
<p>${t(lang, 'estate.dated_intro')}</p>
<table><thead><tr><th scope="col">${t(lang, 'estate.effective_from')}</th>
<th scope="col">${t(lang, 'estate.official_capacity')}</th><th scope="col">${t(lang, 'estate.reason')}</th>
<th scope="col">${t(lang, 'estate.source')}</th><th scope="col">${t(lang, 'estate.recorded')}</th></tr></thead><tbody>
${h.capacity.map(
  (c) => html`<tr><td>${since(c.effective_from)}</td>
<td class="num">${c.official_capacity ?? t(lang, 'estate.capacity_unknown')}</td><td>${systemText(lang, c.reason)}</td>
<td>${systemText(lang, c.source ?? '')}</td>
<td>${formatBamako(c.recorded_at, lang)}${c.recorded_by ? ` — ${c.recorded_by}` : ''}</td></tr>`,
)}</tbody></table>
<table><thead><tr><th scope="col">${t(lang, 'estate.effective_from')}</th><th scope="col">${t(lang, 'estate.status')}</th>
<th scope="col">${t(lang, 'estate.reason')}</th><th scope="col">${t(lang, 'estate.source')}</th>
<th scope="col">${t(lang, 'estate.recorded')}</th></tr></thead><tbody>
${h.status.map(
  (c) => html`<tr><td>${since(c.effective_from)}</td><td>${t(lang, `estate.status.${c.status}`)}</td>
<td>${systemText(lang, c.reason)}</td><td>${systemText(lang, c.source ?? '')}</td>
<td>${formatBamako(c.recorded_at, lang)}${c.recorded_by ? ` — ${c.recorded_by}` : ''}</td></tr>`,
)}</tbody></table>
${forms}</section>`;
}

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify registration functions are async
export async function estatePages(
  app: App,
  { database }: AppContext,
  estatePage: (req: Req, prison: string | undefined, section?: Raw) => Promise<string>,
): Promise<void> {
  const db = database.db;
  const post = (form: 'capacity' | 'status') =>
    page(async (req, reply) => {
      if (!csrfOk(req)) throw new AppError(403, 'error.csrf');
      const prison = req.query.prison ?? '';
      const names = form === 'capacity' ? CAP : ST;
      const v: Record<string, string> = {};
      // A field sent twice arrives as an array, whatever the declared body type says.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion -- see above
      for (const k of names) v[k] = String(req.body?.[k] ?? '').trim();
      const missing: FieldError[] = (
        form === 'capacity' ? ['effective_from', 'reason'] : ['status', 'effective_from', 'reason']
      )
        .filter((k) => !v[k])
        .map((k) => ({ field: `/${k}`, key: 'field.required' }));
      if (form === 'status' && v.status && !isPrisonStatus(v.status))
        missing.push({ field: '/status', key: 'estate.status_unknown' });
      if (form === 'capacity' && v.official_capacity && !/^\d{1,7}$/.test(v.official_capacity))
        missing.push({ field: '/official_capacity', key: 'estate.capacity_number' });
      try {
        if (missing.length) throw new AppError(422, 'error.validation', {}, missing);
        const common = { effective_from: v.effective_from, reason: v.reason, source: v.source || null };
        if (form === 'capacity')
          await recordCapacity(db, req.actor!, prison, {
            ...common,
            official_capacity: v.official_capacity ? Number(v.official_capacity) : null,
          });
        // The status was checked against the list above (isPrisonStatus), and again by the service.
        else await recordStatus(db, req.actor!, prison, { ...common, status: v.status as PrisonStatus });
      } catch (e) {
        if (!(e instanceof AppError) || e.status !== 422) throw e;
        const section = await estateSection(req, db, prison, { form, v, errors: formErrors(e, req.lang, names, form) });
        return reply
          .status(422)
          .type('text/html; charset=utf-8')
          .send(await estatePage(req, prison, section));
      }
      return reply.redirect(`/estate?prison=${encodeURIComponent(prison)}&saved=1`, 303);
    });
  app.post('/estate/capacity', { schema: { hide: true } }, post('capacity'));
  app.post('/estate/status', { schema: { hide: true } }, post('status'));
}
