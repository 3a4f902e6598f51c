/**
 * Reception pages: the list of arrivals being received, the handover form, one page per reception
 * with its steps, one form per step, and the printable belongings receipt. No JavaScript needed.
 */
import { SENTENCE_FORM_FIELDS, sentenceFromForm } from '../custody/index.js';
import type { FastifyReply } from 'fastify';
import { type Actor, can } from '../../core/access.js';
import { AppError, type FieldError, forbidden } from '../../core/errors.js';
import { formatBamako, bamakoDate } from '../../core/dates.js';
import { t, type Lang } from '../../core/i18n.js';
import type { App, AppContext } from '../../http/context.js';
import type { BirthInput } from '../people/index.js';
import { occupancyReport, listPrisons } from '../estate/index.js';
import { listCodes } from '../reference/index.js';
import { type Candidate, findCandidates, recordDecision } from '../identity/index.js';
import {
  checkbox,
  checkboxGroup,
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
  raw,
  dl,
  layout,
  page,
  type Req,
  send,
  num,
  parseForm,
} from '../web/index.js';
import { candidateLabel, candidateQuery } from '../identity/index.js';
import { FINGERPRINTS, FITNESS, INVOLVEMENT, REASONS, type Step, STEPS, skippedBefore } from './rules.js';
import './page-messages.js';
import {
  readAttachment,
  receptionAttachments,
  saveAttachment,
  contentDisposition,
  KINDS,
  readUpload,
} from '../attachments/index.js';
import {
  canRecordStep,
  canStart,
  completeReception,
  getReception,
  listReceptions,
  recordStep,
  type ReceptionView,
  startReception,
} from './service.js';
import { Administration, Handover, Interview, Medical, Registry, Security } from './routes.js';
import { expectedArrivalsHtml, registrationPrefill } from './chain-port.js';

type V = Record<string, string | string[] | undefined>;
const str = (v: V, k: string) => {
  const x = v[k];
  return (Array.isArray(x) ? x[0] : (x ?? '')).trim();
};
const opt = (v: V, k: string) => str(v, k) || null;
const list = (v: V, k: string) => {
  const x = v[k];
  return (Array.isArray(x) ? x : x ? [x] : []).filter(Boolean);
};
const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
const required = (v: V, names: string[]): FieldError[] =>
  names.filter((n) => !str(v, n)).map((n) => ({ field: `/${n.replace(/\./g, '/')}`, key: 'field.required' }));

function stepLabel(lang: Lang, s: Step): string {
  return t(lang, `reception.step.${s}`);
}

/** What a step recorded, in words: the fields a reader may see (restricted parts stay out: getReception hides them). */
const RECORDED: Record<Step, [string, string][]> = {
  security: [
    ['rules_explained', 'web.rec.rules_explained'],
    ['body_search_done', 'web.rec.body_search'],
    ['prohibited_items', 'web.rec.prohibited_items'],
  ],
  administration: [
    ['committal_number', 'web.committal_number'],
    ['photo_taken', 'web.rec.photo_taken'],
    ['warrant_scanned', 'web.rec.warrant_scanned'],
  ],
  registry: [
    ['items', 'web.rec.items'],
    ['money', 'web.rec.money'],
    ['phones', 'web.rec.phones'],
    ['notes', 'web.rec.notes'],
  ],
  medical: [],
  interview: [
    ['background', 'web.rec.background'],
    ['family_situation', 'web.rec.family'],
  ],
};
function recordedValue(lang: Lang, v: unknown): string {
  if (typeof v === 'boolean') return t(lang, v ? 'web.yes' : 'web.no');
  if (Array.isArray(v))
    return (
      v
        .map((x) =>
          x && typeof x === 'object'
            ? Object.values(x as Record<string, unknown>)
                .filter((y) => typeof y === 'string' || typeof y === 'number')
                .join(' ')
            : String(x),
        )
        .join(' ; ') || '—'
    );
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '—';
}

/** A step's page for a reader who may not record it, or once it is done: what was recorded, read-only. */
function stepRecord(req: Req, r: ReceptionView, step: Step): string {
  const lang = req.lang;
  const s = r.steps.find((x) => x.step === step)!;
  const rows: [string, string][] = s.done
    ? [
        [t(lang, 'web.rec.recorded_on'), formatBamako(s.done_at, lang)],
        ...(s.out_of_order_reason
          ? [[t(lang, 'web.rec.out_of_order'), s.out_of_order_reason] as [string, string]]
          : []),
        ...(s.data
          ? RECORDED[step]
              .filter(([k]) => s.data![k] !== undefined && s.data![k] !== null)
              .map(([k, label]) => [t(lang, label), recordedValue(lang, s.data![k])] as [string, string])
          : []),
      ]
    : [];
  return layout(
    req,
    `${stepLabel(lang, step)} — ${r.handover.warrant_name}`,
    html`${
      !canRecordStep(req.actor!, step) && r.status === 'in_progress' && !s.done
        ? html`<p>${t(lang, 'web.rec.read_only')}</p>`
        : null
    }
${s.done ? dl(rows) : html`<p>${t(lang, 'web.rec.not_recorded')}</p>`}
${s.done && !s.data && step !== 'security' ? html`<p>${t(lang, 'web.rec.values_hidden')}</p>` : null}
<p><a href="/receptions/${r.id}">${t(lang, 'web.rec.back')}</a></p>`,
  );
}

