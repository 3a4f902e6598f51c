/** The form layer without a database: names, arrays, checkboxes, dates, empty strings, messages that name the field. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Type } from '@sinclair/typebox';
import { AppError } from '../core/errors.js';
import { validateBody } from '../core/validation.js';
import {
  errorFor,
  type FieldSpecs,
  type FormErrors,
  formErrorsFromService,
  formView,
  parseForm,
  summaryItems,
  toFormValues,
} from './forms.js';

const lit = (xs: readonly string[]) => Type.Union(xs.map((x) => Type.Literal(x)));
const Opt = <T extends Parameters<typeof Type.Optional>[0]>(t: T) => Type.Optional(Type.Union([t, Type.Null()]));

const Charge = Type.Object(
  {
    qualification: Type.String({ minLength: 1, maxLength: 500 }),
    legal_reference: Opt(Type.String({ maxLength: 200 })),
    category: lit(['felony', 'misdemeanour', 'petty_offence']),
    terrorism_related: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const Schema = Type.Object(
  {
    prison: Type.String({ minLength: 2 }),
    person: Type.Object(
      {
        family_name: Type.String({ minLength: 1, maxLength: 200 }),
        given_names: Type.Optional(Type.String({ maxLength: 200 })),
        sex: lit(['male', 'female']),
        birth: Type.Object(
          {
            precision: lit(['exact', 'month', 'year', 'estimated', 'unknown']),
            date: Opt(Type.String()),
            estimated_age: Opt(Type.Integer({ minimum: 0, maximum: 120 })),
          },
          { additionalProperties: false },
        ),
        nina: Opt(Type.String({ maxLength: 40 })),
        languages: Type.Optional(Type.Array(Type.String())),
        children_count: Opt(Type.Integer({ minimum: 0, maximum: 60 })),
      },
      { additionalProperties: false },
    ),
    issued_on: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    charges: Type.Array(Charge, { minItems: 1 }),
    kind: Type.Union([Type.Literal('update'), Type.Literal('correction')], { default: 'update' }),
    urgent: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const good = {
  _csrf: 'token',
  prison: 'BKO',
  'person.family_name': 'Keïta',
  'person.given_names': ' Oumar ',
  'person.sex': 'male',
  'person.birth.precision': 'month',
  'person.birth.date': '1991-07',
  'person.birth.estimated_age': '',
  'person.nina': '',
  'person.languages': ['bm', 'fr'],
  'person.children_count': '3',
  'issued_on.day': '1',
  'issued_on.month': '2',
  'issued_on.year': '2026',
  'charges.0.qualification': 'Vol qualifié',
  'charges.0.legal_reference': '',
  'charges.0.category': 'felony',
  'charges.0.terrorism_related': '1',
  'charges.1.qualification': '',
  'charges.1.legal_reference': '',
  'charges.1.category': '',
  'charges.2.qualification': 'Association de malfaiteurs',
  'charges.2.category': 'felony',
};

const fields: FieldSpecs = {
  'person.family_name': { label: 'Nom de famille', messages: { required: 'indiquez le nom de famille' } },
  'person.sex': { label: 'Sexe' },
  'person.children_count': { label: "Nombre d'enfants" },
  issued_on: { label: 'Date du titre' },
  'charges.0.category': { label: "Catégorie d'infraction" },
  'charges.0.terrorism_related': { checkbox: true },
  urgent: { checkbox: true, label: 'Urgent' },
};

test(
  'a good form becomes the API input: nested names, arrays (blank rows dropped), numbers, checkboxes, dates, ' +
    'empty → null or absent, defaults',
  () => {
    const r = parseForm(Schema, good, { lang: 'fr', fields });
    assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
    assert.deepEqual(r.value, {
      prison: 'BKO',
      person: {
        family_name: 'Keïta',
        given_names: 'Oumar',
        sex: 'male',
        birth: { precision: 'month', date: '1991-07', estimated_age: null },
        nina: null,
        languages: ['bm', 'fr'],
        children_count: 3,
      },
      issued_on: '2026-02-01',
      charges: [
        { qualification: 'Vol qualifié', legal_reference: null, category: 'felony', terrorism_related: true },
        { qualification: 'Association de malfaiteurs', category: 'felony' },
      ],
      kind: 'update', // the schema's default, as the API fills it
      urgent: false, // a declared checkbox left unticked
    });
    // The value is typed as the API's input.
    const family: string = r.value.person.family_name;
    assert.equal(family, 'Keïta');
    // Pointers of the value lead back to the form's names (the third row is the second charge now).
    assert.equal(r.nameOf('/charges/1/qualification'), 'charges.2.qualification');
    assert.equal(r.nameOf('/person/birth/date'), 'person.birth.date');
  },
);

test('a bad enum value is a field error naming the field, never a throw', () => {
  const r = parseForm(
    Schema,
    { ...good, 'charges.0.category': 'bogus', 'person.sex': 'other' },
    { lang: 'fr', fields },
  );
  assert.ok(!r.ok);
  assert.deepEqual(
    r.errors.map((e) => [e.name, e.id, e.kind, e.message]),
    [
      ['person.sex', 'person-sex', 'enum', 'Sexe\u00a0: choisissez une valeur de la liste'],
      [
        'charges.0.category',
        'charges-0-category',
        'enum',
        "Catégorie d'infraction\u00a0: choisissez une valeur de la liste",
      ],
    ],
  );
  assert.equal(
    errorFor(r.errors, 'charges.0.category'),
    "Catégorie d'infraction\u00a0: choisissez une valeur de la liste",
  );
  assert.deepEqual(summaryItems(r.errors)[0], {
    text: 'Sexe\u00a0: choisissez une valeur de la liste',
    href: '#person-sex',
  });
});

test("messages by kind, in English too: required (the field's own text), choose, whole number, range, too long, date", () => {
  const r = parseForm(
    Schema,
    {
      ...good,
      'person.family_name': '',
      'person.sex': '',
      'person.children_count': 'trois',
      'charges.0.qualification': 'x'.repeat(501),
      'issued_on.day': '31',
      'person.birth.estimated_age': '130',
    },
    {
      lang: 'en',
      fields: {
        ...fields,
        'person.family_name': { label: 'Family name', messages: { required: 'enter the family name' } },
        'person.sex': { label: 'Sex' },
        issued_on: { label: 'Date of the order' },
        'person.children_count': { label: 'Number of children' },
        'person.birth.estimated_age': { label: 'Estimated age' },
        'charges.0.qualification': { label: 'Charge' },
      },
    },
  );
  assert.ok(!r.ok);
  const by = Object.fromEntries(r.errors.map((e) => [e.name, `${e.kind} | ${e.message}`]));
  assert.deepEqual(by, {
    'person.family_name': 'required | Family name: enter the family name',
    'person.sex': 'choose | Sex: select an answer',
    'person.birth.estimated_age': 'range | Estimated age: must be between 0 and 120',
    'person.children_count': 'integer | Number of children: enter a whole number',
    issued_on: 'date | Date of the order: the date must be a real date',
    'charges.0.qualification': 'too_long | Charge: must be 500 characters or fewer',
  });
  assert.equal(
    r.errors.find((e) => e.name === 'issued_on')?.id,
    'issued_on-day',
    'a date error links to its first box',
  );
});

test('dates: three boxes, month + year, year alone, partial birth dates, missing parts, impossible days, leap years', () => {
  const D = Type.Object(
    {
      d: Type.String(),
      m: Type.Optional(Type.String()),
      y: Type.Optional(Type.String()),
      b: Type.Optional(Type.String()),
    },
    { additionalProperties: false },
  );
  const ok = parseForm(
    D,
    {
      'd.day': '29',
      'd.month': '2',
      'd.year': '2024',
      'm.month': '7',
      'm.year': '1991',
      'y.year': '1987',
      'b.day': '',
      'b.month': '',
      'b.year': '1990',
    },
    { lang: 'fr', fields: { b: { date: 'partial' } } },
  );
  assert.ok(ok.ok);
  assert.deepEqual(ok.value, { d: '2024-02-29', m: '1991-07', y: '1987', b: '1990' });
  const cases: [Record<string, string>, string, string][] = [
    [{ 'd.day': '29', 'd.month': '2', 'd.year': '2025' }, 'd-day', 'la date doit être une vraie date'],
    [{ 'd.day': '', 'd.month': '2', 'd.year': '2025' }, 'd-day', 'la date doit comporter un jour'],
    [{ 'd.day': '3', 'd.month': '', 'd.year': '2025' }, 'd-month', 'la date doit comporter un mois'],
    [{ 'd.day': '3', 'd.month': '13', 'd.year': '2025' }, 'd-month', 'la date doit être une vraie date'],
    [{ 'd.day': '3', 'd.month': '1', 'd.year': '25' }, 'd-year', "l'année doit comporter 4 chiffres"],
    [{ 'd.day': 'x', 'd.month': '1', 'd.year': '2025' }, 'd-day', 'la date doit être une vraie date'],
  ];
  for (const [body, id, message] of cases) {
    const r = parseForm(D, body, { lang: 'fr', fields: { d: { label: 'Date' } } });
    assert.ok(!r.ok, JSON.stringify(body));
    assert.deepEqual(
      r.errors.map((e) => [e.id, e.message]),
      [[id, `Date\u00a0: ${message}`]],
      JSON.stringify(body),
    );
  }
  const empty = parseForm(
    D,
    { 'd.day': '', 'd.month': '', 'd.year': '' },
    { lang: 'fr', fields: { d: { label: 'Date' } } },
  );
  assert.ok(!empty.ok);
  assert.deepEqual(
    empty.errors.map((e) => [e.id, e.kind]),
    [['d-day', 'required']],
  );
});

test('anything a browser or an attacker can send gives field errors, never a throw', () => {
  const bodies: Record<string, string | string[]>[] = [
    {},
    { '__proto__.x': '1' },
    { 'constructor.prototype.x': '1' },
    { person: 'x', 'person.family_name': 'y' },
    { 'charges.99999999.qualification': 'x' },
    { 'a..b': '1' },
    { '.': '' },
    { 'charges.0': 'x' },
    { 'person.languages.0.x': 'y' },
    { prison: ['a', 'b'] },
    { 'charges.x.qualification': 'y' },
  ];
  for (const b of bodies) {
    const r = parseForm(Schema, b, { lang: 'en' });
    assert.ok(!r.ok, JSON.stringify(b));
    assert.ok(
      r.errors.every((e) => e.message && e.id && !e.id.includes('.')),
      JSON.stringify(r.errors),
    );
  }
  assert.equal(({} as Record<string, unknown>).x, undefined, 'no prototype pollution');
  const unknown = parseForm(Schema, { ...good, extra: 'x' }, { lang: 'fr' });
  assert.ok(!unknown.ok);
  assert.deepEqual(
    unknown.errors.map((e) => [e.name, e.kind]),
    [['extra', 'unexpected']],
  );
});

test('errors for a group go to its first field on the form; errors come in the order of the form', () => {
  const noCharge = {
    ...good,
    'charges.0.qualification': '',
    'charges.0.category': '',
    'charges.0.terrorism_related': [],
    'charges.2.qualification': '',
    'charges.2.category': '',
  };
  const r = parseForm(Schema, noCharge, {
    lang: 'fr',
    fields: { ...fields, 'charges.0.qualification': { label: 'Qualification' } },
  });
  assert.ok(!r.ok);
  assert.deepEqual(
    r.errors.map((e) => [e.name, e.id, e.message]),
    [['charges.0.qualification', 'charges-0-qualification', 'Qualification\u00a0: renseignez ce champ']],
  );
  const two = parseForm(Schema, { ...good, 'charges.2.category': 'x', prison: '' }, { lang: 'fr' });
  assert.ok(!two.ok);
  assert.deepEqual(
    two.errors.map((e) => e.name),
    ['prison', 'charges.2.category'],
  );
});

test("the form accepts and refuses what the schema validator (the API's) accepts and refuses", () => {
  const body = { ...good };
  const r = parseForm(Schema, body, { lang: 'fr', fields });
  assert.ok(r.ok);
  // The same value as JSON passes the API's validator unchanged.
  const api = validateBody(Schema, structuredClone(r.value));
  assert.ok(api.ok);
  assert.deepEqual(api.value, r.value);
  // And back: the value as form values parses to itself.
  const again = parseForm(Schema, toFormValues(r.value, { fields }), { lang: 'fr', fields });
  assert.ok(again.ok);
  assert.deepEqual(again.value, r.value);
});

test('toFormValues: dates into their boxes, true as "1", arrays as repeated names', () => {
  assert.deepEqual(
    toFormValues(
      { d: '2026-02-01', m: '1991-07', ok: true, no: false, tags: ['a', 'b'], rows: [{ x: 1 }], n: null },
      { fields: { d: { date: 'date' }, m: { date: 'partial' }, no: { checkbox: true } } },
    ),
    {
      'd.day': '1',
      'd.month': '2',
      'd.year': '2026',
      'm.month': '7',
      'm.year': '1991',
      ok: '1',
      tags: ['a', 'b'],
      'rows.0.x': '1',
      n: '',
    },
  );
});

test("a service's refusal lands on the form's fields: by pointer, a group to its first field, a date to its first box", () => {
  const err = new AppError(422, 'error.validation', {}, [
    { field: '/charges/1/category', key: 'field.required' },
    { field: '/charges', key: 'field.required' },
    { field: '/issued_on', key: 'field.date_in_future' },
    { field: '/nowhere', key: 'field.required', message: 'Déjà pris.' },
  ]);
  const names = Object.keys(good);
  const parsed = parseForm(Schema, good, { lang: 'fr', fields });
  assert.ok(parsed.ok);
  const errors = formErrorsFromService(err, {
    lang: 'fr',
    names,
    nameOf: parsed.nameOf,
    fields: {
      ...fields,
      'charges.2.category': { label: 'Catégorie' },
      'charges.0.qualification': { label: 'Qualification' },
    },
  });
  assert.deepEqual(
    errors.map((e) => [e.name, e.id, e.message]),
    [
      ['charges.2.category', 'charges-2-category', 'Catégorie\u00a0: ce champ est obligatoire.'],
      ['charges.0.qualification', 'charges-0-qualification', 'Qualification\u00a0: ce champ est obligatoire.'],
      ['issued_on', 'issued_on-day', 'Date du titre\u00a0: la date ne peut pas être dans le futur.'],
      ['nowhere', 'main-content', 'Déjà pris.'],
    ],
  );
});

test('the form view keeps what was typed, puts each error beside its field and links the summary to it', () => {
  const body = { ...good, 'person.family_name': '', 'person.sex': 'other' };
  const r = parseForm(Schema, body, { lang: 'fr', fields });
  assert.ok(!r.ok);
  const f = formView({ lang: 'fr', values: body, errors: r.errors, fields });
  const name = f.input({ name: 'person.family_name' }).value;
  assert.match(name, /<label class="govuk-label" for="person-family_name">Nom de famille<\/label>/);
  assert.match(
    name,
    /id="person-family_name-error" class="govuk-error-message"><span class="govuk-visually-hidden">Erreur\u00a0:<\/span> Nom de famille\u00a0: indiquez le nom de famille/,
  );
  const sex = f.radios({
    name: 'person.sex',
    items: [
      { value: 'male', text: 'Homme' },
      { value: 'female', text: 'Femme' },
    ],
    inline: true,
  }).value;
  assert.match(sex, /<input class="govuk-radios__input" id="person-sex" name="person.sex" type="radio" value="male">/);
  assert.match(sex, /aria-describedby="person-sex-error"/);
  assert.match(f.input({ name: 'charges.0.qualification', label: 'Qualification' }).value, /value="Vol qualifié"/);
  assert.match(
    f.checkbox({ name: 'charges.0.terrorism_related', label: 'Lié au terrorisme' }).value,
    /value="1" checked/,
  );
  assert.match(
    f.select({ name: 'charges.0.category', items: [{ value: 'felony', text: 'Crime' }], placeholder: 'Choisir' }).value,
    /<option value="felony" selected>Crime<\/option>/,
  );
  const date = f.date({ name: 'issued_on' }).value;
  assert.match(date, /name="issued_on.day" type="text" value="1"/);
  assert.match(
    f.errorSummary()?.value ?? '',
    /<a href="#person-family_name">Nom de famille\u00a0: indiquez le nom de famille<\/a>/,
  );
  assert.equal(f.summaryItems().length, 2);
});

test('two forms on one page with a field of the same name: the prefix keeps ids and summary links apart', () => {
  const errors: FormErrors = [
    { name: 'text', id: 'text', pointer: '/text', kind: 'required', message: 'Texte\u00a0: renseignez ce champ' },
    { name: 'note', id: 'note-form', pointer: '', kind: 'service', message: 'Refusé' },
  ];
  const f = formView({ lang: 'fr', values: {}, errors, fields: { text: { label: 'Texte' } }, idPrefix: 'note-' });
  assert.match(f.textarea({ name: 'text' }).value, /<textarea class="[^"]*" id="note-text" name="text"/);
  assert.deepEqual(
    f.summaryItems().map((i) => i.href),
    ['#note-text', '#note-form'],
    "a field's link takes the prefix; a refusal of the whole form keeps its target",
  );
  const plain = formView({ lang: 'fr', values: {}, errors, fields: { text: { label: 'Texte' } } });
  assert.match(plain.textarea({ name: 'text' }).value, /id="text" name="text"/);
});
