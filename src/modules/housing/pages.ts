/**
 * Pages of the placement rule (fr/en, no JavaScript): the daily breach report (also a section of
 * the director's home page), the people awaiting allocation, and the director's standing
 * delegation to exceed capacity. Authorization stays in the services.
 */
import { can } from '../../core/access.js';
import { formatBamako } from '../../core/dates.js';
import { AppError, type FieldError } from '../../core/errors.js';
import { t, type Lang } from '../../core/i18n.js';
import type { Db } from '../../db/index.js';
import type { App, AppContext } from '../../http/context.js';
import { getPrison, listPrisons } from '../estate/index.js';
import {
  errorSummary,
  type FormErrors,
  formErrors,
  hidden,
  radioGroup,
  textArea,
  html,
  type Raw,
  layout,
  csrfOk,
  page,
  type Req,
  formText,
} from '../web/index.js';
import './page-messages.js';
import {
  awaitingAllocation,
  type BreachCell,
  type BreachPerson,
  breachReport,
  capacityDelegation,
  setCapacityDelegation,
} from './service.js';

function personItem(p: BreachPerson): Raw {
  return html`<li><a href="/people/${p.person_id}">${p.name}</a> (${p.committal_number}) — ${p.label}${
    p.age ? html` — <em>${p.age}</em>` : null
  }</li>
`;
}

function side(lang: Lang, title: string, people: BreachPerson[], limit: number | null): Raw {
  const shown = limit === null ? people : people.slice(0, limit);
  return html`<p><strong>${title}</strong> (${people.length})</p><ul>
${shown.map(personItem)}${
    shown.length < people.length
      ? html`<li>${t(lang, 'hsg.breaches.more', { n: people.length - shown.length })}</li>
`
      : null
  }</ul>`;
}

/** The cells in breach, each rule with the people on each side and the override that covers it. */
export function breachCells(lang: Lang, cells: BreachCell[], limit: number | null): Raw {
  return html`${cells.map(
    (
      c,
    ) => html`<section class="breach" aria-labelledby="br-${c.cell_id}"><h3 id="br-${c.cell_id}"><a href="/cells/${c.cell_id}">${t(
      lang,
      'hsg.breaches.cell',
      {
        unit: c.unit_code,
        cell: c.cell_code,
        n: c.population,
      },
    )}</a>
</h3>
<table><thead><tr><th scope="col">${t(lang, 'hsg.breaches.rule')}</th><th scope="col">${t(lang, 'hsg.breaches.people')}</th>
<th scope="col">${t(lang, 'hsg.breaches.state')}</th></tr></thead><tbody>
${c.breaches.map((b) => {
  const [a, z] = t(lang, `housing.side.${b.rule}`).split('|') as [string, string];
  return html`<tr><th scope="row">${t(lang, `housing.rule.${b.rule}`)}</th>
<td>${side(lang, a, b.sides[0], limit)}${side(lang, z, b.sides[1], limit)}</td>
<td>${b.covered ? t(lang, 'hsg.breaches.covered') : html`<strong class="over">${t(lang, 'hsg.breaches.uncovered')}</strong>`}${
    b.overrides.length
      ? html`<ul>
${b.overrides.map(
  (o) => html`<li>${t(lang, 'hsg.breaches.override', {
    name: o.name,
    by: o.by ?? '—',
    at: formatBamako(o.at, lang),
    reason: o.reason ?? '',
  })}</li>
`,
)}</ul>`
      : null
  }</td></tr>`;
})}</tbody></table></section>`,
  )}`;
}

/** The director's home page: the breach report in short (security staff see it too). */
export async function breachSection(req: Req, db: Db, prison: { id: string; code: string }): Promise<Raw | null> {
  const actor = req.actor!;
  if (!can(actor, 'housing.move') && !can(actor, 'housing.override')) return null;
  const lang = req.lang;
  const r = await breachReport(db, actor, prison.id, lang);
  return html`<section aria-labelledby="breach-h">
<h2 id="breach-h"><a href="/breaches?prison=${prison.code}">${t(lang, 'hsg.breaches.title')}</a> (${r.cells.length})</h2>
${
  r.cells.length
    ? html`<p>${t(lang, 'hsg.breaches.summary', { uncovered: r.uncovered, covered: r.covered })}</p>
${breachCells(lang, r.cells.slice(0, 10), 3)}${
        r.cells.length > 10
          ? html`<p><a href="/breaches?prison=${prison.code}">${t(lang, 'hsg.breaches.see_all')}</a>
</p>`
          : null
      }`
    : html`<p>${t(lang, 'hsg.breaches.none')}</p>`
}</section>`;
}

/** People awaiting allocation (security and the director). */
export async function awaitingSection(
  req: Req,
  db: Db,
  prison: { id: string; code: string },
  limit = 10,
): Promise<Raw | null> {
  const actor = req.actor!;
  if (!can(actor, 'housing.move')) return null;
  const lang = req.lang;
  const items = await awaitingAllocation(db, actor, prison.id, lang);
  return html`<section aria-labelledby="await-h">
<h2 id="await-h"><a href="/placement?prison=${prison.code}">${t(lang, 'hsg.awaiting.title')}</a> (${items.length})</h2>
${
  items.length
    ? html`<ul>
${items.slice(0, limit).map(
  (x) => html`<li><a href="/people/${x.person_id}">${x.name}</a> — ${x.committal_number} — ${x.label} — ${formatBamako(
    x.admitted_at,
    lang,
  )} — <a href="/admissions/${x.admission_id}/move">${t(lang, 'hsg.awaiting.allocate')}</a>
</li>`,
)}</ul>${
        items.length > limit
          ? html`<p>${t(lang, 'hsg.breaches.more', { n: items.length - limit })}</p>
`
          : null
      }`
    : html`<p>${t(lang, 'hsg.awaiting.none')}</p>`
}</section>`;
}