function stepsTable(lang: Lang, actor: Actor, r: ReceptionView): Raw {
  return html`<table><thead><tr><th scope="col">${t(lang, 'web.rec.step')}</th><th scope="col">${t(lang, 'web.rec.state')}</th>
<th scope="col">${t(lang, 'web.history.when')}</th><th scope="col">${t(lang, 'web.rec.out_of_order')}</th></tr></thead><tbody>
${r.steps.map(
  (s) => html`<tr id="step-${s.step}"><td>${
    s.done || (r.status === 'in_progress' && canRecordStep(actor, s.step))
      ? html`<a href="/receptions/${r.id}/steps/${s.step}">${stepLabel(lang, s.step)}</a>`
      : stepLabel(lang, s.step)
  }</td>
<td>${s.done ? t(lang, 'web.rec.done') : html`<strong>${t(lang, 'web.rec.todo')}</strong>`}</td>
<td>${s.done_at ? formatBamako(s.done_at, lang) : ''}</td><td>${s.out_of_order_reason ?? ''}</td></tr>`,
)}
</tbody></table>`;
}

/** When the cell chosen at the security office was refused once the file said who the person is. */
function placementRefusal(req: Req, r: ReceptionView): Raw | null {
  const lang = req.lang;
  const admin = r.steps.find((s) => s.step === 'administration');
  const refused = (admin?.data?.placement_refused ?? []) as {
    code: string;
    message_key: string;
    params?: Record<string, string | number>;
  }[];
  if (!refused.length || !r.admission_id) return null;
  return html`<div class="notice" role="status"><p>${t(lang, 'web.rec.placement_refused')}</p><ul>
${refused.map((x) => html`<li>${t(lang, x.message_key, x.params ?? {})}</li>`)}</ul>
<p><a href="/admissions/${r.admission_id}/move">${t(lang, 'web.rec.allocate_now')}</a></p></div>`;
}

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify registration functions are async
export async function receptionPages(app: App, { database, config }: AppContext): Promise<void> {
  const db = database.db;

  app.get(
    '/receptions',
    { schema: { hide: true } },
    page(async (req) => {
      const lang = req.lang;
      const items = await listReceptions(db, req.actor!);
      // The arrivals announced by the forces (chain module), when it is there.
      const expected = await expectedArrivalsHtml(db, req.actor!, lang);
      return layout(
        req,
        t(lang, 'web.rec.list_title'),
        html`${canStart(req.actor!) ? html`<p><a class="button" href="/receptions/new">${t(lang, 'web.rec.new')}</a></p>` : null}
${expected ? raw(expected) : null}
${
  items.length
    ? html`<table><thead><tr><th scope="col">${t(lang, 'web.rec.arrived')}</th>
<th scope="col">${t(lang, 'web.rec.warrant_name')}</th><th scope="col">${t(lang, 'web.committal_number')}</th>
<th scope="col">${t(lang, 'web.rec.missing')}</th></tr></thead><tbody>
${items.map(
  (r) => html`<tr><td>${formatBamako(r.arrived_at, lang)}</td>
<td><a href="/receptions/${r.id}">${r.handover.warrant_name}</a></td><td>${r.committal_number ?? '—'}</td>
<td>${r.missing.map((s) => stepLabel(lang, s)).join(' · ')}</td></tr>`,
)}
</tbody></table>`
    : html`<p>${t(lang, 'web.rec.none')}</p>`
}`,
      );
    }),
  );

  const handoverForm = async (req: Req, v: V, errors: FormErrors | null) => {
    const lang = req.lang;
    const actor = req.actor!;
    const prisons = (await listPrisons(db, actor)).filter((p) => actor.national || actor.prisonIds.includes(p.id));
    const [authorities, regions] = await Promise.all([
      listCodes(db, actor, 'arresting_authority'),
      listCodes(db, actor, 'region'),
    ]);
    const f = (name: string, label: string, req2 = false) =>
      textField({ label, name, value: str(v, name), errors, required: req2 });
    return layout(
      req,
      t(lang, 'web.rec.new'),
      html`${errorSummary(lang, errors)}<p>${t(lang, 'web.rec.handover_intro')}</p>
<form id="form" method="post" action="/receptions/new" novalidate>${hidden('_csrf', req.sessionCsrf ?? '')}
${
  prisons.length > 1
    ? selectField({
        label: t(lang, 'web.prison'),
        name: 'prison',
        value: str(v, 'prison'),
        errors,
        required: true,
        options: prisons.map((p) => [p.code, p.name]),
      })
    : hidden('prison', prisons[0]?.code ?? '')
}
<fieldset><legend>${t(lang, 'web.rec.force')}</legend>
${selectField({
  label: t(lang, 'web.arresting_authority'),
  name: 'arresting_authority',
  value: str(v, 'arresting_authority'),
  errors,
  required: true,
  options: authorities.map((c) => [c.code, lang === 'fr' ? c.label_fr : c.label_en]),
  placeholder: t(lang, 'web.choose'),
})}
${f('officer_name', t(lang, 'web.rec.officer_name'))}${f('officer_rank', t(lang, 'web.rec.officer_rank'))}${f(
        'officer_unit',
        t(lang, 'web.rec.officer_unit'),
      )}</fieldset>
<fieldset><legend>${t(lang, 'web.rec.warrant')}</legend>
${f('warrant_name', t(lang, 'web.rec.warrant_name'), true)}${f('warrant_birth', t(lang, 'web.rec.warrant_birth'))}
${selectField({
  label: t(lang, 'web.rec.warrant_region'),
  name: 'warrant_region',
  value: str(v, 'warrant_region'),
  errors,
  options: regions.map((c) => [c.code, lang === 'fr' ? c.label_fr : c.label_en]),
  placeholder: t(lang, 'web.choose'),
})}
${f('warrant_charge', t(lang, 'web.rec.warrant_charge'))}${f('warrant_reference', t(lang, 'web.rec.warrant_reference'))}</fieldset>
<fieldset><legend>${t(lang, 'web.rec.shared')}</legend>
${textArea({ label: t(lang, 'web.rec.information_shared'), name: 'information_shared', value: str(v, 'information_shared'), errors })}
${textArea({ label: t(lang, 'web.rec.evidence_shared'), name: 'evidence_shared', value: str(v, 'evidence_shared'), errors })}
${checkbox({
  label: t(lang, 'web.rec.nothing_shared'),
  name: 'nothing_shared',
  checked: str(v, 'nothing_shared') === '1',
  errors,
})}</fieldset>
<button type="submit">${t(lang, 'web.rec.start')}</button></form>`,
    );
  };

  app.get(
    '/receptions/new',
    { schema: { hide: true } },
    // The handover form only for those who may start a reception (the service refuses the others).
    page(async (req) => {
      if (!canStart(req.actor!)) throw forbidden();
      return handoverForm(req, {}, null);
    }),
  );
  app.post(
    '/receptions/new',
    { schema: { hide: true } },
    page(async (req, reply) => {
      const v = (req.body ?? {}) as V;
      const names = [
        'prison',
        'arresting_authority',
        'officer_name',
        'officer_rank',
        'officer_unit',
        'warrant_name',
        'warrant_birth',
        'warrant_region',
        'warrant_charge',
        'warrant_reference',
        'information_shared',
        'evidence_shared',
        'nothing_shared',
      ];
      const missing = required(v, ['arresting_authority', 'warrant_name']);
      try {
        if (missing.length) throw new AppError(422, 'error.validation', {}, missing);
        const r = await startReception(
          db,
          req.actor!,
          parseForm(
            Handover,
            {
              prison: str(v, 'prison'),
              arresting_authority: str(v, 'arresting_authority'),
              officer_name: opt(v, 'officer_name'),
              officer_rank: opt(v, 'officer_rank'),
              officer_unit: opt(v, 'officer_unit'),
              warrant_name: str(v, 'warrant_name'),
              warrant_birth: opt(v, 'warrant_birth'),
              warrant_region: opt(v, 'warrant_region'),
              warrant_charge: opt(v, 'warrant_charge'),
              warrant_reference: opt(v, 'warrant_reference'),
              information_shared: opt(v, 'information_shared'),
              evidence_shared: opt(v, 'evidence_shared'),
              nothing_shared: str(v, 'nothing_shared') === '1',
            },
            req.lang,
          ),
        );
        return await reply.redirect(`/receptions/${r.id}`, 303);
      } catch (e) {
        if (!(e instanceof AppError) || e.status !== 422) throw e;
        return send(reply, await handoverForm(req, v, formErrors(e, req.lang, names)), 422);
      }
    }),
  );

  const overview = async (req: Req, id: string, errors: FormErrors | null) => {
    const lang = req.lang;
    const r = await getReception(db, req.actor!, id, { medical: true });
    const files = await receptionAttachments(db, req.actor!, r.id, r.prison_id);
    const h = r.handover;
    return layout(
      req,
      t(lang, 'web.rec.title', { name: h.warrant_name }),
      html`${errorSummary(lang, errors)}
<p>${t(lang, `web.rec.status.${r.status}`)}${
        r.committal_number
          ? html` — ${t(
              lang,
              'web.committal_number',
            )} ${r.committal_number} — <a href="/people/${r.person_id}">${t(lang, 'web.rec.open_file')}</a>`
          : null
      }</p>
<h2>${t(lang, 'web.rec.handover')}</h2>
${dl([
  [t(lang, 'web.rec.arrived'), formatBamako(r.arrived_at, lang)],
  [t(lang, 'web.arresting_authority'), h.arresting_authority],
  [
    t(lang, 'web.rec.officer_name'),
    [h.officer_rank, h.officer_name, h.officer_unit].filter(Boolean).join(' — ') || '—',
  ],
  [
    t(lang, 'web.rec.warrant'),
    [h.warrant_name, h.warrant_birth, h.warrant_region, h.warrant_charge, h.warrant_reference]
      .filter(Boolean)
      .join(' — '),
  ],
  [
    t(lang, 'web.rec.shared'),
    h.nothing_shared
      ? html`<strong>${t(lang, 'web.rec.nothing_shared_short')}</strong>`
      : [h.information_shared, h.evidence_shared].filter(Boolean).join(' — ') || '—',
  ],
])}
<h2>${t(lang, 'web.rec.steps')}</h2>${stepsTable(lang, req.actor!, r)}
${placementRefusal(req, r)}
${
  r.medical
    ? html`<h2>${t(lang, 'web.rec.injury_report')}</h2>${dl([
        [t(lang, 'web.rec.injuries'), r.medical.visible_injuries ?? '—'],
        [t(lang, 'web.rec.ill_treatment'), t(lang, r.medical.ill_treatment_alleged ? 'web.yes' : 'web.no')],
        [t(lang, 'web.rec.account'), r.medical.ill_treatment_account ?? '—'],
      ])}${
        r.medical.ill_treatment_alleged && r.admission_id && req.actor!.permissions.has('complaints.record')
          ? html`<p><a href="/complaints/new?admission=${r.admission_id}&reception=${r.id}">${t(lang, 'web.rec.allegation_complaint')}</a>
</p>`
          : null
      }`
    : null
}
<h2>${t(lang, 'web.rec.attachments')}</h2>
${
  files.length
    ? html`<ul>
${files.map(
  (a) => html`<li><a href="/attachments/${a.id}">${t(
    lang,
    `web.rec.kind.${a.kind}`,
  )} — ${a.filename}</a> (${Math.ceil(a.size_bytes / 1024)} Ko)</li>
`,
)}</ul>`
    : html`<p>${t(lang, 'web.none')}</p>`
}
${
  r.status === 'in_progress' && can(req.actor!, 'person.write')
    ? html`<form id="upload" method="post" action="/receptions/${r.id}/attachments?_csrf=${encodeURIComponent(
        req.sessionCsrf ?? '',
      )}" enctype="multipart/form-data">
${selectField({
  label: t(lang, 'web.rec.attachment_kind'),
  name: 'kind',
  value: '',
  errors,
  required: true,
  options: KINDS.filter((k) => k !== 'medical' || req.actor!.permissions.has('health.write')).map((k) => [
    k,
    t(lang, `web.rec.kind.${k}`),
  ]),
})}
<div class="field"><label for="f-file">${t(lang, 'web.rec.file')} *</label>
<p class="hint" id="f-file-hint">${t(lang, 'web.rec.file_hint', { max: Math.round(config.attachmentMaxBytes / 1024 / 1024) })}</p>
<input type="file" id="f-file" name="file" accept="image/jpeg,image/png,application/pdf" aria-describedby="f-file-hint"></div>
<button type="submit">${t(lang, 'web.rec.attach')}</button></form>`
    : null
}
${
  r.steps.find((s) => s.step === 'registry' && s.done)
    ? html`<p><a href="/receptions/${r.id}/receipt">${t(lang, 'web.rec.receipt')}</a>
</p>`
    : null
}
${
  r.status === 'in_progress' && (can(req.actor!, 'intake.complete') || can(req.actor!, 'intake.administration'))
    ? html`<form id="form" method="post" action="/receptions/${r.id}/complete">${hidden(
        '_csrf',
        req.sessionCsrf ?? '',
      )}<button type="submit">${t(lang, 'web.rec.complete')}</button>
</form>`
    : null
}`,
    );
  };

  app.get(
    '/receptions/:id',
    { schema: { hide: true } },
    page(async (req) => overview(req, req.params.id, null)),
  );
  app.post(
    '/receptions/:id/complete',
    { schema: { hide: true } },
    page(async (req, reply) => {
      try {
        await completeReception(db, req.actor!, req.params.id);
        return await reply.redirect(`/receptions/${req.params.id}`, 303);
      } catch (e) {
        if (!(e instanceof AppError) || e.status !== 422) throw e;
        // Each missing step links to its form.
        // Each missing step links to its line in the table of steps.
        const errors: FormErrors = {
          byName: new Map(),
          items: e.fields.map((f) => ({
            id: `step-${f.field.split('/').pop()}`,
            message: t(req.lang, f.key, f.params),
          })),
        };
        return send(reply, await overview(req, req.params.id, errors), 422);
      }
    }),
  );

  app.post(
    '/receptions/:id/attachments',
    { schema: { hide: true } },
    page(async (req, reply) => {
      const r = await getReception(db, req.actor!, req.params.id);
      try {
        const { fields, file } = await readUpload(req);
        const kind = fields.kind ?? '';
        await saveAttachment(db, req.actor!, config.attachmentsDir, config.attachmentMaxBytes, {
          prison: r.prison_id,
          person_id: r.person_id,
          reception_id: r.id,
          kind,
          filename: file?.filename ?? '',
          data: file?.data ?? Buffer.alloc(0),
          truncated: file?.truncated,
        });
        return await reply.redirect(`/receptions/${r.id}`, 303);
      } catch (e) {
        if (!(e instanceof AppError) || (e.status !== 422 && e.status !== 413)) throw e;
        return send(reply, await overview(req, r.id, formErrors(e, req.lang, ['kind', 'file'])), e.status);
      }
    }),
  );

  app.get(
    '/attachments/:id',
    { schema: { hide: true } },
    page(async (req, reply) => {
      const { meta, data } = await readAttachment(db, req.actor!, config.attachmentsDir, req.params.id);
      return reply
        .type(meta.content_type)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', contentDisposition(meta.filename, meta.content_type))
        .send(data);
    }),
  );

  app.get(
    '/receptions/:id/receipt',
    { schema: { hide: true } },
    page(async (req) => {
      const lang = req.lang;
      const r = await getReception(db, req.actor!, req.params.id);
      const d = (r.steps.find((s) => s.step === 'registry')?.data ?? {}) as {
        items?: { item: string; quantity: number; description?: string }[];
        money?: { amount: number; currency: string }[];
        id_documents?: { kind: string; number?: string }[];
        phones?: { description: string; imei?: string }[];
        notes?: string;
      };
      return layout(
        req,
        t(lang, 'web.rec.receipt'),
        html`<p>${r.handover.warrant_name} — ${r.committal_number ?? ''} — ${formatBamako(
          r.steps.find((s) => s.step === 'registry')?.done_at ?? null,
          lang,
        )}</p>
<table><thead><tr><th scope="col">${t(lang, 'web.rec.item')}</th><th scope="col" class="num">${t(lang, 'web.rec.quantity')}</th>
<th scope="col">${t(lang, 'web.rec.description')}</th></tr></thead><tbody>
${(d.items ?? []).map((i) => html`<tr><td>${i.item}</td><td class="num">${i.quantity}</td><td>${i.description ?? ''}</td></tr>`)}
${(d.money ?? []).map(
  (m) => html`<tr><td>${t(lang, 'web.rec.money')}</td>
<td class="num">${m.amount.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB')} ${m.currency}</td><td></td></tr>`,
)}
${(d.id_documents ?? []).map(
  (x) => html`<tr><td>${t(lang, 'web.rec.id_document')}</td><td class="num">1</td>
<td>${x.kind} ${x.number ?? ''}</td></tr>`,
)}
${(d.phones ?? []).map(
  (x) => html`<tr><td>${t(lang, 'web.rec.phone')}</td><td class="num">1</td>
<td>${x.description} ${x.imei ?? ''}</td></tr>`,
)}
</tbody></table>
<p class="signatures">${t(lang, 'web.rec.signature_detainee')} ____________________ &nbsp; ${t(
          lang,
          'web.rec.signature_clerk',
        )} ____________________</p>
`,
      );
    }),
  );

  const stepForm = async (
    req: Req,
    r: ReceptionView,
    step: Step,
    v: V,
    errors: FormErrors | null,
    candidates: Candidate[] | null = null,
  ): Promise<string> => {
    const lang = req.lang;
    const actor = req.actor!;
    const done = new Set(r.steps.filter((s) => s.done).map((s) => s.step));
    const skipped = skippedBefore(step, done);
    const f = (name: string, label: string, o: { required?: boolean; type?: string } = {}) =>
      textField({ label, name, value: str(v, name), errors, ...o });
    const ta = (name: string, label: string) => textArea({ label, name, value: str(v, name), errors });
    const sel = (name: string, label: string, options: [string, string][], req2 = false) =>
      selectField({
        label,
        name,
        value: str(v, name),
        errors,
        required: req2,
        options,
        placeholder: t(lang, 'web.choose'),
      });
    const codes = async (kind: string) =>
      (await listCodes(db, actor, kind)).map(
        (c) => [c.code, lang === 'fr' ? c.label_fr : c.label_en] as [string, string],
      );
    let body: Raw;
    if (step === 'security') {
      const occ = await occupancyReport(db, actor, { prison: r.prison_id });
      const cells: [string, string][] = (occ.prisons[0]?.units ?? []).flatMap((u) =>
        u.cells.map(
          (c) =>
            [
              c.id,
              `${u.code} / ${c.code} — ${c.population}/${c.capacity ?? '?'}${
                c.capacity !== null && c.population >= c.capacity ? ` (${t(lang, 'web.rec.full')})` : ''
              }`,
            ] as [string, string],
        ),
      );
      body = html`${checkbox({
        label: t(lang, 'web.rec.rules_explained'),
        name: 'rules_explained',
        checked: str(v, 'rules_explained') === '1',
        errors,
      })}
${sel('rules_language', t(lang, 'web.rec.rules_language'), await codes('language'))}
${sel('cell_id', t(lang, 'web.adm.cell'), cells)}${f('over_capacity_reason', t(lang, 'web.adm.over_capacity_reason'))}
${
  r.admission_id && actor.permissions.has('housing.override')
    ? textArea({
        label: t(lang, 'cls.mv.override'),
        name: 'override_reason',
        value: str(v, 'override_reason'),
        errors,
        hint: t(lang, 'cls.mv.override_hint'),
      })
    : null
}
${checkbox({ label: t(lang, 'web.rec.body_search'), name: 'body_search_done', checked: str(v, 'body_search_done') === '1', errors })}
${ta('prohibited_items', t(lang, 'web.rec.prohibited_items'))}`;
    } else if (step === 'administration') {
      body = html`<fieldset><legend>${t(lang, 'web.adm.person')}</legend>
${f('person.family_name', t(lang, 'web.family_name'), { required: true })}${f('person.given_names', t(lang, 'web.given_names'))}
${sel(
  'person.sex',
  t(lang, 'web.sex'),
  [
    ['male', t(lang, 'person.sex.male')],
    ['female', t(lang, 'person.sex.female')],
  ],
  true,
)}
${sel(
  'person.birth.precision',
  t(lang, 'web.adm.birth_precision'),
  (['exact', 'month', 'year', 'estimated', 'unknown'] as const).map((p) => [p, t(lang, `person.precision.${p}`)]),
  true,
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
${sel('person.education_level', t(lang, 'web.rec.education'), await codes('education_level'))}${sel(
        'person.occupation',
        t(lang, 'web.rec.occupation'),
        await codes('occupation'),
      )}</fieldset>
<fieldset><legend>${t(lang, 'web.rec.biometrics')}</legend>
${checkbox({ label: t(lang, 'web.rec.photo_taken'), name: 'photo_taken', checked: str(v, 'photo_taken') === '1', errors })}
${sel(
  'fingerprints',
  t(lang, 'web.rec.fingerprints'),
  FINGERPRINTS.map((x) => [x, t(lang, `reception.fingerprints.${x}`)]),
  true,
)}${f('fingerprints_reason', t(lang, 'web.rec.fingerprints_reason'))}
${checkbox({
  label: t(lang, 'web.rec.warrant_scanned'),
  name: 'warrant_scanned',
  checked: str(v, 'warrant_scanned') === '1',
  errors,
})}</fieldset>
<fieldset><legend>${t(lang, 'web.adm.document')}</legend>
${sel(
  'legal_document.kind',
  t(lang, 'web.adm.doc_kind'),
  (['committal_order', 'arrest_warrant', 'committal_for_trial', 'conviction'] as const).map((k) => [
    k,
    t(lang, `custody.doc.${k}`),
  ]),
  true,
)}
${f('legal_document.authority', t(lang, 'web.adm.doc_authority'), { required: true })}${f(
        'legal_document.reference',
        t(lang, 'web.adm.doc_reference'),
        { required: true },
      )}
${f('legal_document.issued_on', t(lang, 'web.adm.doc_issued_on'), { required: true, type: 'date' })}
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
${f('charges.0.qualification', t(lang, 'web.adm.charge_qualification'), { required: true })}
${sel(
  'charges.0.category',
  t(lang, 'web.adm.charge_category'),
  (['contravention', 'misdemeanour', 'felony'] as const).map((c) => [c, t(lang, `web.charge.${c}`)]),
  true,
)}</fieldset>
${
  candidates
    ? html`${hidden('identity.checked', '1')}<section aria-labelledby="cand-h">
<h2 id="cand-h">${t(lang, 'web.adm.candidates.title', { n: candidates.length })}</h2><p>${t(lang, 'web.adm.candidates.intro')}</p>
${radioGroup({
  label: t(lang, 'web.adm.candidates.choice'),
  name: 'identity.choice',
  value: str(v, 'identity.choice'),
  errors,
  required: true,
  options: [
    ...candidates.map((c) => ({
      value: c.person_id,
      label: candidateLabel(lang, c),
    })),
    {
      value: 'new',
      label: t(lang, 'web.adm.candidates.new'),
    },
  ],
})}</section>
`
    : str(v, 'identity.checked')
      ? hidden('identity.checked', '1')
      : null
}`;
    } else if (step === 'registry') {
      body = html`${ta('items', t(lang, 'web.rec.items'))}${f('money.0.amount', t(lang, 'web.rec.money_amount'), {
        type: 'number',
      })}${f('money.0.currency', t(lang, 'web.rec.currency'))}
${ta('id_documents', t(lang, 'web.rec.id_documents'))}${ta('phones', t(lang, 'web.rec.phones'))}${ta('notes', t(lang, 'web.rec.notes'))}`;
    } else if (step === 'medical') {
      body = html`${ta('visible_injuries', t(lang, 'web.rec.injuries'))}
${checkbox({
  label: t(lang, 'web.rec.ill_treatment'),
  name: 'ill_treatment_alleged',
  checked: str(v, 'ill_treatment_alleged') === '1',
  errors,
})}
${ta('ill_treatment_account', t(lang, 'web.rec.account'))}
${sel(
  'fitness',
  t(lang, 'web.rec.fitness'),
  FITNESS.map((x) => [x, t(lang, `reception.fitness.${x}`)]),
  true,
)}${f('referral', t(lang, 'web.rec.referral'))}${ta('notes', t(lang, 'web.rec.notes'))}`;
    } else {
      body = html`${sel(
        'interviewer',
        t(lang, 'web.rec.interviewer'),
        [
          ['director', t(lang, 'web.rec.director')],
          ['social_worker', t(lang, 'web.rec.social_worker')],
        ],
        true,
      )}
${ta('background', t(lang, 'web.rec.background'))}${ta('family_situation', t(lang, 'web.rec.family'))}${ta(
        'own_account',
        t(lang, 'web.rec.own_account'),
      )}
${sel('education_level', t(lang, 'web.rec.education'), await codes('education_level'))}${sel(
        'occupation',
        t(lang, 'web.rec.occupation'),
        await codes('occupation'),
      )}
${f('affiliation_declared', t(lang, 'web.rec.affiliation'))}
${sel(
  'involvement',
  t(lang, 'web.rec.involvement'),
  INVOLVEMENT.map((x) => [x, t(lang, `reception.interview.${x}`)]),
  true,
)}
${checkboxGroup({
  label: t(lang, 'web.rec.reasons'),
  name: 'reasons',
  options: REASONS.map((x) => [x, t(lang, `reception.reason.${x}`)]),
  values: list(v, 'reasons'),
  errors,
})}
${ta('free_text', t(lang, 'web.rec.free_text'))}`;
    }
    return layout(
      req,
      `${stepLabel(lang, step)} — ${r.handover.warrant_name}`,
      html`${errorSummary(lang, errors)}
<form id="form" method="post" action="/receptions/${r.id}/steps/${step}" novalidate>${hidden('_csrf', req.sessionCsrf ?? '')}
${
  skipped.length
    ? html`<p class="notice">${t(lang, 'web.rec.out_of_order_intro', { steps: skipped.map((s) => stepLabel(lang, s)).join(', ') })}</p>
${f('out_of_order_reason', t(lang, 'web.rec.out_of_order'), { required: true })}`
    : null
}
${body}<button type="submit">${t(lang, 'web.rec.save_step')}</button></form>
<p><a href="/receptions/${r.id}">${t(lang, 'web.rec.back')}</a></p>`,
    );
  };

  const isStep = (s: string | undefined): s is Step => (STEPS as readonly string[]).includes(s ?? '');
  app.get(
    '/receptions/:id/steps/:step',
    { schema: { hide: true } },
    page(async (req) => {
      const step = req.params.step;
      if (!isStep(step)) throw new AppError(404, 'error.not_found');
      const r = await getReception(db, req.actor!, req.params.id);
      // The form only for those who can save it, while the step is to be done; otherwise what was recorded.
      if (
        r.status !== 'in_progress' ||
        r.steps.some((s) => s.step === step && s.done) ||
        !canRecordStep(req.actor!, step)
      )
        return stepRecord(req, r, step);
      // A reception started from an announced arrival: the registration starts from what was announced.
      const announced =
        step === 'administration' && !r.admission_id ? await registrationPrefill(db, req.actor!, r.id) : null;
      return stepForm(req, r, step, announced ?? {}, null);
    }),
  );

  app.post(
    '/receptions/:id/steps/:step',
    { schema: { hide: true } },
    page(async (req, reply: FastifyReply) => {
      const step = req.params.step;
      if (!isStep(step)) throw new AppError(404, 'error.not_found');
      const actor = req.actor!;
      const r = await getReception(db, actor, req.params.id);
      const v = (req.body ?? {}) as V;
      const yes = (k: string) => str(v, k) === '1';
      const ooo = opt(v, 'out_of_order_reason');
      let candidates: Candidate[] | null = null;
      try {
        if (step === 'security') {
          await recordStep(
            db,
            actor,
            r.id,
            step,
            parseForm(
              Security,
              {
                rules_explained: yes('rules_explained'),
                rules_language: opt(v, 'rules_language'),
                cell_id: opt(v, 'cell_id'),
                over_capacity_reason: opt(v, 'over_capacity_reason'),
                override_reason: opt(v, 'override_reason'),
                body_search_done: yes('body_search_done'),
                prohibited_items: lines(str(v, 'prohibited_items')).map((item) => ({ item })),
                out_of_order_reason: ooo,
              },
              req.lang,
            ),
          );
        } else if (step === 'administration') {
          const missing = required(v, [
            'person.family_name',
            'person.sex',
            'person.birth.precision',
            'fingerprints',
            'legal_document.kind',
            'legal_document.authority',
            'legal_document.reference',
            'legal_document.issued_on',
            'charges.0.qualification',
            'charges.0.category',
          ]);
          if (missing.length) throw new AppError(422, 'error.validation', {}, missing);
          const precision = str(v, 'person.birth.precision') as BirthInput['precision'];
          const birth: BirthInput =
            precision === 'estimated'
              ? {
                  precision,
                  estimated_age: num(v, 'person.birth.estimated_age') as number | null,
                  estimated_on: bamakoDate(),
                }
              : precision === 'unknown'
                ? { precision }
                : { precision, date: opt(v, 'person.birth.date') };
          const person = {
            family_name: str(v, 'person.family_name'),
            given_names: str(v, 'person.given_names'),
            sex: str(v, 'person.sex') as 'male' | 'female',
            birth,
            nina: opt(v, 'person.nina'),
            father_name: opt(v, 'person.father_name'),
            mother_name: opt(v, 'person.mother_name'),
            education_level: opt(v, 'person.education_level'),
            occupation: opt(v, 'person.occupation'),
          };
          const input = {
            photo_taken: yes('photo_taken'),
            fingerprints: str(v, 'fingerprints') as (typeof FINGERPRINTS)[number],
            fingerprints_reason: opt(v, 'fingerprints_reason'),
            warrant_scanned: yes('warrant_scanned'),
            legal_document: {
              kind: str(v, 'legal_document.kind') as 'committal_order',
              authority: str(v, 'legal_document.authority'),
              reference: str(v, 'legal_document.reference'),
              issued_on: str(v, 'legal_document.issued_on'),
              ...sentenceFromForm((k) => str(v, k)),
            },
            charges: [
              { qualification: str(v, 'charges.0.qualification'), category: str(v, 'charges.0.category') as 'felony' },
            ],
            out_of_order_reason: ooo,
          };
          // The API's schema first: a bad value never reaches the identity search nor the database.
          parseForm(Administration, { ...input, person }, req.lang);
          // Existing files that may be this person are shown before a new file is created (issue 4).
          const query = candidateQuery({
            prison: r.prison_id,
            person,
            arresting_authority: '',
            legal_document: input.legal_document,
            charges: input.charges,
          });
          const canMatch = actor.permissions.has('identity.match');
          candidates = canMatch
            ? (await findCandidates(db, actor, query, { lang: req.lang, limit: 5 })).filter(
                (c) => c.decision !== 'different',
              )
            : [];
          if (candidates.length && str(v, 'identity.checked') !== '1')
            return await send(reply, await stepForm(req, r, step, v, null, candidates));
          const choice = str(v, 'identity.choice');
          if (candidates.length && !choice)
            throw new AppError(422, 'error.validation', {}, [
              { field: '/identity/choice', key: 'web.adm.candidates.required' },
            ]);
          const existing = choice && choice !== 'new' ? choice : null;
          const out = await recordStep(
            db,
            actor,
            r.id,
            step,
            parseForm(Administration, existing ? { ...input, person_id: existing } : { ...input, person }, req.lang),
          );
          if (canMatch)
            await recordDecision(db, actor, {
              prison_id: r.prison_id,
              decision: existing ? 'existing_person' : 'new_person',
              person_id: out.person_id,
              admission_id: out.admission_id,
              query,
              candidates: candidates.map((c) => ({ person_id: c.person_id, score: c.score })),
            });
        } else if (step === 'registry') {
          const items = lines(str(v, 'items')).map((l) => {
            const m = /^(\d+)\s*[x×]?\s+(.+)$/.exec(l);
            return m ? { item: m[2], quantity: Number(m[1]) } : { item: l, quantity: 1 };
          });
          const amount = str(v, 'money.0.amount');
          await recordStep(
            db,
            actor,
            r.id,
            step,
            parseForm(
              Registry,
              {
                items,
                money: amount
                  ? [
                      {
                        amount: num(v, 'money.0.amount'),
                        currency: (str(v, 'money.0.currency') || 'XOF').toUpperCase(),
                      },
                    ]
                  : [],
                id_documents: lines(str(v, 'id_documents')).map((kind) => ({ kind })),
                phones: lines(str(v, 'phones')).map((description) => ({ description })),
                notes: opt(v, 'notes'),
                out_of_order_reason: ooo,
              },
              req.lang,
            ),
          );
        } else if (step === 'medical') {
          const missing = required(v, ['fitness']);
          if (missing.length) throw new AppError(422, 'error.validation', {}, missing);
          await recordStep(
            db,
            actor,
            r.id,
            step,
            parseForm(
              Medical,
              {
                visible_injuries: opt(v, 'visible_injuries'),
                ill_treatment_alleged: yes('ill_treatment_alleged'),
                ill_treatment_account: opt(v, 'ill_treatment_account'),
                fitness: str(v, 'fitness'),
                referral: opt(v, 'referral'),
                notes: opt(v, 'notes'),
                out_of_order_reason: ooo,
              },
              req.lang,
            ),
          );
        } else {
          const missing = required(v, ['interviewer', 'involvement']);
          if (missing.length) throw new AppError(422, 'error.validation', {}, missing);
          await recordStep(
            db,
            actor,
            r.id,
            step,
            parseForm(
              Interview,
              {
                interviewer: str(v, 'interviewer'),
                background: opt(v, 'background'),
                family_situation: opt(v, 'family_situation'),
                own_account: opt(v, 'own_account'),
                education_level: opt(v, 'education_level'),
                occupation: opt(v, 'occupation'),
                affiliation_declared: opt(v, 'affiliation_declared'),
                involvement: str(v, 'involvement'),
                reasons: list(v, 'reasons'),
                free_text: opt(v, 'free_text'),
                out_of_order_reason: ooo,
              },
              req.lang,
            ),
          );
        }
        return await reply.redirect(`/receptions/${r.id}`, 303);
      } catch (e) {
        if (!(e instanceof AppError) || e.status !== 422) throw e;
        const names = [
          ...Object.keys(v),
          'out_of_order_reason',
          'identity.choice',
          'person.family_name',
          'person.sex',
          'person.birth.precision',
          'person.birth.date',
          'fingerprints',
          'fingerprints_reason',
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
          'fitness',
          'interviewer',
          'involvement',
          'rules_language',
        ];
        const mapped = new AppError(
          e.status,
          e.key,
          e.params,
          e.fields.map((x) => (x.field === '/person_id' ? { ...x, field: '/identity/choice' } : x)),
        );
        return send(
          reply,
          await stepForm(
            req,
            r,
            step,
            v,
            formErrors(mapped, req.lang, names),
            candidates && candidates.length ? candidates : null,
          ),
          422,
        );
      }
    }),
  );
}
