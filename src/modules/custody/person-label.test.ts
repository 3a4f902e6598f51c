import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inRunningText } from '../../core/words.js';
import { breachesPresumption, mayShowTerrorismCategory, NEVER_FOR_UNTRIED, personLabel } from './person-label.js';

const terror = {
  qualification: 'Association de malfaiteurs en relation avec une entreprise terroriste',
  terrorismRelated: true,
};
const theft = { qualification: 'Vol qualifié' };

test('an untried person is "accused of" the charge, in French and English, never a terrorist', () => {
  assert.equal(personLabel('en', { legalStatus: 'under_investigation', charges: [theft] }), 'accused of vol qualifié');
  assert.equal(
    personLabel('fr', { legalStatus: 'under_investigation', charges: [theft], sex: 'male' }),
    'inculpé de vol qualifié',
  );
  assert.equal(
    personLabel('fr', { legalStatus: 'under_investigation', charges: [theft], sex: 'female' }),
    'inculpée de vol qualifié',
  );
  assert.equal(personLabel('fr', { legalStatus: 'awaiting_trial', charges: [theft] }), 'prévenu(e) de vol qualifié');
  assert.equal(
    personLabel('en', { legalStatus: 'awaiting_trial', charges: [theft] }),
    'accused of vol qualifié (awaiting trial)',
  );
  for (const lang of ['fr', 'en'] as const)
    for (const legalStatus of ['under_investigation', 'awaiting_trial', 'appealing'] as const) {
      const label = personLabel(lang, { legalStatus, charges: [terror] });
      assert.ok(label.includes(inRunningText(terror.qualification)), 'the charge is shown as worded, in running text');
      const rest = label.replace(inRunningText(terror.qualification), '');
      for (const re of NEVER_FOR_UNTRIED) assert.doesNotMatch(rest, re, `${lang} ${legalStatus}: ${label}`);
      assert.doesNotMatch(rest, /terrorism-related|liée au terrorisme/);
      assert.equal(breachesPresumption(label, { legalStatus, charges: [terror] }), false);
    }
});

test('"convicted of terrorism-related offence" only after a conviction', () => {
  assert.equal(
    personLabel('en', { legalStatus: 'convicted', charges: [terror] }),
    `convicted of terrorism-related offence: ${inRunningText(terror.qualification)}`,
  );
  assert.equal(
    personLabel('fr', { legalStatus: 'convicted', charges: [terror], sex: 'male' }),
    `condamné pour infraction liée au terrorisme : ${inRunningText(terror.qualification)}`,
  );
  assert.equal(personLabel('en', { legalStatus: 'convicted', charges: [theft] }), 'convicted of vol qualifié');
  assert.equal(
    personLabel('en', { legalStatus: 'appealing', charges: [terror] }),
    `convicted at first instance of ${inRunningText(terror.qualification)}, appeal pending`,
  );
  assert.equal(mayShowTerrorismCategory({ legalStatus: 'convicted', charges: [terror] }), true);
  assert.equal(mayShowTerrorismCategory({ legalStatus: 'convicted', charges: [theft] }), false);
  for (const legalStatus of ['under_investigation', 'awaiting_trial', 'appealing'] as const)
    assert.equal(mayShowTerrorismCategory({ legalStatus, charges: [terror] }), false);
});

test('several charges are listed; a missing charge is said so', () => {
  assert.equal(
    personLabel('en', {
      legalStatus: 'under_investigation',
      charges: [theft, { qualification: 'Coups et blessures volontaires' }],
    }),
    'accused of vol qualifié; coups et blessures volontaires',
  );
  assert.equal(
    personLabel('fr', { legalStatus: 'under_investigation', charges: [theft, { qualification: 'Recel' }] }),
    'inculpé(e) de vol qualifié ; recel',
  );
  assert.equal(
    personLabel('en', { legalStatus: 'under_investigation', charges: [] }),
    'accused of charge not recorded',
  );
  assert.equal(
    personLabel('fr', { legalStatus: 'awaiting_trial', charges: [{ qualification: '  ' }] }),
    'prévenu(e) de chef d’inculpation non renseigné',
  );
});

test('the guard catches a page that calls an untried person a terrorist', () => {
  const untried = { legalStatus: 'awaiting_trial' as const, charges: [terror] };
  assert.equal(breachesPresumption('Détenu terroriste — Quartier B', untried), true);
  assert.equal(breachesPresumption('VEO, cell 4', untried), true);
  assert.equal(breachesPresumption('Extrémiste violent', untried), true);
  assert.equal(breachesPresumption(`prévenu(e) de ${terror.qualification}`, untried), false);
  assert.equal(breachesPresumption('convicted terrorist', { legalStatus: 'convicted', charges: [terror] }), false);
});

test('French elision and "accusé(e)" for a person committed for trial for a felony', () => {
  const murder = { qualification: 'Assassinat', category: 'felony' };
  assert.equal(
    personLabel('fr', { legalStatus: 'under_investigation', charges: [murder], sex: 'male' }),
    "inculpé d'assassinat",
  );
  assert.equal(
    personLabel('fr', { legalStatus: 'awaiting_trial', charges: [murder], sex: 'female' }),
    "accusée d'assassinat, renvoyée devant la cour d'assises",
  );
  assert.equal(
    personLabel('fr', { legalStatus: 'awaiting_trial', charges: [murder] }),
    "accusé(e) d'assassinat, renvoyé(e) devant la cour d'assises",
  );
  assert.equal(
    personLabel('en', { legalStatus: 'awaiting_trial', charges: [murder] }),
    'accused of assassinat, committed for trial at the assize court',
  );
  assert.equal(
    personLabel('fr', {
      legalStatus: 'awaiting_trial',
      charges: [{ qualification: 'Escroquerie', category: 'misdemeanour' }],
      sex: 'male',
    }),
    "prévenu d'escroquerie",
  );
  assert.equal(
    personLabel('fr', { legalStatus: 'convicted', charges: [murder], sex: 'male' }),
    'condamné pour assassinat',
  );
  assert.doesNotMatch(
    personLabel('fr', { legalStatus: 'awaiting_trial', charges: [murder] }),
    /de Assassinat|de assassinat/,
  );
});