async function prisonOf(req: Req, db: Db) {
  const actor = req.actor!;
  const wanted = req.query.prison;
  const p = wanted
    ? await getPrison(db, actor, wanted)
    : (await listPrisons(db, actor)).find((x) => actor.national || actor.prisonIds.includes(x.id));
  if (!p) throw new AppError(403, 'error.forbidden');
  return p;
}

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify registration functions are async
export async function housingPages(app: App, { database }: AppContext): Promise<void> {
  const db = database.db;

  app.get(
    '/breaches',
    { schema: { hide: true } },
    page(async (req) => {
      const lang = req.lang;
      const p = await prisonOf(req, db);
      const r = await breachReport(db, req.actor!, p.id, lang);
      return layout(
        req,
        `${t(lang, 'hsg.breaches.title')} — ${p.name}`,
        html`<p>${t(lang, 'hsg.breaches.intro')}</p>
<p>${formatBamako(new Date(), lang)} — ${t(lang, 'hsg.breaches.summary', { uncovered: r.uncovered, covered: r.covered })}</p>
${r.keep_apart_included ? null : html`<p class="notice">${t(lang, 'hsg.breaches.keep_apart_hidden')}</p>`}
${r.cells.length ? breachCells(lang, r.cells, null) : html`<p>${t(lang, 'hsg.breaches.none')}</p>`}`,
      );
    }),
  );

  const placementPage = async (req: Req, state?: { v: Record<string, string>; errors: FormErrors }) => {
    const lang = req.lang;
    const actor = req.actor!;
    const p = await prisonOf(req, db);
    const d = await capacityDelegation(db, actor, p.code);
    const awaiting = await awaitingSection(req, db, p, 1000);
    const v = state?.v ?? {};
    const errors = state?.errors ?? null;
    const form = can(actor, 'housing.override')
      ? html`${errorSummary(
          lang,
          errors,
        )}<form id="form" method="post" action="/placement/delegation?prison=${p.code}" novalidate>${hidden(
          '_csrf',
          req.sessionCsrf ?? '',
        )}
${radioGroup({
  label: t(lang, 'hsg.delegation.title'),
  name: 'delegated',
  value: v.delegated ?? (d.delegated ? '0' : '1'),
  errors,
  required: true,
  options: [
    { value: '1', label: t(lang, 'hsg.delegation.grant') },
    { value: '0', label: t(lang, 'hsg.delegation.end') },
  ],
})}
${textArea({ label: t(lang, 'hsg.delegation.reason'), name: 'reason', value: v.reason ?? '', errors, required: true })}
<button type="submit">${t(lang, 'hsg.delegation.submit')}</button></form>`
      : null;
    return layout(
      req,
      `${t(lang, 'hsg.placement.title')} — ${p.name}`,
      html`${req.query.saved ? html`<p class="notice" role="status">${t(lang, 'hsg.saved')}</p>` : null}
${awaiting ?? null}
<section aria-labelledby="deleg-h"><h2 id="deleg-h">${t(lang, 'hsg.delegation.title')}</h2><p>${t(lang, 'hsg.delegation.explain')}</p>
<p><strong>${
        d.current
          ? t(lang, 'hsg.delegation.on', {
              at: formatBamako(d.current.decided_at, lang),
              by: d.current.decided_by,
              reason: d.current.reason,
            })
          : t(lang, 'hsg.delegation.off')
      }</strong>
</p>
${form}
${
  d.history.length
    ? html`<h3>${t(lang, 'hsg.delegation.history')}</h3><ul>
${d.history.map(
  (x) => html`<li>${t(lang, 'hsg.delegation.on', {
    at: formatBamako(x.decided_at, lang),
    by: x.decided_by,
    reason: x.reason,
  })}${
    x.ended_at
      ? html` — ${t(lang, 'hsg.delegation.ended', {
          at: formatBamako(x.ended_at, lang),
          by: x.ended_by ?? '',
          reason: x.end_reason ?? '',
        })}`
      : null
  }</li>
`,
)}</ul>`
    : null
}</section>`,
    );
  };
  app.get(
    '/placement',
    { schema: { hide: true } },
    page(async (req) => placementPage(req)),
  );
  app.post(
    '/placement/delegation',
    { schema: { hide: true } },
    page(async (req, reply) => {
      if (!csrfOk(req)) throw new AppError(403, 'error.csrf');
      const v = { delegated: formText(req.body ?? {}, 'delegated'), reason: formText(req.body ?? {}, 'reason') };
      const missing: FieldError[] = (['delegated', 'reason'] as const)
        .filter((k) => !v[k])
        .map((k) => ({ field: `/${k}`, key: 'field.required' }));
      try {
        if (missing.length) throw new AppError(422, 'error.validation', {}, missing);
        const p = await prisonOf(req, db);
        await setCapacityDelegation(db, req.actor!, p.code, { delegated: v.delegated === '1', reason: v.reason });
        return await reply.redirect(`/placement?prison=${p.code}&saved=1`, 303);
      } catch (e) {
        if (!(e instanceof AppError) || e.status !== 422) throw e;
        return reply
          .status(422)
          .type('text/html; charset=utf-8')
          .send(await placementPage(req, { v, errors: formErrors(e, req.lang, ['delegated', 'reason']) }));
      }
    }),
  );
}
