/** The identity review on the admission pages: what the reception knows as a query, and each candidate as a choice. */
import { bamakoDate } from '../../core/dates.js';
import { t, type Lang } from '../../core/i18n.js';
import { colon } from '../../core/words.js';
import { formatBirth } from '../../web/format.js';
import type { AdmissionInput } from '../custody/index.js';
import type { BirthInput } from '../people/index.js';
import { html, type Raw } from '../web/index.js';
import type { Candidate, CandidateQuery } from './service.js';

/**
 * A date of birth with its precision, by the kit's formats: "14/07/1991", "juillet 1991", "1991",
 * "vers 1990", "environ 35 ans (estimé le …)".
 */
export function birthText(
  lang: Lang,
  b:
    | BirthInput
    | { precision: string; date?: string | null; estimated_age?: number | null; estimated_on?: string | null },
): string {
  return formatBirth(lang, b, { monthStyle: 'long' });
}

/** What the reception knows of the arrival, as an identity query. */
export function candidateQuery(input: AdmissionInput): CandidateQuery {
  const p = input.person!;
  const b = p.birth;
  return {
    family_name: p.family_name,
    given_names: p.given_names ?? '',
    father_name: p.father_name ?? null,
    mother_name: p.mother_name ?? null,
    nina: p.nina ?? null,
    birth_date:
      b.precision === 'estimated' && b.estimated_age != null
        ? String(Number(bamakoDate().slice(0, 4)) - b.estimated_age)
        : (b.date ?? null),
    birth_precision: b.precision === 'unknown' ? null : b.precision,
  };
}

export function candidateLabel(lang: Lang, c: Candidate): Raw {
  // A person known only in other prisons: their committal numbers are not shown, their prisons and dates are (decision 0006).
  const adm = c.admissions
    .map(
      (a) =>
        a.committal_number ??
        `${a.prison_name} (${a.admitted_at.slice(0, 10)}${a.ended_at ? ` → ${a.ended_at.slice(0, 10)}` : ''})`,
    )
    .join(', ');
  return html`<strong>${c.family_name} ${c.given_names}</strong>${
    c.matched_name
      ? html` (${t(lang, 'web.adm.candidates.as')} ${c.matched_name.family_name} ${c.matched_name.given_names})`
      : null
  }
— ${t(lang, `person.sex.${c.sex}`)} — ${birthText(lang, {
    precision: c.birth.precision,
    date: c.birth.date,
  })}${c.father_name ? html` — ${t(lang, 'web.father_name')}${colon(lang)}${c.father_name}` : null}${
    c.mother_name ? html` — ${t(lang, 'web.mother_name')}${colon(lang)}${c.mother_name}` : null
  }
${
  c.details === 'minimal' && c.origin_region_code
    ? html` — ${t(lang, 'web.adm.candidates.region', { region: c.origin_region_code })}`
    : null
}${adm ? html` — ${adm}` : null} — <span class="score">${t(lang, 'web.adm.candidates.score', {
    score: Math.round(c.score * 100),
  })}</span>
${c.details === 'minimal' ? html`<small class="minimal">${t(lang, 'web.adm.candidates.minimal')}</small>` : null}
<span class="reasons">${c.reasons.map((r) => r.text).join(' · ')}</span>`;
}
