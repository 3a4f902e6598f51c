/**
 * The backlog in figures, as a page (issue 5): untried and sentenced per prison and nationally,
 * time in pre-trial detention (distribution, median, longest), expired titles, hearings per month.
 * Charts are plain SVG drawn on the server (no JavaScript), each with its figures in a table too.
 */
import { t, type Lang } from '../../core/i18n.js';
import { isIsoDate } from '../../core/dates.js';
import { formatDate } from '../../web/format.js';
import { AppError } from '../../core/errors.js';
import type { App, AppContext } from '../../http/context.js';
import { backlog, type BacklogGroup } from '../justice/index.js';
import { html, layout, page, type Raw } from '../web/index.js';
import { registerMessages } from '../../core/i18n.js';

registerMessages({
  'web.backlog.title': {
    fr: 'Détention provisoire : le retard en chiffres',
    en: 'Pre-trial detention: the backlog in figures',
  },
  'web.backlog.as_of': {
    fr: 'Au {date}, calculé à partir des dossiers.',
    en: 'As of {date}, computed from the records.',
  },
  'web.backlog.date': { fr: 'Date', en: 'Date' },
  'web.backlog.show': { fr: 'Afficher', en: 'Show' },
  'web.backlog.csv': { fr: 'Télécharger en CSV', en: 'Download as CSV' },
  'web.backlog.prison': { fr: 'Établissement', en: 'Prison' },
  'web.backlog.all': { fr: 'Ensemble', en: 'All' },
  'web.backlog.held': { fr: 'Détenus', en: 'Held' },
  'web.backlog.untried': { fr: 'Non jugés', en: 'Untried' },
  'web.backlog.sentenced': { fr: 'Condamnés', en: 'Sentenced' },
  'web.backlog.median': { fr: 'Détention provisoire médiane (jours)', en: 'Median pre-trial detention (days)' },
  'web.backlog.longest': { fr: 'La plus longue (jours)', en: 'Longest (days)' },
  'web.backlog.expired': { fr: 'Titres expirés', en: 'Expired titles' },
  'web.backlog.terrorism': {
    fr: 'Poursuivis ou condamnés pour des infractions liées au terrorisme',
    en: 'Accused or convicted of terrorism-related offences',
  },
  'web.backlog.distribution': {
    fr: 'Durée de la détention provisoire (non jugés)',
    en: 'Time in pre-trial detention (untried)',
  },
  'web.backlog.hearings': { fr: 'Comparutions tenues par mois', en: 'Hearings held per month' },
  'web.backlog.count': { fr: 'Nombre', en: 'Count' },
});

/** A horizontal bar chart with its numbers written on the bars; the same data is also in a table. */
function bars(title: string, rows: { label: string; value: number }[]): Raw {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const h = 22;
  const w = 460;
  const lw = 150;
  return html`<figure><svg role="img" aria-label="${title}" viewBox="0 0 ${w} ${rows.length * h + 4}" width="100%" class="chart">
${rows.map(
  (r, i) =>
    html`<text x="0" y="${i * h + 15}" font-size="12">${r.label}</text><rect x="${lw}" y="${
      i * h + 3
    }" width="${Math.round(((w - lw - 40) * r.value) / max)}" height="${h - 6}" fill="#0b3d2e"></rect><text x="${
      lw + Math.round(((w - lw - 40) * r.value) / max) + 4
    }" y="${i * h + 15}" font-size="12">${r.value}</text>`,
)}
</svg></figure>`;
}

function groupRow(lang: Lang, label: string, g: BacklogGroup): Raw {
  return html`<tr><th scope="row">${label}</th><td class="num">${g.total}</td><td class="num">${g.untried}</td>
<td class="num">${t(lang, 'justice.backlog.sentenced_share', {
    sentenced: g.sentenced,
    total: g.total,
    percent: g.sentencedPercent ?? '—',
  })}</td>
<td class="num">${g.pretrial.medianDays ?? '—'}</td><td class="num">${g.pretrial.longestDays ?? '—'}</td>
<td class="num">${g.expiredTitles}</td></tr>`;
}

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify registration functions are async
export async function backlogPage(app: App, { database }: AppContext): Promise<void> {
  app.get(
    '/backlog',
    { schema: { hide: true } },
    page(async (req) => {
      const lang = req.lang;
      const asOf = req.query.as_of && isIsoDate(req.query.as_of) ? req.query.as_of : undefined;
      if (req.query.as_of && !asOf) throw new AppError(422, 'field.invalid_date');
      const r = await backlog(database.db, req.actor!, { prison: req.query.prison || undefined, as_of: asOf });
      const head = html`<thead><tr><th scope="col">${t(lang, 'web.backlog.prison')}</th>
<th scope="col" class="num">${t(lang, 'web.backlog.held')}</th><th scope="col" class="num">${t(lang, 'web.backlog.untried')}</th>
<th scope="col" class="num">${t(lang, 'web.backlog.sentenced')}</th>
<th scope="col" class="num">${t(lang, 'web.backlog.median')}</th>
<th scope="col" class="num">${t(lang, 'web.backlog.longest')}</th>
<th scope="col" class="num">${t(lang, 'web.backlog.expired')}</th></tr></thead>`;
      const dist = r.overall.all.pretrial.distribution.map((d) => ({
        label: t(lang, `justice.backlog.bucket.${d.bucket}`),
        value: d.count,
      }));
      const hearings = r.overall.hearingsPerMonth.map((m) => ({ label: m.month, value: m.count }));
      const csvQuery = new URLSearchParams({
        ...(req.query.prison ? { prison: req.query.prison } : {}),
        as_of: r.as_of,
      }).toString();
      return layout(
        req,
        t(lang, 'web.backlog.title'),
        html`<form method="get" action="/backlog" class="search">
<label for="f-as_of">${t(
          lang,
          'web.backlog.date',
        )}</label> <input id="f-as_of" name="as_of" type="date" value="${r.as_of}"> <button type="submit">${t(
          lang,
          'web.backlog.show',
        )}</button>
</form>
<p>${t(lang, 'web.backlog.as_of', { date: formatDate(lang, r.as_of) })} <a href="/api/justice/backlog.csv?${csvQuery}">${t(
          lang,
          'web.backlog.csv',
        )}</a>
</p>
<table>${head}<tbody>
${r.prisons.map((p) => groupRow(lang, p.name, p.figures.all))}${groupRow(lang, t(lang, 'web.backlog.all'), r.overall.all)}</tbody>
</table>
<h2>${t(lang, 'web.backlog.terrorism')}</h2>
<table>${head}<tbody>
${r.prisons.map((p) => groupRow(lang, p.name, p.figures.terrorismRelated))}${groupRow(
          lang,
          t(lang, 'web.backlog.all'),
          r.overall.terrorismRelated,
        )}</tbody>
</table>
<h2>${t(lang, 'web.backlog.distribution')}</h2>${bars(t(lang, 'web.backlog.distribution'), dist)}
<table><thead><tr><th scope="col"></th><th scope="col" class="num">${t(lang, 'web.backlog.count')}</th></tr></thead><tbody>
${dist.map((d) => html`<tr><td>${d.label}</td><td class="num">${d.value}</td></tr>`)}</tbody></table>
<h2>${t(lang, 'web.backlog.hearings')}</h2>${bars(t(lang, 'web.backlog.hearings'), hearings)}`,
      );
    }),
  );
}
