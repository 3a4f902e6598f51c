/**
 * Pages of classification, assessments, keep-apart records, cell moves and cell leaders (fr/en,
 * no JavaScript). Authorization stays in the services; every person is named with `personLabel`.
 */
import type { FastifyReply } from 'fastify';
import { authorize, can } from '../../core/access.js';
import type { Db } from '../../db/index.js';
import { bamakoDate, formatBamako, isCalendarDate } from '../../core/dates.js';
import { AppError, type FieldError } from '../../core/errors.js';
import { withheldText } from '../../core/confidentiality.js';
import { colon } from '../../core/words.js';
import { t, type Lang } from '../../core/i18n.js';
import type { App, AppContext } from '../../http/context.js';
import { getPrison, listPrisons } from '../estate/index.js';
import { addKeepApart, allocate, listKeepApart, AllocateBody, KeepApartBody } from '../housing/index.js';
import {
  parseForm,
  errorSummary,
  type FormErrors,
  formErrors,
  hidden,
  radioGroup,
  selectField,
  textArea,
  textField,
  html,
  type Raw,
  dl,
  layout,
  csrfOk,
  page,
  type Req,
} from '../web/index.js';
import { formatDate } from '../../web/format.js';
import { allItems, type AssessmentContent, type Text } from './instruments.js';
import { SHIPPED_INSTRUMENTS } from './shipped-instruments.js';
import { ageReadingText } from '../people/index.js';
import { chargesForLabels, personLabel } from '../custody/index.js';
import './page-messages.js';
import * as repo from './repository.js';
import {
  AnswerBody,
  DecideBody,
  LeaderBody,
  LeaderRequestBody,
  RegimeBody,
  ReviewEventBody,
  SaveAssessmentBody,
  StartAssessmentBody,
} from './routes.js';
import {
  ACTIVITIES,
  type Activity,
  type RegimeAdjustment,
  REVIEW_EVENTS,
  TRIGGERS,
  type ReviewEvent,
  type Trigger,
  VISIT_MODES,
  type VisitMode,
} from './rules.js';
import {
  addLeaderRequest,
  adjustRegime,
  answerLeaderRequest,
  cellLeaders,
  cellOccupants,
  classificationOf,
  classificationsDueForReview,
  decideClassification,
  getAssessment,
  getInstrumentVersion,
  listAssessments,
  listInstruments,
  moveHistory,
  recordReviewEvent,
  saveAssessment,
  setCellLeader,
  settingsOf,
  startAssessment,
} from './service.js';

type V = Record<string, string | string[] | undefined>;
const str = (v: V, k: string) => {
  const x = v[k];
  return (Array.isArray(x) ? (x[0] ?? '') : (x ?? '')).trim();
};
const opt = (v: V, k: string) => str(v, k) || null;
const tx = (lang: Lang, x: Text) => x[lang] || x.fr;
const SHIPPED = new Map(SHIPPED_INSTRUMENTS.map((d) => [d.code, d]));
/** An instrument by its title ("General needs assessment"), not its code; an instrument added later by its code. */
const instrumentTitle = (lang: Lang, code: string) => {
  const d = SHIPPED.get(code);
  return d ? tx(lang, d.title) : code;
};
/** An overall judgement by its label in the instrument ("Moderate"), not its stored value. */
const judgementText = (lang: Lang, code: string, value: string | null) => {
  const label = value === null ? undefined : SHIPPED.get(code)?.judgement.options.find((o) => o.value === value)?.label;
  return label ? tx(lang, label) : (value ?? '');
};
const when = (lang: Lang, d: string | null) => (d ? formatBamako(d, lang) : '');
const levelText = (lang: Lang, l: string | null) => (l ? t(lang, `cls.level.${l}`) : t(lang, 'cls.level.none'));

function checkCsrf(req: Req): void {
  if (!csrfOk(req)) throw new AppError(403, 'cls.csrf');
}

/** Re-render on a validation error; anything else propagates (403, 404 become error pages). */
async function attempt<T>(fn: () => Promise<T>): Promise<{ ok: T } | { error: AppError }> {
  try {
    return { ok: await fn() };
  } catch (e) {
    if (e instanceof AppError && (e.status === 422 || e.status === 409)) return { error: e };
    throw e;
  }
}
const errsOf = (lang: Lang, e: AppError, names: string[], formId: string): FormErrors =>
  formErrors(e.fields.length ? e : [{ field: '', key: e.key, params: e.params }], lang, names, formId);

/** Who the page is about; the actor must be allowed to read custody records of that prison. */
async function heading(
  req: Req,
  db: Db,
  admissionId: string,
): Promise<{ h: NonNullable<Awaited<ReturnType<typeof repo.admissionHeading>>>; block: Raw }> {
  const lang = req.lang;
  const h = await repo.admissionHeading(db, admissionId);
  if (!h) throw new AppError(404, 'error.not_found');
  authorize(req.actor!, 'custody.read', h.prison_id);
  const charges = await chargesForLabels(db, [h.admission_id]);
  return {
    h,
    block: dl([
      [t(lang, 'web.name'), h.name],
      [t(lang, 'web.committal_number'), h.committal_number],
      [
        t(lang, 'cls.situation'),
        personLabel(lang, { legalStatus: h.legal_status, charges: charges.get(h.admission_id) ?? [], sex: h.sex }),
      ],
      [t(lang, 'cls.mv.current_cell'), h.cell_id ? html`<a href="/cells/${h.cell_id}">${h.cell_code}</a>` : '—'],
    ]),
  };
}

function links(req: Req, admissionId: string): Raw {
  const lang = req.lang;
  const a = req.actor!;
  const items: Raw[] = [
    html`<li><a href="/admissions/${admissionId}/classification">${t(lang, 'cls.page.classification')}</a></li>`,
  ];
  if (can(a, 'assessment.read'))
    items.push(html`<li><a href="/admissions/${admissionId}/assessments">${t(lang, 'cls.page.assessments')}</a></li>`);
  items.push(html`<li><a href="/admissions/${admissionId}/move">${t(lang, 'cls.page.move')}</a></li>`);
  return html`<nav aria-label="${t(lang, 'cls.links')}"><ul class="inline">${items}</ul></nav>`;
}

const basisText = (lang: Lang, x: { basis: 'level' | 'individual' | 'minor'; reason?: string }) =>
  x.basis === 'level'
    ? t(lang, 'cls.basis.level')
    : x.basis === 'minor'
      ? t(lang, 'cls.basis.minor')
      : t(lang, 'cls.basis.individual', { reason: x.reason ?? '' });

