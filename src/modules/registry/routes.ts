/**
 * Staff pages, rendered on the server (no JavaScript needed): login/logout, home per prison,
 * prisoner search and file, estate, and a simple admission form. Every POST form carries the
 * session's CSRF token (the login form its own pre-session token). Authorisation stays in the services.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../core/access.js';
import { bamakoDate, formatBamako, startOfBamakoDay } from '../../core/dates.js';
import { AppError, type FieldError, forbidden } from '../../core/errors.js';
import { hasMessage, t, type Lang } from '../../core/i18n.js';
import { colon, inRunningText } from '../../core/words.js';
import {
  hasFelony,
  legalStatusLabel,
  admit,
  type AdmissionInput,
  getPrisonerFile,
  personHistory,
  population,
  search,
  isUntried,
  type LegalStatus,
  AdmissionBody,
  SENTENCE_FORM_FIELDS,
  sentenceFromForm,
  arrivalsSince,
} from '../custody/index.js';
import { LANG_COOKIE, SESSION_COOKIE, type App, type AppContext } from '../../http/context.js';
import { beginLogin, completeLogin, logout } from '../access/index.js';
import { loginCsrfOk, loginCsrfToken } from '../../http/security.js';
import * as estateRepo from '../estate/index.js';
import {
  getPrison,
  listPrisons,
  occupancyReport,
  type PrisonView,
  occupancyRateWord,
  estatePages,
  estateSection,
} from '../estate/index.js';
import { formatDate, formatPercent } from '../../web/format.js';
import { type BirthInput, ageReadingText, ageSection, peoplePages } from '../people/index.js';
import { listCodes } from '../reference/index.js';
import { type Candidate, findCandidates, recordDecision } from '../identity/index.js';
import {
  APP_CSS,
  csrfOk,
  dl,
  errorSummary,
  type FormErrors,
  formErrors,
  hidden,
  html,
  layout,
  page,
  parseForm,
  radioGroup,
  raw,
  type Raw,
  type Req,
  safeNext,
  selectField,
  send,
  textField,
} from '../web/index.js';
import { birthText, candidateLabel, candidateQuery } from '../identity/index.js';
export { csrfOk };
import {
  getJusticeFile,
  justiceAlertSummary,
  justiceAlertsForPrison,
  alertHistorySection,
  releaseSection,
  justiceSection,
} from '../justice/index.js';
import { canOpenReceptions, receptionsInProgress, receptionsOfPerson } from '../reception/index.js';
import { classificationsDueForReview } from '../classification/index.js';
import { awaitingSection, breachSection } from '../housing/index.js';
import { listOpenings } from '../sharing/index.js';
import { releaseDueSection } from '../movements/index.js';
import { custodyChainSection, withoutChargeSection } from '../chain/index.js';
import { withheldText } from '../../core/confidentiality.js';

/** "Committal order MD-2026-014 — Pôle judiciaire, 9 March 2026": the parts a document has, nothing empty between commas. */
function documentLine(
  lang: Lang,
  kind: string,
  d: { reference?: string | null; authority?: string | null; issued_on?: string | null },
): string {
  const what = [kind, d.reference].filter(Boolean).join(' ');
  const from = [d.authority, formatDate(lang, d.issued_on)].filter(Boolean).join(', ');
  return from ? `${what} — ${from}` : what;
}
/** A history line's "what" in words: "Cell leader · recorded", not "cell_leader · create". */
function historyWhat(lang: Lang, entity: string, action: string): string {
  const word = (key: string, code: string) => (hasMessage(key) ? t(lang, key) : code);
  return `${word(`web.history.entity.${entity}`, entity)} · ${word(`web.history.action.${action}`, action)}`;
}
/** Entities whose change records the reason as a code in `after.reason` (its words under this prefix). */
const CODED_REASONS: Record<string, string> = {
  release: 'movements.release.reason.',
  transfer: 'movements.transfers.reason.',
};
/**
 * A history line's "why" in words: a reason recorded as a code is shown by its label ("Placement at
 * reception", not "reception"; "Escape — Cour nord", not "Cour nord" alone; a release's reason, not
 * "end_of_sentence"); a reason written by a person is shown as written.
 */
function historyWhy(lang: Lang, h: { entity: string; action: string; reason: string | null; after: unknown }): string {
  const word = (key: string) => (hasMessage(key) ? t(lang, key) : null);
  const after = (h.after && typeof h.after === 'object' ? h.after : {}) as Record<string, unknown>;
  if (h.entity === 'admission' && h.action === 'end' && typeof after.end_reason === 'string') {
    const end = word(`custody.end.${after.end_reason}`) ?? after.end_reason;
    // The place of an escape or a death is written by a person; a release's or a transfer's detail
    // is on its own line of the history.
    const place = after.end_reason === 'escape' || after.end_reason === 'death' ? h.reason : null;
    return place && place !== after.end_reason ? `${end} — ${place}` : end;
  }
  if (h.reason) return word(`web.history.reason.${h.reason}`) ?? h.reason;
  const prefix = CODED_REASONS[h.entity];
  if (prefix && typeof after.reason === 'string') return word(prefix + after.reason) ?? after.reason;
  return '';
}
const fmtRate = (lang: Lang, r: number | null) =>
  r === null ? t(lang, 'web.unknown') : formatPercent(lang, r, { maximumFractionDigits: 1 });
const fmtCap = (lang: Lang, c: number | null) => (c === null ? t(lang, 'web.unknown') : String(c));

function prisonSelector(req: Req, prisons: PrisonView[], current: string, action: string): Raw | null {
  if (prisons.length < 2) return null;
  const lang = req.lang;
  return html`<form class="search" method="get" action="${action}">${selectField({
    label: t(lang, 'web.prison'),
    name: 'prison',
    value: current,
    options: prisons.map((p) => [p.code, `${p.name} (${p.code})`]),
  })}<button type="submit">${t(lang, 'web.choose_prison')}</button>
</form>`;
}

async function currentPrison(
  db: AppContext['database']['db'],
  actor: Actor,
  wanted: string | undefined,
): Promise<{ prisons: PrisonView[]; prison: PrisonView | null }> {
  const prisons = await listPrisons(db, actor);
  if (wanted) {
    const p = await getPrison(db, actor, wanted);
    return { prisons, prison: prisons.find((x) => x.id === p.id) ?? null };
  }
  return { prisons, prison: prisons[0] ?? null };
}

