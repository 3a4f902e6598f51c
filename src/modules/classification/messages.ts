/** Every user-facing string of classification, assessment and cell leaders, in French and English. */
import { registerMessages } from '../../core/i18n.js';

registerMessages({
  // Presumption of innocence: how a person is named (labels.ts).
  'classification.label.no_charge': { fr: 'chef d’inculpation non renseigné', en: 'charge not recorded' },
  'classification.label.under_investigation.m': { fr: 'inculpé de {charges}', en: 'accused of {charges}' },
  'classification.label.under_investigation.f': { fr: 'inculpée de {charges}', en: 'accused of {charges}' },
  'classification.label.under_investigation.x': { fr: 'inculpé(e) de {charges}', en: 'accused of {charges}' },
  'classification.label.awaiting_trial.m': { fr: 'prévenu de {charges}', en: 'accused of {charges} (awaiting trial)' },
  'classification.label.awaiting_trial.f': { fr: 'prévenue de {charges}', en: 'accused of {charges} (awaiting trial)' },
  'classification.label.awaiting_trial.x': { fr: 'prévenu(e) de {charges}', en: 'accused of {charges} (awaiting trial)' },
  'classification.label.appealing.m': { fr: 'condamné en première instance pour {charges}, appel en cours', en: 'convicted at first instance of {charges}, appeal pending' },
  'classification.label.appealing.f': { fr: 'condamnée en première instance pour {charges}, appel en cours', en: 'convicted at first instance of {charges}, appeal pending' },
  'classification.label.appealing.x': { fr: 'condamné(e) en première instance pour {charges}, appel en cours', en: 'convicted at first instance of {charges}, appeal pending' },
  'classification.label.convicted.m': { fr: 'condamné pour {charges}', en: 'convicted of {charges}' },
  'classification.label.convicted.f': { fr: 'condamnée pour {charges}', en: 'convicted of {charges}' },
  'classification.label.convicted.x': { fr: 'condamné(e) pour {charges}', en: 'convicted of {charges}' },
  'classification.label.convicted_terrorism.m': { fr: 'condamné pour infraction liée au terrorisme : {charges}', en: 'convicted of terrorism-related offence: {charges}' },
  'classification.label.convicted_terrorism.f': { fr: 'condamnée pour infraction liée au terrorisme : {charges}', en: 'convicted of terrorism-related offence: {charges}' },
  'classification.label.convicted_terrorism.x': { fr: 'condamné(e) pour infraction liée au terrorisme : {charges}', en: 'convicted of terrorism-related offence: {charges}' },
});