const dueText = (lang: Lang, d: { reason: string; dueOn?: string; due_on?: string; overdue: boolean } | null) =>
  d
    ? html`${t(lang, `cls.due.${d.reason}`)} — ${t(lang, 'cls.due.on', { date: formatDate(lang, d.dueOn ?? d.due_on ?? '') })}${
        d.overdue ? html` <strong>(${t(lang, 'cls.due.overdue')})</strong>` : null
      }`
    : t(lang, 'cls.due.nothing');

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify registration functions are async
export async function classificationPages(app: App, { database }: AppContext): Promise<void> {
  const db = database.db;

  // ------------------------------------------------------------------ classification of one person
  const DEC = ['level', 'trigger', 'assessment_id', 'reasons', 'override_justification', 'next_review_on'];
  const EV = ['kind', 'occurred_on', 'note'];
  const classificationPage = async (
    req: Req,
    id: string,
    state: { dec?: [V, FormErrors]; ev?: [V, FormErrors]; reg?: [V, FormErrors] } = {},
  ) => {
    const lang = req.lang;
    const actor = req.actor!;
    const c = await classificationOf(db, actor, id);
    const { h, block } = await heading(req, db, id);
    const s = await settingsOf(db, h.prison_id);
    const dv = state.dec?.[0] ?? {};
    const de = state.dec?.[1] ?? null;
    const ev = state.ev?.[0] ?? {};
    const ee = state.ev?.[1] ?? null;
    let decideForm: Raw | null = null;
    if (can(actor, 'classification.decide') && !h.ended_at) {
      const assessments = can(actor, 'assessment.read')
        ? (await listAssessments(db, actor, h.person_id)).filter((x) => x.status === 'complete')
        : [];
      const triggers = TRIGGERS.filter((x) => (c.level ? x !== 'initial' : x === 'initial' || x === 'override'));
      decideForm = html`<section aria-labelledby="decide-h"><h2 id="decide-h">${t(lang, 'cls.decide_title')}</h2>${errorSummary(lang, de)}
<form id="decide" method="post" action="/admissions/${id}/classification" novalidate>${hidden('_csrf', req.sessionCsrf ?? '')}
${radioGroup({
  label: t(lang, 'cls.level'),
  name: 'level',
  value: str(dv, 'level'),
  errors: de,
  required: true,
  options: s.levels.map((l) => ({
    value: l,
    label: levelText(lang, l),
  })),
})}
${selectField({
  label: t(lang, 'cls.trigger'),
  name: 'trigger',
  value: str(dv, 'trigger') || triggers[0],
  errors: de,
  required: true,
  options: triggers.map((x) => [x, t(lang, `cls.trigger.${x}`)]),
})}
${
  assessments.length
    ? selectField({
        label: t(lang, 'cls.assessment'),
        name: 'assessment_id',
        value: str(dv, 'assessment_id'),
        errors: de,
        options: assessments.map((x) => [
          x.id,
          `${instrumentTitle(lang, x.instrument)} · ${when(lang, x.completed_at)} · ${t(
            lang,
            'cls.asm.judgement',
          )}${colon(lang)}${judgementText(lang, x.instrument, x.judgement)}`,
        ]),
        placeholder: t(lang, 'web.choose'),
      })
    : html`<p class="hint" id="f-assessment_id">${t(lang, 'cls.no_assessment')}</p>`
}
${textArea({ label: t(lang, 'cls.reasons'), name: 'reasons', value: str(dv, 'reasons'), errors: de, required: true })}
${textArea({
  label: t(lang, 'cls.override_justification'),
  name: 'override_justification',
  value: str(dv, 'override_justification'),
  errors: de,
  hint: t(lang, 'cls.override_hint'),
})}
${textField({
  label: t(lang, 'cls.next_review'),
  name: 'next_review_on',
  type: 'date',
  value: str(dv, 'next_review_on'),
  errors: de,
  hint: t(lang, 'cls.next_review_hint'),
})}
<button type="submit">${t(lang, 'cls.decide')}</button></form></section>`;
    }
    const [rv, re] = state.reg ?? [{}, null];
    const regimeForm =
      can(actor, 'classification.decide') && !h.ended_at
        ? html`<h3>${t(lang, 'cls.reg.title')}</h3>
${errorSummary(lang, re)}<form id="regime" method="post" action="/admissions/${id}/regime" novalidate>${hidden(
            '_csrf',
            req.sessionCsrf ?? '',
          )}
${selectField({
  label: t(lang, 'cls.reg.subject'),
  name: 'subject',
  value: str(rv, 'subject'),
  errors: re,
  required: true,
  placeholder: t(lang, 'web.choose'),
  options: [
    ...ACTIVITIES.map((a): [string, string] => [`activity:${a}`, t(lang, `cls.activity.${a}`)]),
    ...VISIT_MODES.map((m): [string, string] => [
      `visits:${m}`,
      `${t(lang, 'cls.visits')}${colon(lang)}${t(lang, `cls.visits.${m}`)}`,
    ]),
    ['programme', t(lang, 'cls.reg.programme_option')],
  ],
})}
${textField({ label: t(lang, 'cls.reg.programme'), name: 'programme', value: str(rv, 'programme'), errors: re })}
${radioGroup({
  label: t(lang, 'cls.reg.effect'),
  name: 'effect',
  value: str(rv, 'effect'),
  errors: re,
  required: true,
  options: [
    { value: 'allow', label: t(lang, 'cls.reg.allow') },
    { value: 'restrict', label: t(lang, 'cls.reg.restrict') },
  ],
})}
${textArea({ label: t(lang, 'cls.reason'), name: 'reason', value: str(rv, 'reason'), errors: re, required: true })}
${textField({ label: t(lang, 'cls.reg.until'), name: 'until', type: 'date', value: str(rv, 'until'), errors: re })}
<button type="submit">${t(lang, 'cls.reg.submit')}</button></form>`
        : null;
    const canEvent = (['classification.decide', 'housing.move', 'assessment.write', 'justice.write'] as const).some(
      (p) => can(actor, p),
    );
    const r = c.regime;
    return layout(
      req,
      t(lang, 'cls.page.classification'),
      html`${block}${links(req, id)}
${req.query.saved ? html`<p class="notice" role="status">${t(lang, 'cls.saved')}</p>` : null}
<section aria-labelledby="cur-h"><h2 id="cur-h">${t(lang, 'cls.current')}</h2>
${dl([
  [t(lang, 'cls.level'), levelText(lang, c.level)],
  [t(lang, 'cls.due_col'), dueText(lang, c.due)],
  [t(lang, 'cls.age'), ageReadingText(lang, c.age)],
])}</section>
<section aria-labelledby="reg-h"><h2 id="reg-h">${t(lang, 'cls.regime')}</h2>
<table><thead><tr><th scope="col">${t(lang, 'cls.activity')}</th><th scope="col">${t(lang, 'cls.allowed')}</th>
<th scope="col">${t(lang, 'cls.basis')}</th></tr></thead><tbody>
${r.activities.map(
  (x) => html`<tr><td>${t(lang, `cls.activity.${x.activity}`)}</td>
<td>${x.allowed ? t(lang, 'cls.allowed') : t(lang, 'cls.not_allowed')}</td><td>${basisText(lang, x)}</td></tr>`,
)}
<tr><td>${t(lang, 'cls.visits')}</td>
<td>${t(lang, `cls.visits.${r.visits.mode}`)} · ${t(lang, 'cls.visits.per_week', { n: r.visits.perWeek })}</td>
<td>${basisText(lang, r.visits)}</td></tr>
<tr><td>${t(lang, 'cls.programmes')}</td>
<td>${r.programmes.open === 'all' ? t(lang, 'cls.programmes.all') : r.programmes.open.join(', ')}</td>
<td>${t(lang, 'cls.basis.level')}</td></tr>
</tbody></table>
${
  r.programmes.allowed.length || r.programmes.restricted.length
    ? html`<ul>
${r.programmes.allowed.map(
  (p) => html`<li>${t(lang, 'cls.reg.allow')} — ${p.programme}${colon(lang)}${p.reason}</li>
`,
)}${r.programmes.restricted.map(
        (p) => html`<li>${t(lang, 'cls.reg.restrict')} — ${p.programme}${colon(lang)}${p.reason}</li>
`,
      )}</ul>`
    : null
}
${regimeForm}</section>
<section aria-labelledby="hist-h"><h2 id="hist-h">${t(lang, 'cls.history')}</h2>
${
  c.history.length
    ? html`<table><thead><tr><th scope="col">${t(lang, 'web.history.when')}</th><th scope="col">${t(lang, 'cls.level')}</th>
<th scope="col">${t(lang, 'cls.trigger')}</th><th scope="col">${t(lang, 'cls.reasons')}</th>
<th scope="col">${t(lang, 'cls.override')}</th><th scope="col">${t(lang, 'cls.decided_by')}</th>
<th scope="col">${t(lang, 'cls.next_review')}</th></tr></thead><tbody>
${c.history.map(
  (d) => html`<tr><td>${when(lang, d.decided_at)}</td><td>${levelText(lang, d.level)}</td>
<td>${t(lang, `cls.trigger.${d.trigger}`)}</td><td>${d.reasons ?? html`<em>${withheldText(lang, d.withheld)}</em>`}</td>
<td>${d.override ? (d.override_justification ?? t(lang, 'cls.override')) : ''}${
    d.indicated_level
      ? html`<br><small>${t(lang, 'cls.indicated')}${colon(lang)}${levelText(lang, d.indicated_level)}</small>`
      : null
  }</td>
<td>${d.decided_by}</td><td>${formatDate(lang, d.next_review_on)}</td></tr>`,
)}
</tbody></table>`
    : html`<p>${t(lang, 'cls.level.none')}</p>`
}</section>
${decideForm}
<section aria-labelledby="ev-h"><h2 id="ev-h">${t(lang, 'cls.events')}</h2>
${
  c.events.length
    ? html`<ul>
${c.events.map(
  (e) => html`<li>${formatDate(lang, e.occurred_on)} — ${t(lang, `cls.trigger.${e.kind}`)}${colon(lang)}${e.note}</li>
`,
)}</ul>`
    : null
}
${
  canEvent && !h.ended_at
    ? html`${errorSummary(lang, ee)}<form id="event" method="post" action="/admissions/${id}/review-events" novalidate>${hidden(
        '_csrf',
        req.sessionCsrf ?? '',
      )}
${selectField({
  label: t(lang, 'cls.event.kind'),
  name: 'kind',
  value: str(ev, 'kind'),
  errors: ee,
  required: true,
  options: REVIEW_EVENTS.map((k) => [k, t(lang, `cls.trigger.${k}`)]),
})}
${textField({
  label: t(lang, 'cls.event.occurred_on'),
  name: 'occurred_on',
  type: 'date',
  value: str(ev, 'occurred_on') || bamakoDate(),
  errors: ee,
  required: true,
})}
${textArea({ label: t(lang, 'cls.event.note'), name: 'note', value: str(ev, 'note'), errors: ee, required: true })}
<button type="submit">${t(lang, 'cls.event.record')}</button></form>`
    : null
}</section>`,
    );
  };

  app.get(
    '/admissions/:id/classification',
    { schema: { hide: true } },
    page(async (req) => classificationPage(req, req.params.id)),
  );
  app.post(
    '/admissions/:id/classification',
    { schema: { hide: true } },
    page(async (req, reply) => {
      checkCsrf(req);
      const v = (req.body ?? {}) as V;
      const r = await attempt(() =>
        decideClassification(
          db,
          req.actor!,
          req.params.id,
          parseForm(
            DecideBody,
            {
              level: str(v, 'level'),
              trigger: (str(v, 'trigger') || 'initial') as Trigger,
              reasons: str(v, 'reasons'),
              assessment_id: opt(v, 'assessment_id'),
              override_justification: opt(v, 'override_justification'),
              next_review_on: opt(v, 'next_review_on'),
            },
            req.lang,
          ),
        ),
      );
      if ('ok' in r) return reply.redirect(`/admissions/${req.params.id}/classification?saved=1`, 303);
      return reply
        .status(r.error.status)
        .type('text/html; charset=utf-8')
        .send(await classificationPage(req, req.params.id, { dec: [v, errsOf(req.lang, r.error, DEC, 'decide')] }));
    }),
  );
  app.post(
    '/admissions/:id/review-events',
    { schema: { hide: true } },
    page(async (req, reply) => {
      checkCsrf(req);
      const v = (req.body ?? {}) as V;
      const missing: FieldError[] = EV.filter((n) => !str(v, n)).map((n) => ({
        field: `/${n}`,
        key: 'field.required',
      }));
      const r = missing.length
        ? { error: new AppError(422, 'error.validation', {}, missing) }
        : await attempt(() =>
            recordReviewEvent(
              db,
              req.actor!,
              req.params.id,
              parseForm(
                ReviewEventBody,
                { kind: str(v, 'kind') as ReviewEvent, occurred_on: str(v, 'occurred_on'), note: str(v, 'note') },
                req.lang,
              ),
            ),
          );
      if ('ok' in r) return reply.redirect(`/admissions/${req.params.id}/classification?saved=1`, 303);
      return reply
        .status(r.error.status)
        .type('text/html; charset=utf-8')
        .send(await classificationPage(req, req.params.id, { ev: [v, errsOf(req.lang, r.error, EV, 'event')] }));
    }),
  );

  const REG = ['subject', 'programme', 'effect', 'reason', 'until'];
  app.post(
    '/admissions/:id/regime',
    { schema: { hide: true } },
    page(async (req, reply) => {
      checkCsrf(req);
      const v = (req.body ?? {}) as V;
      const missing: FieldError[] = ['subject', 'effect', 'reason']
        .filter((n) => !str(v, n))
        .map((n) => ({ field: `/${n}`, key: 'field.required' }));
      const [kind, value] = str(v, 'subject').split(':');
      let subject: RegimeAdjustment['subject'] | null = null;
      if (kind === 'activity' && (ACTIVITIES as readonly string[]).includes(value ?? ''))
        subject = { kind: 'activity', activity: value as Activity };
      else if (kind === 'visits' && (VISIT_MODES as readonly string[]).includes(value ?? ''))
        subject = { kind: 'visits', mode: value as VisitMode };
      else if (kind === 'programme') {
        if (str(v, 'programme')) subject = { kind: 'programme', programme: str(v, 'programme') };
        else missing.push({ field: '/programme', key: 'field.required' });
      } else if (str(v, 'subject')) missing.push({ field: '/subject', key: 'field.required' });
      const effect = str(v, 'effect');
      const r =
        missing.length || !subject || (effect !== 'allow' && effect !== 'restrict')
          ? {
              error: new AppError(
                422,
                'error.validation',
                {},
                missing.length ? missing : [{ field: '/effect', key: 'field.required' }],
              ),
            }
          : await attempt(() =>
              adjustRegime(
                db,
                req.actor!,
                req.params.id,
                parseForm(
                  RegimeBody,
                  {
                    subject: subject,
                    effect: effect,
                    reason: str(v, 'reason'),
                    until: opt(v, 'until'),
                  },
                  req.lang,
                ),
              ),
            );
      if ('ok' in r) return reply.redirect(`/admissions/${req.params.id}/classification?saved=1`, 303);
      return reply
        .status(r.error.status)
        .type('text/html; charset=utf-8')
        .send(await classificationPage(req, req.params.id, { reg: [v, errsOf(req.lang, r.error, REG, 'regime')] }));
    }),
  );

  // ------------------------------------------------------------------ assessments
  app.get(
    '/admissions/:id/assessments',
    { schema: { hide: true } },
    page(async (req) => {
      const lang = req.lang;
      const actor = req.actor!;
      const { h, block } = await heading(req, db, req.params.id);
      const items = await listAssessments(db, actor, h.person_id);
      const instruments =
        can(actor, 'assessment.write') && !h.ended_at
          ? (await listInstruments(db, actor)).filter((i) => !i.retired)
          : [];
      return layout(
        req,
        t(lang, 'cls.page.assessments'),
        html`${block}${links(req, h.admission_id)}<p class="notice">${t(lang, 'cls.asm.restricted')}</p>
${
  items.length
    ? html`<table><thead><tr><th scope="col">${t(lang, 'cls.asm.instrument')}</th>
<th scope="col">${t(lang, 'cls.asm.status')}</th><th scope="col">${t(lang, 'cls.asm.judgement')}</th>
<th scope="col">${t(lang, 'web.history.when')}</th><th scope="col">${t(lang, 'cls.mv.by')}</th></tr></thead><tbody>
${items.map(
  (x) => html`<tr>
<td><a href="/assessments/${x.id}">${instrumentTitle(lang, x.instrument)}</a> (${t(lang, 'cls.asm.version', { v: x.version })})</td>
<td>${t(lang, `cls.asm.status.${x.status}`)}</td><td>${judgementText(lang, x.instrument, x.judgement)}</td>
<td>${when(lang, x.completed_at ?? x.started_at)}</td><td>${x.assessor}</td></tr>`,
)}
</tbody></table>`
    : html`<p>${t(lang, 'cls.asm.none')}</p>`
}
${
  instruments.length
    ? html`<form id="start" method="post" action="/admissions/${h.admission_id}/assessments">${hidden('_csrf', req.sessionCsrf ?? '')}
${selectField({
  label: t(lang, 'cls.asm.instrument'),
  name: 'instrument',
  options: instruments.map((i) => [i.code, instrumentTitle(lang, i.code)]),
})}<button type="submit">${t(lang, 'cls.asm.start')}</button>
</form>`
    : null
}`,
      );
    }),
  );
  app.post(
    '/admissions/:id/assessments',
    { schema: { hide: true } },
    page(async (req, reply) => {
      checkCsrf(req);
      const a = await startAssessment(
        db,
        req.actor!,
        req.params.id,
        parseForm(StartAssessmentBody, { instrument: str((req.body ?? {}) as V, 'instrument') }, req.lang),
      );
      return reply.redirect(`/assessments/${a.id}`, 303);
    }),
  );

  const assessmentPage = async (req: Req, id: string, state?: { v: V; errors: FormErrors }) => {
    const lang = req.lang;
    const actor = req.actor!;
    const a = await getAssessment(db, actor, id);
    const def = (await getInstrumentVersion(db, actor, a.instrument, a.version)).definition;
    const { block } = await heading(req, db, a.admission_id);
    const title = `${tx(lang, def.title)} (${t(lang, 'cls.asm.version', { v: a.version })})`;
    const label = (scale: string, value: string | null | undefined) =>
      value
        ? tx(
            lang,
            def.scales.find((s) => s.code === scale)?.levels.find((l) => l.value === value)?.label ?? {
              fr: value,
              en: value,
            },
          )
        : t(lang, 'cls.asm.unrated');
    const change = a.change_since_previous
      ? html`<section aria-labelledby="chg-h"><h2 id="chg-h">${t(lang, 'cls.asm.change')}</h2><table><thead><tr>
<th scope="col">${t(lang, 'cls.asm.item')}</th><th scope="col">${t(lang, 'cls.asm.before')}</th>
<th scope="col">${t(lang, 'cls.asm.after')}</th><th scope="col">${t(lang, 'cls.asm.movement')}</th></tr></thead><tbody>
${a.change_since_previous.items
  .filter((x) => x.movement !== 'same')
  .map((x) => {
    const it = allItems(def).find((i) => i.code === x.item);
    return html`<tr><td>${it ? tx(lang, it.text) : x.item}</td><td>${x.before ?? '—'}</td><td>${x.after ?? '—'}</td>
<td>${t(lang, `cls.asm.move.${x.movement}`)}${x.concern !== 'neutral' ? ` — ${t(lang, `cls.asm.concern.${x.concern}`)}` : ''}</td>
</tr>`;
  })}
<tr><td>${t(lang, 'cls.asm.judgement')}</td><td>${a.change_since_previous.judgement.before}</td>
<td>${a.change_since_previous.judgement.after}</td>
<td>${a.change_since_previous.judgement.changed ? t(lang, 'cls.asm.move.changed') : t(lang, 'cls.asm.move.same')}</td></tr>
</tbody></table></section>`
      : html`<p>${t(lang, 'cls.asm.first')}</p>`;
    const jLabel = (v: string) => tx(lang, def.judgement.options.find((o) => o.value === v)?.label ?? { fr: v, en: v });
    if (a.status === 'complete' || !can(actor, 'assessment.write')) {
      const c = a.content;
      return layout(
        req,
        title,
        html`${block}${links(req, a.admission_id)}<p class="notice">${t(lang, 'cls.asm.restricted')}</p>
${dl([
  [t(lang, 'cls.asm.status'), t(lang, `cls.asm.status.${a.status}`)],
  [t(lang, 'web.history.when'), when(lang, a.completed_at ?? a.started_at)],
])}
${def.domains.map(
  (d) =>
    html`<section><h2>${tx(lang, d.title)}</h2><dl class="facts">${d.items.map(
      (it) => html`<div>
<dt>${tx(lang, it.text)}</dt>
<dd>${label(it.scale, c.ratings[it.code]?.value)}${
        c.ratings[it.code]?.evidence ? html`<br><small>${c.ratings[it.code].evidence}</small>` : null
      }</dd>
</div>`,
    )}</dl>${c.domain_notes?.[d.code] ? html`<p>${c.domain_notes[d.code]}</p>` : null}</section>`,
)}
<section><h2>${t(lang, 'cls.asm.summary')}</h2><p>${c.summary}</p>
${dl([
  [tx(lang, def.judgement.question), c.judgement ? jLabel(c.judgement) : ''],
  [t(lang, 'cls.asm.reasons'), c.judgement_reasons],
  [t(lang, 'cls.asm.recommendations'), c.recommendations ?? ''],
])}</section>${change}`,
      );
    }
    const v = state?.v;
    const errors = state?.errors ?? null;
    const val = (name: string, fallback: string | null | undefined) => (v ? str(v, name) : (fallback ?? ''));
    const c = a.content;
    return layout(
      req,
      title,
      html`${block}${links(req, a.admission_id)}<p class="notice">${t(lang, 'cls.asm.restricted')}</p>
<p>${tx(lang, def.purpose)}</p><p class="hint">${tx(lang, def.guidance)}</p>${errorSummary(lang, errors)}
<form id="form" method="post" action="/assessments/${a.id}" novalidate>${hidden('_csrf', req.sessionCsrf ?? '')}${hidden(
        'row_version',
        a.row_version,
      )}
${def.domains.map(
  (d) => html`<fieldset><legend>${tx(lang, d.title)}</legend><p class="hint">${tx(lang, d.guidance)}</p>
${d.items.map((it) => {
  const scale = def.scales.find((s) => s.code === it.scale)!;
  return html`${radioGroup({
    label: tx(lang, it.text),
    name: `content.ratings.${it.code}.value`,
    value: val(`content.ratings.${it.code}.value`, c.ratings[it.code]?.value),
    errors,
    options: scale.levels.map((l) => ({
      value: l.value,
      label: tx(lang, l.label),
    })),
  })}
<p class="hint">${tx(lang, it.guidance)}</p>
${textField({
  label: t(lang, 'cls.asm.evidence'),
  name: `content.ratings.${it.code}.evidence`,
  value: val(`content.ratings.${it.code}.evidence`, c.ratings[it.code]?.evidence),
  errors,
})}`;
})}
${textArea({
  label: t(lang, 'cls.asm.domain_notes'),
  name: `content.domain_notes.${d.code}`,
  value: val(`content.domain_notes.${d.code}`, c.domain_notes?.[d.code]),
  errors,
})}</fieldset>
`,
)}
<fieldset><legend>${t(lang, 'cls.asm.judgement')}</legend>
<p class="hint">${tx(lang, def.judgement.guidance)} ${t(lang, 'cls.asm.no_score')}</p>
${textArea({ label: t(lang, 'cls.asm.summary'), name: 'content.summary', value: val('content.summary', c.summary), errors, rows: 5 })}
${radioGroup({
  label: tx(lang, def.judgement.question),
  name: 'content.judgement',
  value: val('content.judgement', c.judgement),
  errors,
  options: def.judgement.options.map((o) => ({
    value: o.value,
    label: tx(lang, o.label),
  })),
})}
${textArea({
  label: t(lang, 'cls.asm.reasons'),
  name: 'content.judgement_reasons',
  value: val('content.judgement_reasons', c.judgement_reasons),
  errors,
  rows: 4,
})}
${textArea({
  label: t(lang, 'cls.asm.recommendations'),
  name: 'content.recommendations',
  value: val('content.recommendations', c.recommendations),
  errors,
})}</fieldset>
<button type="submit" name="action" value="save">${t(
        lang,
        'cls.asm.save',
      )}</button> <button type="submit" name="action" value="complete">${t(lang, 'cls.asm.complete')}</button>
</form>${change}`,
    );
  };
  app.get(
    '/assessments/:id',
    { schema: { hide: true } },
    page(async (req) => assessmentPage(req, req.params.id)),
  );
  app.post(
    '/assessments/:id',
    { schema: { hide: true } },
    page(async (req, reply) => {
      checkCsrf(req);
      const v = (req.body ?? {}) as V;
      const a = await repo.findAssessment(db, req.params.id);
      if (!a) throw new AppError(404, 'error.not_found');
      const def = (
        await getInstrumentVersion(
          db,
          req.actor!,
          (await repo.findVersionById(db, a.instrumentVersionId))!.definition.code,
          (await repo.findVersionById(db, a.instrumentVersionId))!.version,
        )
      ).definition;
      const content: AssessmentContent = {
        ratings: {},
        domain_notes: {},
        summary: str(v, 'content.summary'),
        judgement: str(v, 'content.judgement'),
        judgement_reasons: str(v, 'content.judgement_reasons'),
        recommendations: opt(v, 'content.recommendations'),
      };
      for (const it of allItems(def)) {
        const value = str(v, `content.ratings.${it.code}.value`);
        if (value) content.ratings[it.code] = { value, evidence: opt(v, `content.ratings.${it.code}.evidence`) };
      }
      for (const d of def.domains) {
        const n = str(v, `content.domain_notes.${d.code}`);
        if (n) content.domain_notes![d.code] = n;
      }
      const names = [
        ...allItems(def).flatMap((i) => [`content.ratings.${i.code}.value`, `content.ratings.${i.code}.evidence`]),
        ...def.domains.map((d) => `content.domain_notes.${d.code}`),
        'content.summary',
        'content.judgement',
        'content.judgement_reasons',
        'content.recommendations',
      ];
      const rowVersion = str(v, 'row_version');
      const r = await attempt(() =>
        saveAssessment(
          db,
          req.actor!,
          a.id,
          parseForm(
            SaveAssessmentBody,
            {
              content,
              row_version: /^\d{1,9}$/.test(rowVersion) ? Number(rowVersion) : rowVersion,
              complete: str(v, 'action') === 'complete',
            },
            req.lang,
          ),
        ),
      );
      if ('ok' in r) return reply.redirect(`/assessments/${a.id}`, 303);
      return reply
        .status(r.error.status)
        .type('text/html; charset=utf-8')
        .send(await assessmentPage(req, a.id, { v, errors: errsOf(req.lang, r.error, names, 'form') }));
    }),
  );

  // ------------------------------------------------------------------ keep-apart (security staff)
  const KA = ['person_a', 'person_b', 'reason', 'source', 'review_on'];
  const keepApartPage = async (req: Req, prison: string, state?: { v: V; errors: FormErrors }) => {
    const lang = req.lang;
    const actor = req.actor!;
    const p = await getPrison(db, actor, prison);
    const items = await listKeepApart(db, actor, p.code);
    const held = await repo.heldWithLevel(db, p.id);
    const nameOf = (personId: string) => {
      const x = held.find((hh) => hh.person_id === personId);
      return x ? `${x.name} (${x.committal_number})` : personId;
    };
    const v = state?.v ?? {};
    const errors = state?.errors ?? null;
    const people: [string, string][] = held
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((x) => [x.person_id, `${x.name} (${x.committal_number})`]);
    return layout(
      req,
      `${t(lang, 'cls.page.keep_apart')} — ${p.name}`,
      html`<p class="notice">${t(lang, 'cls.ka.restricted')}</p>
${
  items.length
    ? html`<table><thead><tr><th scope="col">${t(lang, 'cls.ka.person_a')}</th><th scope="col">${t(lang, 'cls.ka.person_b')}</th>
<th scope="col">${t(lang, 'cls.reason')}</th><th scope="col">${t(lang, 'cls.ka.source')}</th>
<th scope="col">${t(lang, 'cls.ka.review_on')}</th></tr></thead><tbody>
${items.map(
  (k) => html`<tr><td>${nameOf(k.person_a)}</td><td>${nameOf(k.person_b)}</td><td>${k.reason}</td><td>${k.source}</td>
<td>${k.review_on ?? ''}</td></tr>`,
)}</tbody></table>`
    : html`<p>${t(lang, 'cls.ka.none')}</p>`
}
${
  can(actor, 'intelligence.write')
    ? html`${errorSummary(lang, errors)}<form id="form" method="post" action="/prisons/${p.code}/keep-apart" novalidate>${hidden(
        '_csrf',
        req.sessionCsrf ?? '',
      )}
${selectField({
  label: t(lang, 'cls.ka.person_a'),
  name: 'person_a',
  value: str(v, 'person_a'),
  errors,
  required: true,
  options: people,
  placeholder: t(lang, 'web.choose'),
})}
${selectField({
  label: t(lang, 'cls.ka.person_b'),
  name: 'person_b',
  value: str(v, 'person_b'),
  errors,
  required: true,
  options: people,
  placeholder: t(lang, 'web.choose'),
})}
${textArea({ label: t(lang, 'cls.ka.reason'), name: 'reason', value: str(v, 'reason'), errors, required: true })}
${textField({ label: t(lang, 'cls.ka.source'), name: 'source', value: str(v, 'source'), errors, required: true })}
${textField({ label: t(lang, 'cls.ka.review_on'), name: 'review_on', type: 'date', value: str(v, 'review_on'), errors })}
<button type="submit">${t(lang, 'cls.ka.add')}</button></form>`
    : null
}`,
    );
  };
  app.get(
    '/prisons/:prison/keep-apart',
    { schema: { hide: true } },
    page(async (req) => keepApartPage(req, req.params.prison)),
  );
  app.post(
    '/prisons/:prison/keep-apart',
    { schema: { hide: true } },
    page(async (req, reply) => {
      checkCsrf(req);
      const v = (req.body ?? {}) as V;
      const missing: FieldError[] = ['person_a', 'person_b', 'reason', 'source']
        .filter((n) => !str(v, n))
        .map((n) => ({ field: `/${n}`, key: 'field.required' }));
      const r = missing.length
        ? { error: new AppError(422, 'error.validation', {}, missing) }
        : await attempt(() =>
            addKeepApart(
              db,
              req.actor!,
              parseForm(
                KeepApartBody,
                {
                  prison: req.params.prison,
                  person_a: str(v, 'person_a'),
                  person_b: str(v, 'person_b'),
                  reason: str(v, 'reason'),
                  source: str(v, 'source'),
                  review_on: opt(v, 'review_on'),
                },
                req.lang,
              ),
            ),
          );
      if ('ok' in r) return reply.redirect(`/prisons/${req.params.prison}/keep-apart`, 303);
      return reply
        .status(r.error.status)
        .type('text/html; charset=utf-8')
        .send(await keepApartPage(req, req.params.prison, { v, errors: errsOf(req.lang, r.error, KA, 'form') }));
    }),
  );

  // ------------------------------------------------------------------ cell move through the allocation check
  const MV = ['cell_id', 'reason', 'over_capacity_reason', 'override_reason'];
  const movePage = async (req: Req, id: string, state?: { v: V; errors: FormErrors }) => {
    const lang = req.lang;
    const actor = req.actor!;
    const moves = await moveHistory(db, actor, id);
    const { h, block } = await heading(req, db, id);
    const v = state?.v ?? {};
    const errors = state?.errors ?? null;
    const cells = await repo.cellsWithPopulation(db, h.prison_id);
    const form =
      can(actor, 'housing.move') && !h.ended_at
        ? html`${errorSummary(lang, errors)}<form id="form" method="post" action="/admissions/${id}/move" novalidate>${hidden(
            '_csrf',
            req.sessionCsrf ?? '',
          )}
${selectField({
  label: t(lang, 'cls.mv.cell'),
  name: 'cell_id',
  value: str(v, 'cell_id'),
  errors,
  required: true,
  placeholder: t(lang, 'web.choose'),
  options: cells
    .filter((c) => c.id !== h.cell_id)
    .map((c) => [
      c.id,
      t(lang, 'cls.mv.cell_option', {
        unit: c.unit_code,
        code: c.code,
        population: c.population,
        capacity: c.capacity ?? '?',
      }),
    ]),
})}
${textArea({ label: t(lang, 'cls.mv.reason'), name: 'reason', value: str(v, 'reason'), errors, required: true })}
${textField({
  label: t(lang, 'web.adm.over_capacity_reason'),
  name: 'over_capacity_reason',
  value: str(v, 'over_capacity_reason'),
  errors,
})}
${
  can(actor, 'housing.override')
    ? textArea({
        label: t(lang, 'cls.mv.override'),
        name: 'override_reason',
        value: str(v, 'override_reason'),
        errors,
        hint: t(lang, 'cls.mv.override_hint'),
      })
    : null
}
<button type="submit">${t(lang, 'cls.mv.submit')}</button></form>`
        : null;
    return layout(
      req,
      t(lang, 'cls.page.move'),
      html`${block}${links(req, id)}${req.query.saved ? html`<p class="notice" role="status">${t(lang, 'cls.saved')}</p>` : null}${form}
<section aria-labelledby="mv-h"><h2 id="mv-h">${t(lang, 'cls.mv.history')}</h2>
<table><thead><tr><th scope="col">${t(lang, 'cls.mv.from')}</th><th scope="col">${t(lang, 'cls.mv.to')}</th>
<th scope="col">${t(lang, 'cls.page.cell', { code: '' }).trim()}</th><th scope="col">${t(lang, 'cls.reason')}</th>
<th scope="col">${t(lang, 'cls.mv.by')}</th></tr></thead><tbody>
${moves
  .slice()
  .reverse()
  .map(
    (m) =>
      html`<tr><td>${when(lang, m.from)}</td><td>${m.to ? when(lang, m.to) : t(lang, 'cls.mv.now')}</td>
<td>${m.cell_id ? html`<a href="/cells/${m.cell_id}">${m.unit} · ${m.cell}</a>` : '—'}</td>
<td>${m.reason ?? ''}${m.over_capacity_reason ? html`<br><small>${m.over_capacity_reason}</small>` : null}</td><td>${m.by}</td>
</tr>`,
  )}
</tbody></table></section>`,
    );
  };
  app.get(
    '/admissions/:id/move',
    { schema: { hide: true } },
    page(async (req) => movePage(req, req.params.id)),
  );
  app.post(
    '/admissions/:id/move',
    { schema: { hide: true } },
    page(async (req, reply) => {
      checkCsrf(req);
      const v = (req.body ?? {}) as V;
      const missing: FieldError[] = ['cell_id', 'reason']
        .filter((n) => !str(v, n))
        .map((n) => ({ field: `/${n}`, key: 'field.required' }));
      const r = missing.length
        ? { error: new AppError(422, 'error.validation', {}, missing) }
        : await attempt(() =>
            allocate(
              db,
              req.actor!,
              req.params.id,
              parseForm(
                AllocateBody,
                {
                  cell_id: str(v, 'cell_id'),
                  reason: str(v, 'reason'),
                  override_reason: opt(v, 'override_reason'),
                  over_capacity_reason: opt(v, 'over_capacity_reason'),
                },
                req.lang,
              ),
            ),
          );
      if ('ok' in r) return reply.redirect(`/admissions/${req.params.id}/move?saved=1`, 303);
      return reply
        .status(r.error.status)
        .type('text/html; charset=utf-8')
        .send(await movePage(req, req.params.id, { v, errors: errsOf(req.lang, r.error, MV, 'form') }));
    }),
  );

  // ------------------------------------------------------------------ a cell: occupants, leaders, requests
  const LEAD = ['admission_id', 'how', 'since', 'reason'];
  const REQ = ['subject', 'detail', 'raised_on'];
  const cellPage = async (req: Req, id: string, state: { lead?: [V, FormErrors]; req?: [V, FormErrors] } = {}) => {
    const lang = req.lang;
    const actor = req.actor!;
    const o = await cellOccupants(db, actor, id, lang);
    const l = await cellLeaders(db, actor, id);
    const [lv, le] = state.lead ?? [{}, null];
    const [rv, re] = state.req ?? [{}, null];
    const occTable = (rows: typeof o.current) =>
      rows.length
        ? html`<table><thead><tr><th scope="col">${t(lang, 'web.name')}</th>
<th scope="col">${t(lang, 'web.committal_number')}</th><th scope="col">${t(lang, 'cls.situation')}</th>
<th scope="col">${t(lang, 'cls.mv.from')}</th><th scope="col">${t(lang, 'cls.mv.to')}</th></tr></thead><tbody>
${rows.map(
  (x) => html`<tr><td><a href="/admissions/${x.admission_id}/move">${x.name}</a></td><td>${x.committal_number}</td>
<td>${x.label}</td><td>${when(lang, x.from)}</td><td>${x.to ? when(lang, x.to) : ''}</td></tr>`,
)}</tbody></table>`
        : html`<p>${t(lang, 'cls.cell.none')}</p>`;
    const canWrite = can(actor, 'housing.move');
    const canRequest = (['housing.move', 'custody.write', 'intake.interview'] as const).some((p) => can(actor, p));
    // Answering is for the housing and custody staff only (answerLeaderRequest): the social worker records, not answers.
    const canAnswer = (['housing.move', 'custody.write'] as const).some((p) => can(actor, p));
    return layout(
      req,
      t(lang, 'cls.page.cell', { code: o.code }),
      html`${req.query.saved ? html`<p class="notice" role="status">${t(lang, 'cls.saved')}</p>` : null}
<section aria-labelledby="cur-h"><h2 id="cur-h">${t(lang, 'cls.cell.current')} (${o.current.length}/${o.capacity ?? '?'})</h2>
${occTable(o.current)}</section>
<section aria-labelledby="lead-h"><h2 id="lead-h">${t(lang, 'cls.cell.leader')}</h2>
${
  l.current
    ? dl([
        [t(lang, 'web.name'), l.current.name],
        [t(lang, 'cls.cell.how'), t(lang, `cls.cell.how.${l.current.how}`)],
        [t(lang, 'cls.cell.since'), formatDate(lang, l.current.since)],
      ])
    : html`<p>${t(lang, 'cls.cell.no_leader')}</p>`
}
${
  canWrite && o.current.length
    ? html`${errorSummary(lang, le)}<form id="lead" method="post" action="/cells/${id}/leader" novalidate>${hidden(
        '_csrf',
        req.sessionCsrf ?? '',
      )}
${selectField({
  label: t(lang, 'cls.cell.leader'),
  name: 'admission_id',
  value: str(lv, 'admission_id'),
  errors: le,
  required: true,
  placeholder: t(lang, 'web.choose'),
  options: o.current.map((x) => [x.admission_id, `${x.name} (${x.committal_number})`]),
})}
${radioGroup({
  label: t(lang, 'cls.cell.how'),
  name: 'how',
  value: str(lv, 'how'),
  errors: le,
  required: true,
  options: [
    { value: 'elected', label: t(lang, 'cls.cell.how.elected') },
    { value: 'appointed', label: t(lang, 'cls.cell.how.appointed') },
  ],
})}
${textField({
  label: t(lang, 'cls.cell.since'),
  name: 'since',
  type: 'date',
  value: str(lv, 'since') || bamakoDate(),
  errors: le,
  required: true,
})}
${textField({ label: t(lang, 'cls.reason'), name: 'reason', value: str(lv, 'reason'), errors: le, required: true })}
<button type="submit">${t(lang, 'cls.cell.set_leader')}</button></form>`
    : null
}</section>
<section aria-labelledby="req-h"><h2 id="req-h">${t(lang, 'cls.cell.requests')}</h2>
${l.leaders
  .flatMap((x) => x.requests.map((r) => ({ ...r, leader: x.name })))
  .map(
    (
      r,
    ) => html`<article class="request"><p><strong>${r.subject}</strong> — ${formatDate(lang, r.raised_on)} — ${r.leader}</p>
${r.detail ? html`<p>${r.detail}</p>` : null}
${
  r.status === 'answered'
    ? html`<p>${t(lang, 'cls.cell.answer')}${colon(lang)}${r.answer}</p>
`
    : html`<p>${t(lang, 'cls.cell.open')}</p>
${
  canAnswer
    ? html`<form method="post" action="/cells/${id}/requests/${r.id}/answer">${hidden('_csrf', req.sessionCsrf ?? '')}${textField(
        {
          label: t(lang, 'cls.cell.answer'),
          name: `answer`,
        },
      )}<button type="submit">${t(lang, 'cls.cell.answer_request')}</button>
</form>`
    : null
}`
}</article>`,
  )}
${
  canRequest && l.current
    ? html`${errorSummary(lang, re)}<form id="request" method="post" action="/cells/${id}/requests" novalidate>${hidden(
        '_csrf',
        req.sessionCsrf ?? '',
      )}
${textField({ label: t(lang, 'cls.cell.subject'), name: 'subject', value: str(rv, 'subject'), errors: re, required: true })}
${textArea({ label: t(lang, 'cls.cell.detail'), name: 'detail', value: str(rv, 'detail'), errors: re })}
${textField({
  label: t(lang, 'cls.cell.raised_on'),
  name: 'raised_on',
  type: 'date',
  value: str(rv, 'raised_on') || bamakoDate(),
  errors: re,
  required: true,
})}
<button type="submit">${t(lang, 'cls.cell.add_request')}</button></form>`
    : null
}</section>
<section aria-labelledby="leaders-h"><h2 id="leaders-h">${t(lang, 'cls.cell.leaders')}</h2>
${
  l.leaders.length
    ? html`<table><thead><tr><th scope="col">${t(lang, 'web.name')}</th><th scope="col">${t(lang, 'cls.cell.how')}</th>
<th scope="col">${t(lang, 'cls.cell.since')}</th><th scope="col">${t(lang, 'cls.cell.until')}</th></tr></thead><tbody>
${l.leaders.map(
  (x) => html`<tr><td>${x.name}</td><td>${t(lang, `cls.cell.how.${x.how}`)}</td>
<td>${formatDate(lang, x.since)}</td><td>${formatDate(lang, x.until)}</td></tr>`,
)}</tbody></table>`
    : null
}</section>
<section aria-labelledby="past-h"><h2 id="past-h">${t(lang, 'cls.cell.past')}</h2>${occTable(o.past)}</section>`,
    );
  };
  app.get(
    '/cells/:id',
    { schema: { hide: true } },
    page(async (req) => cellPage(req, req.params.id)),
  );
  app.post(
    '/cells/:id/leader',
    { schema: { hide: true } },
    page(async (req, reply) => {
      checkCsrf(req);
      const v = (req.body ?? {}) as V;
      const missing: FieldError[] = LEAD.filter((n) => !str(v, n)).map((n) => ({
        field: `/${n}`,
        key: 'field.required',
      }));
      const r = missing.length
        ? { error: new AppError(422, 'error.validation', {}, missing) }
        : await attempt(() =>
            setCellLeader(
              db,
              req.actor!,
              req.params.id,
              parseForm(
                LeaderBody,
                {
                  admission_id: str(v, 'admission_id'),
                  how: str(v, 'how') as 'elected' | 'appointed',
                  since: str(v, 'since'),
                  reason: str(v, 'reason'),
                },
                req.lang,
              ),
            ),
          );
      if ('ok' in r) return reply.redirect(`/cells/${req.params.id}?saved=1`, 303);
      return reply
        .status(r.error.status)
        .type('text/html; charset=utf-8')
        .send(await cellPage(req, req.params.id, { lead: [v, errsOf(req.lang, r.error, LEAD, 'lead')] }));
    }),
  );
  app.post(
    '/cells/:id/requests',
    { schema: { hide: true } },
    page(async (req, reply) => {
      checkCsrf(req);
      const v = (req.body ?? {}) as V;
      const missing: FieldError[] = ['subject', 'raised_on']
        .filter((n) => !str(v, n))
        .map((n) => ({ field: `/${n}`, key: 'field.required' }));
      const r = missing.length
        ? { error: new AppError(422, 'error.validation', {}, missing) }
        : await attempt(() =>
            addLeaderRequest(
              db,
              req.actor!,
              req.params.id,
              parseForm(
                LeaderRequestBody,
                { subject: str(v, 'subject'), detail: opt(v, 'detail'), raised_on: str(v, 'raised_on') },
                req.lang,
              ),
            ),
          );
      if ('ok' in r) return reply.redirect(`/cells/${req.params.id}?saved=1`, 303);
      return reply
        .status(r.error.status)
        .type('text/html; charset=utf-8')
        .send(await cellPage(req, req.params.id, { req: [v, errsOf(req.lang, r.error, REQ, 'request')] }));
    }),
  );
  app.post(
    '/cells/:id/requests/:request/answer',
    { schema: { hide: true } },
    page(async (req, reply) => {
      checkCsrf(req);
      const answer = str(req.body ?? {}, 'answer');
      if (answer)
        await answerLeaderRequest(db, req.actor!, req.params.request, parseForm(AnswerBody, { answer }, req.lang));
      return reply.redirect(`/cells/${req.params.id}?saved=1`, 303);
    }),
  );

  // ------------------------------------------------------------------ the director's list
  app.get(
    '/classifications-due',
    { schema: { hide: true } },
    page(async (req: Req, _reply: FastifyReply) => {
      const lang = req.lang;
      const actor = req.actor!;
      const prisons = await listPrisons(db, actor);
      const wanted = req.query.prison;
      const p = wanted
        ? await getPrison(db, actor, wanted)
        : prisons.find((x) => actor.national || actor.prisonIds.includes(x.id));
      if (!p) throw new AppError(403, 'error.forbidden');
      const asOf = isCalendarDate(req.query.as_of ?? '') ? req.query.as_of! : bamakoDate();
      const items = await classificationsDueForReview(db, actor, p.id, asOf, lang);
      return layout(
        req,
        `${t(lang, 'cls.page.due')} — ${p.name}`,
        html`<form class="search" method="get" action="/classifications-due">${hidden('prison', p.code)}
${textField({ label: t(lang, 'cls.as_of'), name: 'as_of', type: 'date', value: asOf })}<button type="submit">${t(lang, 'cls.show')}</button>
</form>
${
  items.length
    ? html`<table><thead><tr><th scope="col">${t(lang, 'cls.due_col')}</th><th scope="col">${t(lang, 'web.name')}</th>
<th scope="col">${t(lang, 'web.committal_number')}</th><th scope="col">${t(lang, 'cls.situation')}</th>
<th scope="col">${t(lang, 'cls.level')}</th></tr></thead><tbody>
${items.map(
  (x) => html`<tr><td>${dueText(lang, x)}${x.event ? html` (${t(lang, `cls.trigger.${x.event}`)})` : null}</td>
<td><a href="/admissions/${x.admission_id}/classification">${x.name}</a></td><td>${x.committal_number}</td><td>${x.label}</td>
<td>${levelText(lang, x.level)}</td></tr>`,
)}</tbody></table>`
    : html`<p>${t(lang, 'cls.due.none_list')}</p>`
}`,
      );
    }),
  );
}