/** The admission form's inputs, named after the API's JSON pointers. */
const ADMISSION_FIELDS = [
  'prison',
  'person.family_name',
  'person.given_names',
  'person.sex',
  'person.birth.precision',
  'person.birth.date',
  'person.birth.estimated_age',
  'person.nina',
  'person.father_name',
  'person.mother_name',
  'arresting_authority',
  'arresting_unit',
  'legal_document.kind',
  'legal_document.authority',
  'legal_document.reference',
  'legal_document.issued_on',
  ...SENTENCE_FORM_FIELDS,
  'charges.0.qualification',
  'charges.0.category',
  'cell_id',
  'over_capacity_reason',
  'override_reason',
  'identity.checked',
  'identity.choice',
] as const;
const REQUIRED = new Set([
  'prison',
  'person.family_name',
  'person.sex',
  'person.birth.precision',
  'arresting_authority',
  'legal_document.kind',
  'legal_document.authority',
  'legal_document.reference',
  'legal_document.issued_on',
  'charges.0.qualification',
  'charges.0.category',
]);

function admissionInput(v: Record<string, string>): AdmissionInput {
  const s = (k: string) => (v[k] ?? '').trim();
  const opt = (k: string) => s(k) || null;
  const precision = s('person.birth.precision') as BirthInput['precision'];
  const age = s('person.birth.estimated_age');
  const birth: BirthInput =
    precision === 'estimated'
      ? { precision, estimated_age: age === '' ? null : Number(age), estimated_on: bamakoDate() }
      : precision === 'unknown'
        ? { precision }
        : { precision, date: opt('person.birth.date') };
  return {
    prison: s('prison'),
    person: {
      family_name: s('person.family_name'),
      given_names: s('person.given_names'),
      sex: s('person.sex') as 'male' | 'female',
      birth,
      nina: opt('person.nina'),
      father_name: opt('person.father_name'),
      mother_name: opt('person.mother_name'),
    },
    arresting_authority: s('arresting_authority'),
    arresting_unit: opt('arresting_unit'),
    legal_document: {
      kind: s('legal_document.kind') as AdmissionInput['legal_document']['kind'],
      authority: s('legal_document.authority'),
      reference: s('legal_document.reference'),
      issued_on: s('legal_document.issued_on'),
      ...sentenceFromForm(s),
    },
    charges: [{ qualification: s('charges.0.qualification'), category: s('charges.0.category') as 'felony' }],
    cell_id: opt('cell_id'),
    over_capacity_reason: opt('over_capacity_reason'),
    override_reason: opt('override_reason'),
  };
}

