/**
 * The age part of the prisoner file (fr/en, no JavaScript): whether the person is treated as a
 * minor and why ("treated as a minor: age uncertain, no age assessment"), the age assessments
 * recorded, and a small form to record one (person.write).
 */
import { can } from '../../core/access.js';
import { bamakoDate, formatBamako } from '../../core/dates.js';
import { AppError, type FieldError } from '../../core/errors.js';
import { t } from '../../core/i18n.js';
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
  formText,
} from '../web/index.js';
import { ageAssessments, ageReadingText, recordAgeAssessment } from './age.js';
import './messages.js';
import './page-messages.js';
import { AGE_METHODS, AGE_RESULTS, type AgeMethod, type AgeResult } from './rules.js';

const FIELDS = ['method', 'assessed_by', 'assessed_on', 'result', 'minimum_age', 'notes'];

/** The file's age section; `state` carries a refused form back with its errors. */
export async function ageSection(
  req: Req,
  db: Db,
  personId: string,
  state?: { v: Record<string, string>; errors: FormErrors },
): Promise<Raw> {
  const lang = req.lang;
  const actor = req.actor!;
  const a = await ageAssessments(db, actor, personId);
  const v = state?.v ?? {};
  const errors = state?.errors ?? null;
  const reading = ageReadingText(lang, a.reading);
  const form = can(actor, 'person.write')
    ? html`<details${errors ? html` open` : null}><summary>${t(lang, 'person.age.record')}</summary>${errorSummary(lang, errors)}
<form id="age" method="post" action="/people/${personId}/age-assessments" novalidate>${hidden('_csrf', req.sessionCsrf ?? '')}
${selectField({
  label: t(lang, 'person.age.method'),
  name: 'method',
  value: v.method ?? '',
  errors,
  required: true,
  placeholder: t(lang, 'web.choose'),
  options: AGE_METHODS.map((m) => [m, t(lang, `person.age.method.${m}`)]),
})}
${textField({ label: t(lang, 'person.age.assessed_by'), name: 'assessed_by', value: v.assessed_by ?? '', errors, required: true })}
${textField({
  label: t(lang, 'person.age.assessed_on'),
  name: 'assessed_on',
  type: 'date',
  value: v.assessed_on ?? bamakoDate(),
  errors,
  required: true,
})}
${selectField({
  label: t(lang, 'person.age.result'),
  name: 'result',
  value: v.result ?? '',
  errors,
  required: true,
  placeholder: t(lang, 'web.choose'),
  options: AGE_RESULTS.map((r) => [r, t(lang, `person.age.result.${r}`)]),
})}
${textField({
  label: t(lang, 'person.age.minimum_age'),
  name: 'minimum_age',
  type: 'number',
  value: v.minimum_age ?? '',
  errors,
  hint: t(lang, 'person.age.minimum_age_hint'),
})}
${textArea({ label: t(lang, 'person.age.notes'), name: 'notes', value: v.notes ?? '', errors })}
<button type="submit">${t(lang, 'person.age.submit')}</button></form></details>`
    : null;
  return html`<section aria-labelledby="age-h"><h2 id="age-h">${t(lang, 'person.age.title')}</h2>
<p${a.reading.treated_as_minor ? html` class="notice"` : null}><strong>${reading}</strong></p>
${
  a.items.length
    ? html`<table><thead><tr><th scope="col">${t(lang, 'person.age.assessed_on')}</th>
<th scope="col">${t(lang, 'person.age.method')}</th><th scope="col">${t(lang, 'person.age.assessed_by')}</th>
<th scope="col">${t(lang, 'person.age.result')}</th><th scope="col">${t(lang, 'person.age.notes')}</th>
<th scope="col">${t(lang, 'person.age.recorded_at')}</th></tr></thead><tbody>
${a.items.map(
  (x) => html`<tr><td>${x.assessed_on}</td><td>${t(lang, `person.age.method.${x.method}`)}</td>
<td>${x.assessed_by}</td>
<td>${t(lang, `person.age.result.${x.result}`)}${
    x.minimum_age !== null ? html` (${t(lang, 'person.age.at_least', { n: x.minimum_age })})` : null
  }</td>
<td>${x.notes ?? ''}</td><td>${formatBamako(x.recorded_at, lang)}</td></tr>`,
)}</tbody></table>`
    : html`<p>${t(lang, 'person.age.none')}</p>`
}
${form}</section>`;
}

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify registration functions are async
export async function peoplePages(
  app: App,
  { database }: AppContext,
  filePage: (req: Req, personId: string, age: Raw) => Promise<string>,
): Promise<void> {
  const db = database.db;
  app.post(
    '/people/:id/age-assessments',
    { schema: { hide: true } },
    page(async (req, reply) => {
      if (!csrfOk(req)) throw new AppError(403, 'error.csrf');
      const id = req.params.id;
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError(404, 'error.not_found');
      const b = req.body ?? {};
      const v: Record<string, string> = {};
      for (const k of FIELDS) v[k] = formText(b, k);
      const missing: FieldError[] = ['method', 'assessed_by', 'assessed_on', 'result']
        .filter((k) => !v[k])
        .map((k) => ({ field: `/${k}`, key: 'field.required' }));
      if (v.minimum_age && !/^\d{1,3}$/.test(v.minimum_age))
        missing.push({ field: '/minimum_age', key: 'person.estimated_age_range' });
      try {
        if (missing.length) throw new AppError(422, 'error.validation', {}, missing);
        await recordAgeAssessment(db, req.actor!, id, {
          method: v.method as AgeMethod,
          assessed_by: v.assessed_by,
          assessed_on: v.assessed_on,
          result: v.result as AgeResult,
          minimum_age: v.minimum_age ? Number(v.minimum_age) : null,
          notes: v.notes || null,
        });
        return await reply.redirect(`/people/${id}#age-h`, 303);
      } catch (e) {
        if (!(e instanceof AppError) || e.status !== 422) throw e;
        const section = await ageSection(req, db, id, { v, errors: formErrors(e, req.lang, FIELDS, 'age') });
        return reply
          .status(422)
          .type('text/html; charset=utf-8')
          .send(await filePage(req, id, section));
      }
    }),
  );
}
