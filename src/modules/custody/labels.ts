/**
 * The words for a person's legal status, one function for every page, printout and CSV
 * (the project glossary, "Documents and legal status"):
 *   - under judicial investigation: "inculpé(e)" (the word of Mali's 2001 Code of Criminal
 *     Procedure, art. 129 and following), English "untried, under investigation";
 *   - awaiting trial: "prévenu(e)"; committed for trial for a felony (ordonnance de mise en
 *     accusation, renvoi devant la cour d'assises): "accusé(e)" — English "untried, awaiting trial"
 *     and "untried, committed for trial at the assize court";
 *   - convicted: "condamné(e)"; appealing: "condamné(e), en appel".
 * By sex when it is known (prévenu / prévenue), the inclusive form otherwise. Never a word for the
 * offence's kind: an untried person is never labelled a terrorist (Nelson Mandela Rule 111(2)).
 */
import { t, type Lang } from '../../core/i18n.js';
import type { LegalStatus } from './rules.js';
import './messages.js';

/** The status as words are chosen: awaiting trial splits into prévenu(e) and accusé(e). */
export type StatusWord = 'under_investigation' | 'awaiting_trial' | 'accused' | 'convicted' | 'appealing';

export interface StatusWordInput {
  status: LegalStatus;
  /** male, female, or unknown (the inclusive form "prévenu(e)"). */
  sex?: string | null;
  /**
   * Committed for trial for a felony: a charge of category "felony" (custody) — or "felony" /
   * "terrorism" (justice's pre-trial categories: terrorism offences are felonies).
   */
  felony?: boolean;
}

/** True when a charge list holds a felony (crime): what makes a person committed for trial "accusé(e)". */
export function hasFelony(charges: readonly { category?: string | null }[]): boolean {
  return charges.some((c) => c.category === 'felony' || c.category === 'terrorism');
}

export function statusWord(input: StatusWordInput): StatusWord {
  if (input.status === 'awaiting_trial' && input.felony) return 'accused';
  return input.status;
}

function sexKey(sex: StatusWordInput['sex']): 'm' | 'f' | 'x' {
  return sex === 'male' ? 'm' : sex === 'female' ? 'f' : 'x';
}

/** "Prévenue, en attente de jugement", "Accusé(e), en attente de jugement (cour d'assises)", "Untried, awaiting trial"… */
export function legalStatusLabel(lang: Lang, input: StatusWordInput): string {
  return t(lang, `custody.status_word.${statusWord(input)}.${sexKey(input.sex)}`);
}

/** The noun alone, in running text: "prévenu", "accusée", "inculpé(e)" / "remand prisoner"… */
export function legalStatusNoun(lang: Lang, input: StatusWordInput): string {
  return t(lang, `custody.status_noun.${statusWord(input)}.${sexKey(input.sex)}`);
}