export async function webRoutes(app: App, ctx: AppContext): Promise<void> {
  const db = ctx.database.db;
  const cookieOpts = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: ctx.config.secureCookies };

  app.get('/assets/app.css', { config: { public: true }, schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(APP_CSS),
  );

  app.get('/lang/:lang', { config: { public: true }, schema: { hide: true } }, async (req, reply) => {
    const { lang } = req.params as { lang: string };
    const to = lang === 'en' ? 'en' : 'fr';
    reply.setCookie(LANG_COOKIE, to, {
      path: '/',
      sameSite: 'lax',
      maxAge: 365 * 24 * 3600,
      secure: ctx.config.secureCookies,
    });
    return reply.redirect(safeNext((req.query as Record<string, string>).next), 303);
  });

  // POST forms must carry the session's CSRF token: checked for every page in src/http/app.ts.

  // The login form carries a pre-session CSRF token (a double-submit cookie, src/http/security.ts).
  const loginPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    next: string,
    username = '',
    errors: FormErrors | null = null,
  ) => {
    const lang = req.lang;
    return layout(
      req,
      t(lang, 'web.login.title'),
      html`${errorSummary(lang, errors)}
<form method="post" action="/login" novalidate>
${hidden('next', next)}${hidden('lang', lang)}${hidden('_csrf', loginCsrfToken(req, reply, ctx.config))}
${textField({ label: t(lang, 'web.login.username'), name: 'username', value: username, errors, required: true, autocomplete: 'username' })}
${textField({
  label: t(lang, 'web.login.password'),
  name: 'password',
  type: 'password',
  errors,
  required: true,
  autocomplete: 'current-password',
})}
<button type="submit">${t(lang, 'web.login.submit')}</button></form>`,
      { bare: true },
    );
  };
  const codePage = (req: FastifyRequest, reply: FastifyReply, next: string, errors: FormErrors | null = null) => {
    const lang = req.lang;
    return layout(
      req,
      t(lang, 'web.login.code_title'),
      html`${errorSummary(lang, errors)}
<p>${t(lang, 'web.login.code_intro')}</p>
<form method="post" action="/login/code" novalidate>
${hidden('next', next)}${hidden('lang', lang)}${hidden('_csrf', loginCsrfToken(req, reply, ctx.config))}
${textField({
  label: t(lang, 'web.login.code'),
  name: 'code',
  errors,
  required: true,
  autocomplete: 'one-time-code',
  hint: t(lang, 'web.login.code_hint'),
})}
<button type="submit">${t(lang, 'web.login.code_submit')}</button></form>
<p><a href="/login?next=${encodeURIComponent(next)}">${t(lang, 'web.login.restart')}</a></p>`,
      { bare: true },
    );
  };
  /**
   * The language the login page was shown in (its hidden "lang" field) is kept after login: the
   * language cookie is set to it, so the pages do not switch to the account's language behind the
   * user's back (the header's switch changes it at any time).
   */
  const keepLanguage = (req: FastifyRequest, reply: FastifyReply, chosen: unknown) => {
    if (chosen !== 'fr' && chosen !== 'en') return;
    req.lang = chosen;
    reply.setCookie(LANG_COOKIE, chosen, {
      path: '/',
      sameSite: 'lax',
      maxAge: 365 * 24 * 3600,
      secure: ctx.config.secureCookies,
    });
  };
  const loginCtx = (req: FastifyRequest) => ({
    address: req.ip,
    userAgent: req.headers['user-agent'] ?? null,
    log: (m: string) => {
      req.log.warn(m);
    },
  });
  const challengeCookie = 'pmis_login_totp';
  const startSession = (reply: FastifyReply, s: { session: string; expiresAt: Date }, next: string) => {
    reply.setCookie(SESSION_COOKIE, s.session, { ...cookieOpts, expires: s.expiresAt });
    reply.clearCookie(challengeCookie, { path: '/login' });
    return reply.redirect(next, 303);
  };
  // A refused login shows the form again (401 wrong credentials, 429 locked, 403 waiting for approval, 503 busy).
  const loginRefusal = (e: unknown): AppError | null =>
    e instanceof AppError && [401, 403, 429, 503].includes(e.status) ? e : null;

  app.get('/login', { config: { public: true }, schema: { hide: true } }, async (req, reply) => {
    const next = safeNext((req.query as Record<string, string>).next);
    if (req.actor) return reply.redirect(next, 303);
    return send(reply, loginPage(req, reply, next));
  });

  app.post('/login', { config: { public: true }, schema: { hide: true } }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, string | undefined>;
    const next = safeNext(body.next);
    const username = typeof body.username === 'string' ? body.username.trim() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    keepLanguage(req, reply, body.lang);
    if (!loginCsrfOk(req, ctx.config))
      return send(
        reply,
        loginPage(
          req,
          reply,
          next,
          username,
          formErrors([{ field: '/username', key: 'error.csrf' }], req.lang, ['username', 'password']),
        ),
        403,
      );
    const missing: FieldError[] = [];
    if (!username) missing.push({ field: '/username', key: 'field.required' });
    if (!password) missing.push({ field: '/password', key: 'field.required' });
    if (missing.length)
      return send(
        reply,
        loginPage(req, reply, next, username, formErrors(missing, req.lang, ['username', 'password'])),
        422,
      );
    try {
      const r = await beginLogin(db, username, password, ctx.config.sessionTtlHours, loginCtx(req));
      if (r.kind === 'session') return await startSession(reply, r.session, next);
      reply.setCookie(challengeCookie, r.challenge, {
        path: '/login',
        httpOnly: true,
        sameSite: 'strict',
        secure: ctx.config.secureCookies,
        expires: r.expiresAt,
      });
      return await reply.redirect(`/login/code?next=${encodeURIComponent(next)}`, 303);
    } catch (e) {
      const err = loginRefusal(e);
      if (err)
        return send(
          reply,
          loginPage(
            req,
            reply,
            next,
            username,
            formErrors([{ field: '/username', key: err.key, params: err.params }], req.lang, ['username', 'password']),
          ),
          err.status,
        );
      throw e;
    }
  });

  app.get('/login/code', { config: { public: true }, schema: { hide: true } }, async (req, reply) => {
    const next = safeNext((req.query as Record<string, string>).next);
    if (!req.cookies[challengeCookie]) return reply.redirect(`/login?next=${encodeURIComponent(next)}`, 303);
    return send(reply, codePage(req, reply, next));
  });

  app.post('/login/code', { config: { public: true }, schema: { hide: true } }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, string | undefined>;
    const next = safeNext(body.next);
    const code = typeof body.code === 'string' ? body.code.trim() : '';
    const challenge = req.cookies[challengeCookie];
    keepLanguage(req, reply, body.lang);
    if (!loginCsrfOk(req, ctx.config))
      return send(
        reply,
        codePage(req, reply, next, formErrors([{ field: '/code', key: 'error.csrf' }], req.lang, ['code'])),
        403,
      );
    if (!challenge) return reply.redirect(`/login?next=${encodeURIComponent(next)}`, 303);
    if (!code)
      return send(
        reply,
        codePage(req, reply, next, formErrors([{ field: '/code', key: 'field.required' }], req.lang, ['code'])),
        422,
      );
    try {
      return await startSession(
        reply,
        await completeLogin(db, challenge, code, ctx.config.sessionTtlHours, loginCtx(req)),
        next,
      );
    } catch (e) {
      const err = loginRefusal(e);
      if (err?.key === 'error.login_expired')
        return send(
          reply,
          loginPage(
            req,
            reply,
            next,
            '',
            formErrors([{ field: '/username', key: err.key }], req.lang, ['username', 'password']),
          ),
          401,
        );
      if (err)
        return send(
          reply,
          codePage(
            req,
            reply,
            next,
            formErrors([{ field: '/code', key: err.key, params: err.params }], req.lang, ['code']),
          ),
          err.status,
        );
      throw e;
    }
  });

  app.post('/logout', { schema: { hide: true } }, async (req, reply) => {
    const s = req.cookies[SESSION_COOKIE];
    if (s) await logout(db, s);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/login', 303);
  });

  app.get(
    '/',
    { schema: { hide: true } },
    page(async (req) => {
      const lang = req.lang;
      const actor = req.actor!;
      // A justice partner (a prosecutor's office) reads no prison's estate: its home names no prison, not a 403.
      const { prisons, prison } = actor.permissions.has('estate.read')
        ? await currentPrison(db, actor, req.query.prison)
        : { prisons: [], prison: null };
      // A prosecutor's office sees the people held without charge that its jurisdictions are competent for.
      if (!prison)
        return layout(
          req,
          t(lang, 'web.home.title'),
          html`<p>${t(lang, 'web.no_prison')}</p>${raw(String((await withoutChargeSection(req, db, null)) ?? ''))}`,
        );
      const [occ, arrivals] = await Promise.all([
        occupancyReport(db, actor, { prison: prison.id }),
        arrivalsSince(db, prison.id, startOfBamakoDay(bamakoDate())),
      ]);
      const p = occ.prisons[0];
      const latest = actor.permissions.has('custody.read')
        ? await population(db, actor, prison.id, { page: 1, page_size: 20 })
        : null;
      // The justice alerts: a person held without a valid title first (art. 129 makes it the prison's duty to act).
      // Computed once per request: who also sees the release-due list (built from the same alerts) gets the
      // full list once, shared by both sections; otherwise counted and ordered by the database, the first 25 worded.
      const sharedAlerts =
        actor.permissions.has('justice.read') && actor.permissions.has('movements.release')
          ? await justiceAlertsForPrison(db, { ...actor, lang: req.lang }, prison.id)
          : undefined;
      const summary = sharedAlerts
        ? { total: sharedAlerts.length, items: sharedAlerts.slice(0, 25) }
        : actor.permissions.has('justice.read')
          ? await justiceAlertSummary(db, actor, prison.id, { limit: 25, lang: req.lang })
          : null;
      const alerts = summary?.items ?? null;
      const alertsHtml =
        summary && alerts
          ? html`<section aria-labelledby="alerts-h"><h2 id="alerts-h">${t(lang, 'web.alerts.title')} (${summary.total})</h2>
<p><a href="/justice/alerts?prison=${prison.code}">${t(
              lang,
              'web.alerts.all',
            )}</a> · <a href="/justice/court-list?prison=${prison.code}">${t(
              lang,
              'web.alerts.court_list',
            )}</a> · <a href="/backlog?prison=${prison.code}">${t(lang, 'web.nav.backlog')}</a>
</p>
${
  summary.total
    ? html`<table><thead><tr><th scope="col">${t(lang, 'web.alerts.severity')}</th>
<th scope="col">${t(lang, 'web.committal_number')}</th><th scope="col">${t(lang, 'web.name')}</th>
<th scope="col">${t(lang, 'web.alerts.what')}</th><th scope="col">${t(lang, 'web.alerts.action')}</th></tr></thead><tbody>
${alerts.slice(0, 25).map(
  (a) => html`<tr>
<td>${
    a.severity === 'critical'
      ? html`<strong class="over">${t(lang, 'web.alerts.critical')}</strong>`
      : t(lang, 'web.alerts.warning')
  }</td>
<td>${a.committal_number ?? ''}</td>
<td>${a.personId ? html`<a href="/people/${a.personId}">${a.person_name ?? ''}</a>` : (a.person_name ?? '')}</td>
<td>${a.label}</td><td>${a.action}</td></tr>`,
)}
</tbody></table>${summary.total > alerts.length ? html`<p>${t(lang, 'web.alerts.more', { n: summary.total - alerts.length })}</p>` : null}`
    : html`<p>${t(lang, 'web.alerts.none')}</p>`
}</section>`
          : null;
      // Receptions in progress and what each is missing.
      // Only for those who do a step of it (the others could not open a reception).
      const receptions =
        actor.permissions.has('custody.read') && canOpenReceptions(actor)
          ? await receptionsInProgress(db, actor, prison.id)
          : null;
      const receptionsHtml = receptions
        ? html`<section aria-labelledby="rec-h"><h2 id="rec-h">${t(lang, 'web.rec.home_title')} (${receptions.length})</h2>
${
  receptions.length
    ? html`<ul>
${receptions.map(
  (
    r,
  ) => html`<li><a href="/receptions/${r.id}">${r.handover.warrant_name}</a> — ${formatBamako(r.arrived_at, lang)} — ${t(
    lang,
    'web.rec.missing',
  )}${colon(lang)}${r.missing.map((s) => t(lang, `reception.step.${s}`)).join(' · ')}</li>
`,
)}</ul>`
    : html`<p>${t(lang, 'web.rec.none')}</p>`
}</section>`
        : null;
      // Security levels due: an initial classification overdue, or a review date come.
      const due = actor.permissions.has('classification.decide')
        ? await classificationsDueForReview(db, actor, prison.id, undefined, lang)
        : null;
      const dueHtml = due
        ? html`<section aria-labelledby="due-h">
<h2 id="due-h"><a href="/classifications-due?prison=${prison.code}">${t(lang, 'web.due.title')}</a> (${due.length})</h2>
${
  due.length
    ? html`<ul>
${due.slice(0, 25).map(
  (d) => html`<li><a href="/people/${d.person_id}">${d.name}</a> — ${d.committal_number} — ${d.label} — ${t(
    lang,
    `web.due.${d.reason}`,
    { date: formatDate(lang, d.due_on) },
  )}</li>
`,
)}</ul>`
    : html`<p>${t(lang, 'web.none')}</p>`
}</section>`
        : null;
      return layout(
        req,
        `${t(lang, 'web.home.title')} — ${prison.name}`,
        html`${prisonSelector(req, prisons, prison.code, '/')}
${dl([
  [t(lang, 'web.population'), String(p.population)],
  [t(lang, 'web.capacity'), fmtCap(lang, p.official_capacity)],
  ...(p.status !== 'open'
    ? [
        [t(lang, 'web.estate.status'), html`<strong class="over">${t(lang, `estate.status.${p.status}`)}</strong>`] as [
          string,
          Raw,
        ],
      ]
    : []),
  [
    t(lang, occupancyRateWord(p.occupancy_rate) === 'overcrowding' ? 'web.congestion_over' : 'web.congestion'),
    p.occupancy_rate !== null && p.occupancy_rate > 100
      ? html`<span class="over">${fmtRate(lang, p.occupancy_rate)}</span>`
      : fmtRate(lang, p.occupancy_rate),
  ],
  ...(p.over_capacity
    ? [[t(lang, 'web.over_capacity'), t(lang, 'web.over_capacity_people', { n: p.over_capacity })] as [string, string]]
    : []),
  [t(lang, 'web.arrivals_today'), String(arrivals)],
  [t(lang, 'web.unassigned'), String(p.unassigned)],
])}
${await releaseDueSection(req, db, prison, 10, sharedAlerts)}
${alertsHtml}
${raw(String((await withoutChargeSection(req, db, prison)) ?? ''))}
${await breachSection(req, db, prison)}
${await awaitingSection(req, db, prison)}
${receptionsHtml}
${dueHtml}
${
  latest
    ? html`<section aria-labelledby="latest-h"><h2 id="latest-h">${t(lang, 'web.latest_admissions')}</h2>
${
  latest.items.length
    ? html`<table><thead><tr><th scope="col">${t(lang, 'web.committal_number')}</th><th scope="col">${t(lang, 'web.name')}</th>
<th scope="col">${t(lang, 'web.admitted_at')}</th><th scope="col">${t(lang, 'web.legal_status')}</th>
<th scope="col">${t(lang, 'web.location')}</th></tr></thead><tbody>
${latest.items.map(
  (r) => html`<tr><td>${r.committal_number}</td>
<td><a href="/people/${r.person_id}">${r.family_name} ${r.given_names}</a></td><td>${formatBamako(r.admitted_at, lang)}</td>
<td>${legalStatusLabel(lang, { status: r.legal_status as LegalStatus, sex: r.sex, felony: r.felony })}</td>
<td>${r.cell_code ? `${r.unit_code ?? ''} / ${r.cell_code}` : t(lang, 'web.not_placed')}</td></tr>`,
)}
</tbody></table>`
    : html`<p>${t(lang, 'web.none')}</p>`
}</section>`
    : null
}`,
      );
    }),
  );

  app.get(
    '/people',
    { schema: { hide: true } },
    page(async (req) => {
      const lang = req.lang;
      const q = (req.query.q ?? '').trim();
      let results: Raw | null = null;
      if (q.length >= 2) {
        const rows = await search(db, req.actor!, q, 50);
        const prisons = new Map((await listPrisons(db, req.actor!)).map((p) => [p.id, p.code]));
        results = html`<p role="status">${t(lang, 'web.search.results', { n: rows.length, q })}</p>
${
  rows.length
    ? html`<table><thead><tr><th scope="col">${t(lang, 'web.name')}</th><th scope="col">${t(lang, 'web.committal_number')}</th>
<th scope="col">${t(lang, 'web.nina')}</th><th scope="col">${t(lang, 'web.birth')}</th><th scope="col">${t(lang, 'web.held')}</th>
</tr></thead><tbody>
${rows.map(
  (r) => html`<tr><td><a href="/people/${r.person_id}">${r.family_name} ${r.given_names}</a></td>
<td>${r.committal_number ?? ''}${r.prison_id && prisons.has(r.prison_id) ? ` (${prisons.get(r.prison_id)})` : ''}</td>
<td>${r.nina ?? ''}</td>
<td>${birthText(lang, {
    precision: r.birth_precision,
    date: r.birth_date
      ? r.birth_precision === 'year'
        ? r.birth_date.slice(0, 4)
        : r.birth_precision === 'month'
          ? r.birth_date.slice(0, 7)
          : r.birth_date.slice(0, 10)
      : null,
  })}</td>
<td>${t(lang, r.held ? 'web.yes' : 'web.no')}</td></tr>`,
)}
</tbody></table>`
    : null
}`;
      } else if (q) results = html`<p>${t(lang, 'web.search.too_short')}</p>`;
      return layout(
        req,
        t(lang, 'web.search.title'),
        html`<form class="search" method="get" action="/people" role="search">
${textField({
  label: t(lang, 'web.search.label'),
  name: 'q',
  type: 'search',
  value: q,
})}<button type="submit">${t(lang, 'web.search.submit')}</button>
</form>${results}`,
      );
    }),
  );

  const filePage = async (req: Req, personId: string, age?: Raw): Promise<string> => {
    const lang = req.lang;
    const actor = req.actor!;
    const file = await getPrisonerFile(db, actor, personId);
    const history = actor.permissions.has('history.read') ? await personHistory(db, actor, file.person.id) : null;
    const pr = file.person;
    const prisonIds = [...new Set(file.admissions.map((a) => a.prison_id))];
    const [prisons, units, cells, authorities] = await Promise.all([
      listPrisons(db, actor),
      estateRepo.findUnits(db, prisonIds),
      estateRepo.findCells(db, prisonIds),
      listCodes(db, actor, 'arresting_authority').catch(() => []),
    ]);
    const prisonName = new Map(prisons.map((p) => [p.id, p.name]));
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const cellCode = new Map(cells.map((c) => [c.id, c.code]));
    const authority = new Map(authorities.map((c) => [c.code, lang === 'fr' ? c.label_fr : c.label_en]));
    const name = `${pr.family_name} ${pr.given_names}`.trim();
    // Each open admission's titles as the justice module records them: the admission's documents and the
    // titles added since (an extension order).
    const recordedTitles = new Map<
      string,
      { kind: string; reference: string | null; authority: string | null; issued_on: string | null }[]
    >();
    // The release date with its calculation and the alert history, for each open admission the actor may read in the justice module.
    const releases = new Map(
      actor.permissions.has('justice.read')
        ? await Promise.all(
            file.admissions
              .filter((a) => !a.ended_at)
              .map(async (a) => {
                const jf = await getJusticeFile(db, actor, a.id, { lang }).catch(() => null);
                if (jf) recordedTitles.set(a.id, jf.titles);
                // The legal situation (basis, expiry, alerts, titles, hearings), the release date and its calculation, the alert history.
                const mayWrite = actor.permissions.has('justice.write');
                return [
                  a.id,
                  jf
                    ? html`${raw(justiceSection(lang, jf, { mayWrite }).toString())}${releaseSection(jf, lang)}${alertHistorySection(
                        jf,
                        lang,
                      )}${raw(String((await custodyChainSection(req, db, a.id)) ?? ''))}`
                    : null,
                ] as const;
              }),
          )
        : [],
    );
    const identity = dl([
      [t(lang, 'web.family_name'), pr.family_name],
      [t(lang, 'web.given_names'), pr.given_names],
      [t(lang, 'web.sex'), t(lang, `person.sex.${pr.sex}`)],
      [t(lang, 'web.birth'), birthText(lang, pr.birth)],
      [t(lang, 'web.nina'), pr.nina ?? '—'],
      [t(lang, 'web.father_name'), pr.father_name ?? '—'],
      [t(lang, 'web.mother_name'), pr.mother_name ?? '—'],
      [t(lang, 'web.nationality'), pr.nationality ?? '—'],
      // Doubt protects: "treated as a minor: age uncertain, no age assessment" (people/age.ts).
      [t(lang, 'person.age.title'), ageReadingText(lang, file.age)],
      ...(pr.other_names.length
        ? [
            [
              t(lang, 'web.other_names'),
              pr.other_names.map((n) => `${n.family_name} ${n.given_names ?? ''}`.trim()).join(' ; '),
            ] as [string, string],
          ]
        : []),
    ]);
    const admissions = file.admissions.length
      ? file.admissions.map((a) => {
          const untried = isUntried(a.legal_status);
          const loc = a.location
            ? (a.location.cell_id
                ? t(lang, 'web.cell_in_unit', {
                    cell: cellCode.get(a.location.cell_id) ?? '?',
                    unit: unitName.get(a.location.unit_id ?? '') ?? '',
                  })
                : t(lang, 'web.not_placed')) +
              ` — ${t(lang, 'web.since', { when: formatBamako(a.location.since, lang) })}`
            : a.ended_at
              ? '—'
              : t(lang, 'web.not_placed');
          return html`<section aria-labelledby="adm-${a.id}"><h3 id="adm-${a.id}">${a.committal_number} — ${
            prisonName.get(a.prison_id) ?? ''
          }</h3>
${dl([
  [t(lang, 'web.admitted_at'), formatBamako(a.admitted_at, lang)],
  [
    t(lang, 'web.legal_status'),
    legalStatusLabel(lang, { status: a.legal_status, sex: pr.sex, felony: hasFelony(a.charges) }),
  ],
  [
    t(lang, 'web.arresting_authority'),
    `${authority.get(a.arresting_authority) ?? a.arresting_authority}${a.arresting_unit ? ` — ${a.arresting_unit}` : ''}`,
  ],
  [t(lang, 'web.location'), loc],
])}
${
  a.ended_at
    ? html`<p>${t(lang, 'web.ended', { when: formatBamako(a.ended_at, lang), reason: t(lang, `custody.end.${a.end_reason}`) })}</p>
`
    : null
}
<h4>${t(lang, 'web.charges')}</h4><ul>
${a.charges.map(
  (
    c,
  ) => html`<li>${t(lang, untried ? 'web.accused_of' : 'web.convicted_of', { q: inRunningText(c.qualification) })} (${t(
    lang,
    `web.charge.${c.category}`,
  )})</li>
`,
)}</ul>
<h4>${t(lang, 'web.documents')}</h4><ul>
${(recordedTitles.get(a.id) ?? a.documents).map(
  (d) => html`<li>${documentLine(
    lang,
    t(lang, hasMessage(`justice.title.${d.kind}`) ? `justice.title.${d.kind}` : `custody.doc.${d.kind}`),
    d,
  )}</li>
`,
)}</ul>
${releases.get(a.id) ?? null}
${
  a.ended_at
    ? null
    : html`<p class="actions">${[
        actor.permissions.has('classification.read')
          ? html`<a href="/admissions/${a.id}/classification">${t(lang, 'web.file.classification')}</a>`
          : null,
        actor.permissions.has('assessment.read')
          ? html`<a href="/admissions/${a.id}/assessments">${t(lang, 'web.file.assessments')}</a>`
          : null,
        actor.permissions.has('housing.move')
          ? html`<a href="/admissions/${a.id}/move">${t(lang, 'web.file.move')}</a>`
          : null,
        actor.permissions.has('complaints.record')
          ? html`<a href="/complaints/new?admission=${a.id}">${t(lang, 'web.file.complaint_new')}</a>`
          : null,
        actor.permissions.has('complaints.read')
          ? html`<a href="/complaints/person/${a.person_id}">${t(lang, 'web.file.complaints')}</a>`
          : null,
      ]
        .filter(Boolean)
        .map((l, i) => html`${i ? ' · ' : ''}${l}`)}</p>`
}</section>`;
        })
      : html`<p>${t(lang, 'web.file.no_admission')}</p>`;
    // Admissions in other prisons: only that they exist, where and when (decision 0003).
    const elsewherePrisons = new Map(
      (await estateRepo.findPrisons(db, [...new Set(file.admissions_elsewhere.map((a) => a.prison_id))])).map((p) => [
        p.id,
        p.name,
      ]),
    );
    const elsewhere = file.admissions_elsewhere.length
      ? html`<section aria-labelledby="elsewhere-h"><h3 id="elsewhere-h">${t(lang, 'web.file.elsewhere')}</h3>
<p>${t(lang, 'web.file.elsewhere_intro')}</p>
<ul>${file.admissions_elsewhere.map(
          (a) =>
            html`<li>${a.committal_number} — ${elsewherePrisons.get(a.prison_id) ?? ''} — ${formatBamako(a.admitted_at, lang)}${
              a.ended_at ? ` → ${formatBamako(a.ended_at, lang)}` : ''
            }${
              a.legal
                ? html`<br>${t(lang, 'web.file.legal_history', {
                    status: legalStatusLabel(lang, {
                      status: a.legal.legal_status,
                      sex: pr.sex,
                      felony: hasFelony(a.legal.charges),
                    }),
                  })}${a.legal.end_reason ? ` — ${t(lang, `custody.end.${a.legal.end_reason}`)}` : ''}
<ul>
${a.legal.charges.map(
  (c) => html`<li>${t(lang, isUntried(a.legal!.legal_status) ? 'web.accused_of' : 'web.convicted_of', {
    q: inRunningText(c.qualification),
  })} (${t(lang, `web.charge.${c.category}`)})</li>
`,
)}${a.legal.documents.map((d) => html`<li>${documentLine(lang, t(lang, `custody.doc.${d.kind}`), d)}</li>`)}</ul>`
                : null
            }</li>`,
        )}</ul></section>`
      : null;
    // Openings of this file between prisons: re-admissions and decisions (docs/access.md).
    const openings = await listOpenings(db, actor, pr.id);
    const openingPrisons = new Map(
      (await estateRepo.findPrisons(db, [...new Set(openings.flatMap((o) => [o.from_prison_id, o.to_prison_id]))])).map(
        (p) => [p.id, p.name],
      ),
    );
    const openingsHtml = openings.length
      ? html`<section aria-labelledby="openings-h"><h3 id="openings-h">${t(lang, 'web.file.openings')}</h3>
<p>${t(lang, 'web.file.openings_intro')}</p>
<ul>
${openings.map(
  (o) => html`<li>${t(lang, 'web.file.opening', {
    kind: t(lang, `sharing.kind.${o.kind}`),
    from: openingPrisons.get(o.from_prison_id) ?? '',
    to: openingPrisons.get(o.to_prison_id) ?? '',
    categories: o.categories.map((c) => t(lang, `sharing.category.${c}`)).join(', '),
    who: o.decided_by ?? '—',
    when: formatBamako(o.decided_at, lang),
  })}${o.reason ? ` — ${o.reason}` : ''}${
    o.revoked_at
      ? html` — <em>${t(lang, 'web.file.opening_revoked', {
          when: formatBamako(o.revoked_at, lang),
          reason: o.revoke_reason ?? '',
        })}</em>`
      : null
  }</li>
`,
)}</ul></section>`
      : null;
    const hist = history
      ? html`<table><thead><tr><th scope="col">${t(lang, 'web.history.when')}</th>
<th scope="col">${t(lang, 'web.history.who')}</th><th scope="col">${t(lang, 'web.history.what')}</th>
<th scope="col">${t(lang, 'web.history.why')}</th></tr></thead><tbody>
${history.map(
  (h) => html`<tr><td>${formatBamako(h.at, lang)}</td><td>${h.actor ?? '—'}</td>
<td>${historyWhat(lang, h.entity, h.action)}</td>
<td>${historyWhy(lang, h)}${h.withheld.length ? html` <em class="withheld">${withheldText(lang, h.withheld)}</em>` : null}</td></tr>
`,
)}</tbody></table>`
      : html`<p>${t(lang, 'web.history.unavailable')}</p>`;
    // The reception steps: who did each and when (the content of each step stays on the reception page).
    const receptions = await receptionsOfPerson(db, actor, pr.id);
    const receptionHtml = receptions.length
      ? html`<h2>${t(lang, 'web.file.reception')}</h2>${receptions.map(
          (r) => html`<section aria-labelledby="rec-${r.id}"><h3 id="rec-${r.id}">${
            canOpenReceptions(actor)
              ? html`<a href="/receptions/${r.id}">${formatBamako(r.arrived_at, lang)} — ${t(lang, `web.rec.status.${r.status}`)}</a>`
              : html`${formatBamako(r.arrived_at, lang)} — ${t(lang, `web.rec.status.${r.status}`)}`
          }</h3>
<table><thead><tr><th scope="col">${t(lang, 'web.rec.step')}</th><th scope="col">${t(lang, 'web.history.when')}</th>
<th scope="col">${t(lang, 'web.rec.out_of_order')}</th></tr></thead><tbody>
<tr><td>${t(lang, 'web.rec.handover')}</td><td>${formatBamako(r.started_at, lang)}</td><td></td></tr>
${r.steps.map(
  (s) => html`<tr><td>${t(lang, `reception.step.${s.step}`)}</td>
<td>${s.done_at ? formatBamako(s.done_at, lang) : t(lang, 'web.rec.todo')}</td><td>${s.out_of_order_reason ?? ''}</td></tr>
`,
)}</tbody></table></section>`,
        )}`
      : null;
    return layout(
      req,
      t(lang, 'web.file.title', { name }),
      html`<h2>${t(lang, 'web.file.identity')}</h2>${
        // The photo taken at reception (or attached since), beside the identity it shows.
        pr.photo_attachment_id
          ? html`<div class="identity"><img class="photo" src="/attachments/${pr.photo_attachment_id}" alt="${t(lang, 'web.file.photo_alt', { name })}" width="144">${identity}</div>`
          : identity
      }
${age ?? (await ageSection(req, db, pr.id))}
<h2>${t(lang, 'web.file.custody')}</h2>${admissions}${elsewhere}${openingsHtml}${receptionHtml}
<h2>${t(lang, 'web.file.history')}</h2>${hist}`,
    );
  };
  app.get(
    '/people/:id',
    { schema: { hide: true } },
    page(async (req) => {
      if (!/^[0-9a-f-]{36}$/i.test(req.params.id)) throw new AppError(404, 'error.not_found');
      return filePage(req, req.params.id);
    }),
  );
  await peoplePages(app, ctx, filePage);

  const estatePage = async (req: Req, wanted: string | undefined, section?: Raw): Promise<string> => {
    const lang = req.lang;
    const { prisons, prison } = await currentPrison(db, req.actor!, wanted);
    if (!prison) return layout(req, t(lang, 'web.estate.title'), html`<p>${t(lang, 'web.no_prison')}</p>`);
    // Occupancy at the end of a past day uses the official capacity then in force (dated capacities).
    const date =
      /^\d{4}-\d{2}-\d{2}$/.test(req.query.date ?? '') && req.query.date! <= bamakoDate() ? req.query.date : undefined;
    const occ = await occupancyReport(db, req.actor!, { prison: prison.id, date });
    const p = occ.prisons[0];
    // A cell's page lists its occupants: a link only for those who may read custody (cellOccupants).
    const cellLinks = req.actor!.permissions.has('custody.read');
    const occCell = (o: { population: number; capacity: number | null; occupancy_rate: number | null }) =>
      html`<td class="num">${o.population}</td><td class="num">${fmtCap(lang, o.capacity)}</td>
<td class="num${o.occupancy_rate !== null && o.occupancy_rate > 100 ? ' over' : ''}">${fmtRate(lang, o.occupancy_rate)}</td>`;
    const head = html`<th scope="col" class="num">${t(lang, 'web.population')}</th>
<th scope="col" class="num">${t(lang, 'web.capacity')}</th><th scope="col" class="num">${t(lang, 'web.congestion')}</th>`;
    return layout(
      req,
      `${t(lang, 'web.estate.title')} — ${prison.name}`,
      html`${prisonSelector(req, prisons, prison.code, '/estate')}
${req.query.saved ? html`<p class="notice" role="status">${t(lang, 'web.estate.saved')}</p>` : null}
<form class="search" method="get" action="/estate">
${hidden('prison', prison.code)}${textField({
        label: t(lang, 'web.estate.date'),
        name: 'date',
        type: 'date',
        value: occ.as_of,
      })}<button type="submit">${t(lang, 'web.estate.show')}</button>
</form>
<p>${t(lang, 'web.estate.as_of', { date: formatDate(lang, occ.as_of) })}</p>
${dl([
  [t(lang, 'web.population'), String(p.population)],
  [t(lang, 'web.capacity'), fmtCap(lang, p.official_capacity)],
  ...(p.status !== 'open'
    ? [
        [t(lang, 'web.estate.status'), html`<strong class="over">${t(lang, `estate.status.${p.status}`)}</strong>`] as [
          string,
          Raw,
        ],
      ]
    : []),
  [
    t(lang, occupancyRateWord(p.occupancy_rate) === 'overcrowding' ? 'web.congestion_over' : 'web.congestion'),
    fmtRate(lang, p.occupancy_rate),
  ],
  ...(p.over_capacity
    ? [[t(lang, 'web.over_capacity'), t(lang, 'web.over_capacity_people', { n: p.over_capacity })] as [string, string]]
    : []),
  [t(lang, 'web.unassigned'), String(p.unassigned)],
])}
${p.units.map(
  (u) => html`<h2>${t(lang, 'web.estate.unit')} ${u.code} — ${u.name}</h2>
<table><thead><tr><th scope="col">${t(lang, 'web.estate.cell')}</th>${head}</tr></thead><tbody>
<tr><th scope="row">${t(lang, 'web.estate.unit')} ${u.code}</th>${occCell(u)}</tr>
${u.cells.map(
  (c) => html`<tr><td>${cellLinks ? html`<a href="/cells/${c.id}">${c.code}</a>` : c.code}</td>${occCell(c)}</tr>
`,
)}</tbody></table>`,
)}
${section ?? (await estateSection(req, db, prison.code))}`,
    );
  };
  app.get(
    '/estate',
    { schema: { hide: true } },
    page(async (req) => estatePage(req, req.query.prison)),
  );
  await estatePages(app, ctx, estatePage);

  const admissionForm = async (
    req: Req,
    values: Record<string, string>,
    errors: FormErrors | null,
    candidates: Candidate[] | null = null,
  ): Promise<string> => {
    const lang = req.lang;
    const actor = req.actor!;
    const prisons = (await listPrisons(db, actor)).filter((p) => actor.national || actor.prisonIds.includes(p.id));
    const prisonCode = values.prison || prisons[0]?.code || '';
    const chosen = prisons.find((p) => p.code === prisonCode) ?? prisons[0];
    const [authorities, occ] = await Promise.all([
      listCodes(db, actor, 'arresting_authority').catch(() => []),
      chosen ? occupancyReport(db, actor, { prison: chosen.id }) : null,
    ]);
    const cells: [string, string][] = (occ?.prisons[0]?.units ?? []).flatMap((u) =>
      u.cells.map((c) => [c.id, `${u.code} / ${c.code} — ${c.population}/${c.capacity ?? '?'}`] as [string, string]),
    );
    const f = (name: string, label: string, extra: { type?: string; hint?: string } = {}) =>
      textField({ label, name, value: values[name] ?? '', errors, required: REQUIRED.has(name), ...extra });
    const s = (name: string, label: string, options: [string, string][], placeholder = t(lang, 'web.choose')) =>
      selectField({
        label,
        name,
        value: values[name] ?? '',
        errors,
        required: REQUIRED.has(name),
        options,
        placeholder,
      });
    return layout(
      req,
      t(lang, 'web.adm.title'),
      html`${errorSummary(lang, errors)}
<p>${t(lang, 'web.adm.intro')}</p>
<form id="form" method="post" action="/admissions/new" novalidate>${hidden('_csrf', req.sessionCsrf ?? '')}
${
  prisons.length > 1
    ? s(
        'prison',
        t(lang, 'web.prison'),
        prisons.map((p) => [p.code, `${p.name} (${p.code})`]),
        undefined,
      )
    : hidden('prison', prisonCode)
}
<fieldset><legend>${t(lang, 'web.adm.person')}</legend>
${f('person.family_name', t(lang, 'web.family_name'))}${f('person.given_names', t(lang, 'web.given_names'))}
${s('person.sex', t(lang, 'web.sex'), [
  ['male', t(lang, 'person.sex.male')],
  ['female', t(lang, 'person.sex.female')],
])}
${s(
  'person.birth.precision',
  t(lang, 'web.adm.birth_precision'),
  (['exact', 'month', 'year', 'estimated', 'unknown'] as const).map((p) => [p, t(lang, `person.precision.${p}`)]),
)}
${f('person.birth.date', t(lang, 'web.adm.birth_date'))}${f(
        'person.birth.estimated_age',
        t(lang, 'web.adm.estimated_age'),
        { type: 'number' },
      )}
${f('person.nina', t(lang, 'web.nina'))}${f('person.father_name', t(lang, 'web.father_name'))}${f(
        'person.mother_name',
        t(lang, 'web.mother_name'),
      )}
</fieldset>
<fieldset><legend>${t(lang, 'web.adm.arrest')}</legend>
${s(
  'arresting_authority',
  t(lang, 'web.arresting_authority'),
  authorities.map((c) => [c.code, lang === 'fr' ? c.label_fr : c.label_en]),
)}
${f('arresting_unit', t(lang, 'web.adm.arresting_unit'))}
</fieldset>
<fieldset><legend>${t(lang, 'web.adm.document')}</legend>
${s(
  'legal_document.kind',
  t(lang, 'web.adm.doc_kind'),
  (['committal_order', 'arrest_warrant', 'committal_for_trial', 'conviction'] as const).map((k) => [
    k,
    t(lang, `custody.doc.${k}`),
  ]),
)}
${f('legal_document.authority', t(lang, 'web.adm.doc_authority'))}${f('legal_document.reference', t(lang, 'web.adm.doc_reference'))}
${f('legal_document.issued_on', t(lang, 'web.adm.doc_issued_on'), { type: 'date' })}
<p class="govuk-hint">${t(lang, 'web.adm.sentence_hint')}</p>
${f('legal_document.sentence.years', t(lang, 'web.adm.sentence_years'), { type: 'number' })}${f(
        'legal_document.sentence.months',
        t(lang, 'web.adm.sentence_months'),
        { type: 'number' },
      )}${f('legal_document.sentence.days', t(lang, 'web.adm.sentence_days'), { type: 'number' })}
${f('legal_document.sentence_start', t(lang, 'web.adm.sentence_start'), { type: 'date' })}${f(
        'legal_document.case_ref',
        t(lang, 'web.adm.case_ref'),
      )}
</fieldset>
<fieldset><legend>${t(lang, 'web.adm.charge')}</legend>
${f('charges.0.qualification', t(lang, 'web.adm.charge_qualification'))}
${s(
  'charges.0.category',
  t(lang, 'web.adm.charge_category'),
  (['contravention', 'misdemeanour', 'felony'] as const).map((c) => [c, t(lang, `web.charge.${c}`)]),
)}
</fieldset>
<fieldset><legend>${t(lang, 'web.adm.cell')}</legend>
${s('cell_id', t(lang, 'web.adm.cell'), cells, t(lang, 'web.adm.cell_later'))}
${f('over_capacity_reason', t(lang, 'web.adm.over_capacity_reason'))}
${
  actor.permissions.has('housing.override')
    ? f('override_reason', t(lang, 'cls.mv.override'), { hint: t(lang, 'cls.mv.override_hint') })
    : null
}
</fieldset>
${
  candidates
    ? html`${hidden('identity.checked', '1')}<section aria-labelledby="cand-h" class="candidates">
<h2 id="cand-h">${t(lang, 'web.adm.candidates.title', { n: candidates.length })}</h2>
<p>${t(lang, 'web.adm.candidates.intro')}</p>
${radioGroup({
  label: t(lang, 'web.adm.candidates.choice'),
  name: 'identity.choice',
  value: values['identity.choice'] ?? '',
  errors,
  required: true,
  options: [
    ...candidates.map((c) => ({ value: c.person_id, label: candidateLabel(lang, c) })),
    { value: 'new', label: t(lang, 'web.adm.candidates.new') },
  ],
})}</section>`
    : values['identity.checked']
      ? hidden('identity.checked', values['identity.checked'])
      : null
}
<button type="submit">${t(lang, candidates ? 'web.adm.submit_after_check' : 'web.adm.submit')}</button></form>`,
    );
  };

  app.get(
    '/admissions/new',
    { schema: { hide: true } },
    // The admission form only for those who may admit (the service refuses the others).
    page(async (req) => {
      if (!req.actor!.permissions.has('custody.write')) throw forbidden();
      return admissionForm(req, { prison: req.query.prison ?? '' }, null);
    }),
  );

  app.post(
    '/admissions/new',
    { schema: { hide: true } },
    page(async (req, reply) => {
      const body = req.body ?? {};
      const values: Record<string, string> = {};
      for (const k of ADMISSION_FIELDS) values[k] = typeof body[k] === 'string' ? body[k] : '';
      const missing: FieldError[] = [...REQUIRED]
        .filter((k) => !values[k].trim())
        .map((k) => ({ field: `/${k.replace(/\./g, '/')}`, key: 'field.required' }));
      const precision = values['person.birth.precision'];
      if (
        (precision === 'exact' || precision === 'month' || precision === 'year') &&
        !values['person.birth.date'].trim()
      )
        missing.push({ field: '/person/birth/date', key: 'field.required' });
      if (precision === 'estimated' && !values['person.birth.estimated_age'].trim())
        missing.push({ field: '/person/birth/estimated_age', key: 'field.required' });
      let problem: AppError | null = missing.length ? new AppError(422, 'error.validation', {}, missing) : null;
      let candidates: Candidate[] | null = null;
      if (!problem) {
        const actor = req.actor!;
        try {
          // Parsed by the API's own schema: a bad value is a field error here, never a database error.
          const input = parseForm(AdmissionBody, admissionInput(values), req.lang) as AdmissionInput;
          const query = candidateQuery(input);
          // Before a new file is created, the clerk sees the people already registered who may be this
          // arrival (other spellings, other prisons) and links or declares a new person (issue 4).
          const canMatch = actor.permissions.has('identity.match');
          candidates = canMatch
            ? (await findCandidates(db, actor, query, { lang: req.lang, limit: 5 })).filter(
                (c) => c.decision !== 'different',
              )
            : [];
          const choice = values['identity.choice'] ?? '';
          if (candidates.length && values['identity.checked'] !== '1') {
            return await send(reply, await admissionForm(req, values, null, candidates), 200);
          }
          if (candidates.length && !choice)
            throw new AppError(422, 'error.validation', {}, [
              { field: '/identity/choice', key: 'web.adm.candidates.required' },
            ]);
          const existing = choice && choice !== 'new' ? choice : null;
          const { person: _arrival, ...rest } = input;
          const a = await admit(db, actor, existing ? { ...rest, person_id: existing } : input).catch((e: unknown) => {
            if (e instanceof AppError)
              throw new AppError(
                e.status,
                e.key,
                e.params,
                e.fields.map((f) => (f.field === '/person_id' ? { ...f, field: '/identity/choice' } : f)),
              );
            throw e;
          });
          if (canMatch) {
            const prisonId = a.prison_id;
            await recordDecision(db, actor, {
              prison_id: prisonId,
              decision: existing ? 'existing_person' : 'new_person',
              person_id: a.person_id,
              admission_id: a.id,
              query,
              candidates: candidates.map((c) => ({ person_id: c.person_id, score: c.score })),
            });
          }
          return await reply.redirect(`/people/${a.person_id}`, 303);
        } catch (e) {
          if (e instanceof AppError && e.status === 422) problem = e;
          else throw e;
        }
      }
      if (candidates && !candidates.length) candidates = null;
      return send(
        reply,
        await admissionForm(req, values, formErrors(problem, req.lang, ADMISSION_FIELDS), candidates),
        422,
      );
    }),
  );
}
