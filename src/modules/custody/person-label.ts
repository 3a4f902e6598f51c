/**
 * How a detainee is named in the file, lists and printouts, respecting the presumption of
 * innocence (ICCPR art. 14(2); Nelson Mandela Rule 111(2)). An untried person is "accused of" the
 * charge — never "terrorist", "VEO" or "extremist". The words "terrorism-related offence" appear
 * only once a conviction is recorded; during an appeal the person is "convicted at first instance",
 * without that category label. Other modules' pages and printouts call `personLabel`
 * (custody's front door: it sits below classification, housing and justice, which all name people).
 */
import { t, type Lang } from '../../core/i18n.js';
import { elide, inRunningText } from '../../core/words.js';
import { hasFelony } from './labels.js';
import './messages.js';

export type LabelStatus = 'under_investigation' | 'awaiting_trial' | 'convicted' | 'appealing';

export interface LabelCharge {
  /** The charge as qualified by the judicial authority, shown verbatim. */
  qualification: string;
  terrorismRelated?: boolean;
  /** contravention, misdemeanour, felony: a felony makes a person committed for trial "accusé(e)". */
  category?: string | null;
}

export interface LabelInput {
  legalStatus: LabelStatus;
  charges: readonly LabelCharge[];
  /** For French agreement (inculpé / inculpée); unknown gives the inclusive form "inculpé(e)". */
  sex?: 'male' | 'female' | null;
}

/** The words an untried person's label must never contain, outside the charge's own wording. */
export const NEVER_FOR_UNTRIED = [/terroris/i, /\bVEO\b/, /\bEVE\b/, /extr[ée]mist/i, /djihad/i, /jihad/i];

/** The charges in running text (lower-cased first letter), joined; "de" elided before them when asked (French). */
function joinCharges(lang: Lang, charges: readonly LabelCharge[], withDe = false): string {
  const qs = charges.map((c) => inRunningText(c.qualification)).filter(Boolean);
  const text = qs.length ? qs.join(lang === 'fr' ? ' ; ' : '; ') : t(lang, 'custody.label.no_charge');
  return withDe && lang === 'fr' ? elide('de', text) : text;
}

function genderKey(sex: LabelInput['sex']): 'm' | 'f' | 'x' {
  return sex === 'male' ? 'm' : sex === 'female' ? 'f' : 'x';
}

/** "accused of <charge>" / "inculpé de <charge>" … for the person's current legal status. */
export function personLabel(lang: Lang, input: LabelInput): string {
  const charges = joinCharges(lang, input.charges);
  // "inculpé d'assassinat", "prévenue de vol": in French {of_charges} carries its "de", elided.
  const ofCharges = joinCharges(lang, input.charges, true);
  const g = genderKey(input.sex);
  switch (input.legalStatus) {
    case 'under_investigation':
      return t(lang, `custody.label.under_investigation.${g}`, { of_charges: ofCharges });
    case 'awaiting_trial':
      // Committed for trial for a felony: "accusé(e)"; otherwise "prévenu(e)" (labels.ts, glossary).
      return hasFelony(input.charges)
        ? t(lang, `custody.label.accused.${g}`, { of_charges: ofCharges })
        : t(lang, `custody.label.awaiting_trial.${g}`, { of_charges: ofCharges });
    case 'appealing':
      return t(lang, `custody.label.appealing.${g}`, { charges });
    case 'convicted':
      return input.charges.some((c) => c.terrorismRelated)
        ? t(lang, `custody.label.convicted_terrorism.${g}`, { charges })
        : t(lang, `custody.label.convicted.${g}`, { charges });
  }
}

/** True when the person may be described by the category "terrorism-related offence". */
export function mayShowTerrorismCategory(input: Pick<LabelInput, 'legalStatus' | 'charges'>): boolean {
  return input.legalStatus === 'convicted' && input.charges.some((c) => c.terrorismRelated === true);
}

/**
 * A guard for other modules' headings and list columns: true when the text, once the charges'
 * own wording is removed, still calls a person not finally convicted (untried, or appealing) a
 * terrorist or extremist.
 */
export function breachesPresumption(text: string, input: Pick<LabelInput, 'legalStatus' | 'charges'>): boolean {
  if (input.legalStatus === 'convicted') return false;
  let rest = text;
  for (const c of input.charges) {
    for (const form of [c.qualification.trim(), inRunningText(c.qualification)])
      if (form) rest = rest.split(form).join(' ');
  }
  return NEVER_FOR_UNTRIED.some((re) => re.test(rest));
}
