import assert from 'node:assert/strict';
import { test } from 'node:test';
import { colon, elide, inRunningText, labelled, ofCharge, takesElision } from './words.js';

test('elision: de + vowel or h muet is d’, never "de Assassinat"', () => {
  assert.equal(ofCharge('fr', 'Assassinat'), "d'assassinat");
  assert.equal(ofCharge('fr', 'assassinat'), "d'assassinat");
  assert.equal(ofCharge('fr', 'Homicide volontaire'), "d'homicide volontaire");
  assert.equal(ofCharge('fr', 'Escroquerie'), "d'escroquerie");
  assert.equal(ofCharge('fr', 'Évasion'), "d'évasion");
  assert.equal(ofCharge('fr', 'Usage de faux'), "d'usage de faux");
  assert.equal(ofCharge('fr', 'Vol aggravé'), 'de vol aggravé');
  assert.equal(ofCharge('fr', 'Détention illégale d’armes'), 'de détention illégale d’armes');
  // h aspiré: no elision.
  assert.equal(ofCharge('fr', 'Harcèlement'), 'de harcèlement');
  assert.equal(ofCharge('fr', 'Hold-up'), 'de hold-up');
  assert.equal(elide('de', 'yaourt'), 'de yaourt');
  assert.equal(elide('que', 'il'), "qu'il");
  assert.equal(elide('de', 'Ousmane', { apostrophe: '’' }), 'd’Ousmane');
  assert.equal(elide('pour', 'assassinat'), 'pour assassinat');
  assert.equal(takesElision(''), false);
  // English: lower-cased in running text too, no elision.
  assert.equal(ofCharge('en', 'Murder'), 'murder');
});

test('an offence in running text is lower-cased, acronyms and all-capital wording kept', () => {
  assert.equal(inRunningText('Association de malfaiteurs'), 'association de malfaiteurs');
  assert.equal(inRunningText('  Vol  '), 'vol');
  assert.equal(inRunningText('VIH : transmission volontaire'), 'VIH : transmission volontaire');
  assert.equal(inRunningText('ASSASSINAT'), 'ASSASSINAT');
  assert.equal(inRunningText('A'), 'a');
  assert.equal(inRunningText(''), '');
});

test('a colon is spaced by language: "Langue : " in French, "Language: " in English', () => {
  assert.equal(colon('fr'), '\u00a0: ');
  assert.equal(colon('en'), ': ');
  assert.equal(labelled('en', 'Language', 'English'), 'Language: English');
  assert.equal(labelled('fr', 'Langue', 'Français'), 'Langue\u00a0: Français');
});
