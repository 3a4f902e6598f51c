/** What GOV.UK Frontend lacks and pmis needs: stat tiles, bar charts, the print letterhead, the count grid. */
import type { Lang } from '../../core/i18n.js';
import { formatDate, formatNumber, formatTime } from '../format.js';
import { html, type Raw } from '../html.js';
import { kit } from '../messages.js';
import { classes, type Content, content } from './shared.js';

export interface StatTile {
  label: string;
  /** A number is written by locale ("3 364" / "3,364"); a string as given (e.g. a formatted percentage). */
  value: number | string;
  note?: Content;
  meaning?: 'critical' | 'warning';
  href?: string;
}

/** Figures side by side (population, capacity, congestion…): a list of tiles that wrap on a phone. */
export function statTiles(lang: Lang, tiles: readonly StatTile[], opts: { label?: string } = {}): Raw {
  return html`<ul class="pmis-stats"${opts.label ? html` aria-label="${opts.label}"` : null}>
${tiles.map((s) => {
  const value = typeof s.value === 'number' ? formatNumber(lang, s.value) : s.value;
  return html`<li class="${classes('pmis-stat', s.meaning && `pmis-stat--${s.meaning}`)}"><span class="pmis-stat__label">${
    s.href ? html`<a class="govuk-link" href="${s.href}">${s.label}</a>` : s.label
  }</span><span class="pmis-stat__value">${value}</span>${
    s.note ? html`<span class="pmis-stat__note">${content(s.note)}</span>` : null
  }</li>
`;
})}</ul>`;
}

export interface Bar {
  label: string;
  value: number;
  meaning?: 'critical' | 'warning';
}

/**
 * A horizontal bar chart in HTML: each row its label, its bar and its figure (written, not only
 * drawn), so it reads aloud, zooms, prints and translates. Put the same figures in a table when
 * they matter for decisions.
 */
export function barChart(
  lang: Lang,
  o: { caption: string; bars: readonly Bar[]; max?: number; unit?: (n: number) => string },
): Raw {
  const max = Math.max(1, o.max ?? 0, ...o.bars.map((b) => b.value));
  return html`<figure class="pmis-chart"><figcaption class="pmis-chart__caption">${o.caption}</figcaption>
<ul class="pmis-chart__rows">
${o.bars.map((b) => {
  const pct = Math.max(0, Math.min(100, (b.value / max) * 100));
  return html`<li class="pmis-chart__row"><span class="pmis-chart__label">${b.label}</span><span class="pmis-chart__track"><span class="${classes('pmis-chart__bar', b.meaning && `pmis-chart__bar--${b.meaning}`)}" style="width:${pct.toFixed(1)}%"></span><span class="pmis-chart__value">${o.unit ? o.unit(b.value) : formatNumber(lang, b.value)}</span></span>
</li>
`;
})}</ul></figure>`;
}

export interface Letterhead {
  /** The prison's name, e.g. "Maison centrale d'arrêt de Bamako". */
  prison: string;
  /** Who prints, and when (an instant; shown in Bamako time). */
  printedBy?: string;
  printedAt?: Date;
}

/** The letterhead printed on top of every printout (hidden on screen): the administration, the prison, who printed it and when. */
export function letterhead(lang: Lang, l: Letterhead): Raw {
  const at = l.printedAt ?? new Date();
  return html`<div class="pmis-letterhead">
<p class="pmis-letterhead__org">${kit.t(lang, 'kit.organisation')}</p>
<p class="pmis-letterhead__prison">${l.prison}</p>
${
  l.printedBy
    ? html`<p class="pmis-letterhead__meta">${kit.t(lang, 'kit.letterhead.printed', {
        date: formatDate(lang, at),
        time: formatTime(lang, at),
        name: l.printedBy,
      })}</p>
`
    : null
}
</div>`;
}
