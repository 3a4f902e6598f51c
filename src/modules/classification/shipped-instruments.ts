/**
 * The two instruments pmis ships as version 1 (an administrator may publish later versions).
 *
 * 1. `spj_violent_extremism` — a structured professional judgement guide for people accused or
 *    convicted of violent extremist offences. Its five domains follow public SPJ practice (beliefs
 *    and attitudes, context and intent, history and capability, commitment and motivation,
 *    protective and resilience factors: see the UNODC Handbook on the Management of Violent
 *    Extremist Prisoners, 2016, and the GCTF Rome Memorandum). The item wording is pmis's own; it
 *    reproduces no licensed instrument (VERA-2R, ERG22+ and others are not included).
 * 2. `general_needs` — education, work skills, health, family contact, addiction, housing on release.
 */
import type { InstrumentDefinition, RatingScale } from './instruments.js';

const presence: RatingScale = {
  code: 'presence',
  label: { fr: 'Présence', en: 'Presence' },
  levels: [
    { value: 'absent', rank: 0, label: { fr: 'Absent', en: 'Absent' } },
    { value: 'partly', rank: 1, label: { fr: 'Partiellement présent', en: 'Partly present' } },
    { value: 'present', rank: 2, label: { fr: 'Présent', en: 'Present' } },
    { value: 'unknown', rank: null, label: { fr: 'Information insuffisante', en: 'Information insufficient' } },
  ],
};

const need: RatingScale = {
  code: 'need',
  label: { fr: 'Besoin', en: 'Need' },
  levels: [
    { value: 'none', rank: 0, label: { fr: 'Pas de besoin', en: 'No need' } },
    { value: 'some', rank: 1, label: { fr: 'Besoin modéré', en: 'Some need' } },
    { value: 'high', rank: 2, label: { fr: 'Besoin important', en: 'High need' } },
    { value: 'unknown', rank: null, label: { fr: 'Information insuffisante', en: 'Information insufficient' } },
  ],
};

const item = (code: string, fr: string, en: string, gfr: string, gen: string, scale = 'presence') => ({
  code,
  scale,
  text: { fr, en },
  guidance: { fr: gfr, en: gen },
});

export const VIOLENT_EXTREMISM_V1: InstrumentDefinition = {
  code: 'spj_violent_extremism',
  kind: 'risk',
  title: { fr: 'Évaluation structurée — extrémisme violent', en: 'Structured assessment — violent extremism' },
  purpose: {
    fr:
      'Aider un évaluateur formé à se faire un jugement professionnel motivé sur le niveau de préoccupation et sur ' +
      'les mesures de prise en charge (hébergement, activités, programmes, suivi).',
    en:
      'Help a trained assessor reach a reasoned professional judgement on the level of concern and on management ' +
      'measures (housing, activities, programmes, supervision).',
  },
  guidance: {
    fr:
      'Appuyez chaque cotation sur des sources nommées (entretiens, observations du personnel, décisions de ' +
      'justice, rapports disciplinaires). Une inculpation n’est pas un fait établi : seuls un jugement ou une ' +
      'décision disciplinaire établissent un acte. Ne faites pas la somme des cotations : le jugement d’ensemble est ' +
      'le vôtre, motivé. Réévaluez au moins à chaque réexamen du classement.',
    en:
      'Base every rating on named sources (interviews, staff observations, court decisions, disciplinary reports). ' +
      'A charge is not an established fact: only a judgment or a disciplinary decision establishes an act. Do not ' +
      'add up the ratings: the overall judgement is yours, with reasons. Reassess at least at every classification review.',
  },
  scales: [presence],
  domains: [
    {
      code: 'beliefs_attitudes',
      protective: false,
      title: { fr: 'Convictions et attitudes', en: 'Beliefs and attitudes' },
      guidance: {
        fr:
          'Ce que la personne dit, écrit ou montre de ses idées. Une pratique religieuse, une opinion politique ou une ' +
          'appartenance communautaire ne sont pas, en elles-mêmes, des facteurs de risque.',
        en:
          'What the person says, writes or shows of their views. Religious practice, political opinion or community ' +
          'membership are not, in themselves, risk factors.',
      },
      items: [
        item(
          'ba_violence_acceptable',
          'Affirme que la violence contre des personnes est un moyen acceptable de servir une cause',
          'States that violence against people is an acceptable way to serve a cause',
          'Propos tenus devant le personnel ou en entretien, écrits. Notez la date et la source.',
          'Statements to staff or in interview, writings. Note date and source.',
        ),
        item(
          'ba_grievance_blame',
          'Décrit une injustice subie par lui-même ou par son groupe et en rend responsable un groupe ou une institution précis',
          'Describes an injustice suffered by themselves or their group and blames a specific group or institution for it',
          'Une injustice réelle peut exister : cotez la manière dont elle est reliée à un responsable désigné et à la violence.',
          'The injustice may be real: rate how it is tied to a designated culprit and to violence.',
        ),
        item(
          'ba_others_less_human',
          'Parle des personnes extérieures à son groupe en des termes qui leur retirent dignité ou droits',
          'Speaks of people outside their group in terms that deny them dignity or rights',
          'Propos rapportés avec leur contexte.',
          'Statements reported with their context.',
        ),
        item(
          'ba_closed_to_other_views',
          'Refuse d’examiner des points de vue différents sur ces questions',
          'Refuses to consider differing views on these questions',
          'Observé en entretien, en activité ou lors d’un dialogue religieux.',
          'Observed in interview, in activities or in religious dialogue.',
        ),
      ],
    },
    {
      code: 'context_intent',
      protective: false,
      title: { fr: 'Contexte et intention', en: 'Context and intent' },
      guidance: {
        fr: 'La situation actuelle, en détention comme à l’extérieur : contacts, projets, influence sur d’autres.',
        en: 'The current situation, in custody and outside: contacts, plans, influence on others.',
      },
      items: [
        item(
          'ci_contact_violent_networks',
          'Garde ou recherche le contact avec des personnes qui promeuvent ou organisent la violence',
          'Keeps or seeks contact with people who promote or organise violence',
          'Informations vérifiées uniquement ; précisez la source (les fiches de renseignement restent au registre de sécurité).',
          'Verified information only; give the source (intelligence records stay in the security register).',
        ),
        item(
          'ci_stated_intent',
          'Des informations indiquent une intention ou un projet actuel de nuire à une personne ou à un lieu',
          'Information points to a current intention or plan to harm a person or a place',
          'Distinguez propos de colère et projet : qui, quoi, quand.',
          'Tell anger apart from a plan: who, what, when.',
        ),
        item(
          'ci_violent_material',
          'Détient ou recherche des écrits, enregistrements ou messages appelant à la violence',
          'Holds or seeks writings, recordings or messages calling for violence',
          'Objets saisis et décisions correspondantes.',
          'Items seized and the decisions taken on them.',
        ),
        item(
          'ci_pressure_on_others',
          'Cherche à recruter, contraindre ou diriger d’autres détenus',
          'Tries to recruit, coerce or direct other detainees',
          'Observations du personnel, plaintes d’autres détenus (vérifiées).',
          'Staff observations, other detainees’ complaints (verified).',
        ),
      ],
    },
    {
      code: 'history_capability',
      protective: false,
      title: { fr: 'Antécédents et capacités', en: 'History and capability' },
      guidance: {
        fr:
          'Seuls les faits établis comptent ici : jugements, décisions disciplinaires, informations vérifiées. Les ' +
          'charges d’une procédure en cours ne sont pas des antécédents.',
        en:
          'Only established facts count here: judgments, disciplinary decisions, verified information. The charges of ' +
          'pending proceedings are not history.',
      },
      items: [
        item(
          'hc_established_violence',
          'Actes de violence établis par un jugement ou une décision disciplinaire',
          'Acts of violence established by a judgment or a disciplinary decision',
          'Citez la décision. Une inculpation seule se cote « absent » ou « information insuffisante ».',
          'Cite the decision. A charge alone is rated “absent” or “information insufficient”.',
        ),
        item(
          'hc_training_weapons',
          'Formation vérifiée au maniement d’armes, d’explosifs ou au combat',
          'Verified training in weapons, explosives or combat',
          'Information vérifiée, source indiquée.',
          'Verified information, source given.',
        ),
        item(
          'hc_access_means',
          'Compétences ou relations donnant accès à des moyens de violence',
          'Skills or connections giving access to means of violence',
          'Par exemple : connaissances techniques, contacts d’approvisionnement.',
          'For example: technical knowledge, supply contacts.',
        ),
        item(
          'hc_custody_conduct',
          'Violences ou menaces en détention constatées par décision disciplinaire',
          'Violence or threats in custody found by a disciplinary decision',
          'Période depuis la dernière évaluation.',
          'Period since the last assessment.',
        ),
      ],
    },
    {
      code: 'commitment_motivation',
      protective: false,
      title: { fr: 'Engagement et motivations', en: 'Commitment and motivation' },
      guidance: {
        fr:
          'Pourquoi la personne s’est engagée ou a été associée à un groupe : les motivations orientent la prise en ' +
          'charge. Une contrainte subie est à noter ici aussi.',
        en: 'Why the person joined or was associated with a group: motives guide management. Coercion suffered is noted here too.',
      },
      items: [
        item(
          'cm_belonging_status',
          'Cherche dans le groupe une appartenance, un statut ou une protection',
          'Seeks belonging, status or protection in the group',
          'Entretiens ; histoire personnelle.',
          'Interviews; personal history.',
        ),
        item(
          'cm_material_motive',
          'Motifs matériels de l’engagement (revenu, dettes, charge de famille)',
          'Material motives for involvement (income, debts, family burden)',
          'Ces motifs appellent des réponses d’insertion plutôt que de sécurité.',
          'These motives call for resettlement rather than security responses.',
        ),
        item(
          'cm_coerced',
          'L’engagement semble avoir été contraint (menaces, enlèvement, pression de la communauté)',
          'Involvement appears coerced (threats, abduction, community pressure)',
          'Indiquez si la personne craint des représailles : cela compte pour l’hébergement.',
          'Say whether the person fears reprisals: this matters for housing.',
        ),
        item(
          'cm_cause_gives_meaning',
          'Voit dans la cause du groupe le sens de sa vie',
          'Sees the group’s cause as the meaning of their life',
          'Propos et comportements observés.',
          'Statements and observed behaviour.',
        ),
      ],
    },
    {
      code: 'protective_resilience',
      protective: true,
      title: { fr: 'Facteurs de protection et de résilience', en: 'Protective and resilience factors' },
      guidance: {
        fr: 'Ce qui soutient une vie sans violence. Ici, « présent » est favorable.',
        en: 'What supports a life without violence. Here, “present” is favourable.',
      },
      items: [
        item(
          'pr_family_support',
          'Liens familiaux ou communautaires qui soutiennent une vie sans violence',
          'Family or community ties that support a life without violence',
          'Visites, correspondance, rôle des proches.',
          'Visits, correspondence, role of relatives.',
        ),
        item(
          'pr_wish_to_disengage',
          'Exprime le souhait de quitter le groupe ou a pris ses distances',
          'Expresses a wish to leave the group or has distanced themselves from it',
          'Actes concrets plutôt que déclarations seules.',
          'Concrete steps rather than statements alone.',
        ),
        item(
          'pr_takes_part',
          'Participe à l’enseignement, au travail, au dialogue religieux ou à d’autres programmes',
          'Takes part in education, work, religious dialogue or other programmes',
          'Assiduité et engagement rapportés par les intervenants.',
          'Attendance and engagement reported by facilitators.',
        ),
        item(
          'pr_non_violent_means',
          'Accepte les moyens non violents pour faire valoir ses griefs',
          'Accepts non-violent means to pursue grievances',
          'Par exemple : recours, plainte, médiation.',
          'For example: appeals, complaints, mediation.',
        ),
        item(
          'pr_release_plans',
          'A des projets réalistes pour la sortie (travail, logement, famille)',
          'Has realistic plans for release (work, housing, family)',
          'À rapprocher de l’évaluation des besoins.',
          'Read together with the needs assessment.',
        ),
      ],
    },
  ],
  judgement: {
    question: {
      fr:
        'Selon votre jugement professionnel, quel est le niveau de préoccupation quant à un passage à l’acte violent ' +
        'à motivation extrémiste ?',
      en: 'In your professional judgement, what is the level of concern about violent extremist offending?',
    },
    guidance: {
      fr:
        'Motivez le jugement à partir de l’ensemble du tableau, des facteurs de protection et du contexte ; ne le ' +
        'déduisez pas d’un décompte. Le classement de sécurité reste une décision distincte, prise et motivée par une ' +
        'personne nommée.',
      en:
        'Give reasons from the whole picture, protective factors and context; do not derive it from a count. The ' +
        'security classification remains a separate decision, made and reasoned by a named person.',
    },
    options: [
      { value: 'low', label: { fr: 'Préoccupation faible', en: 'Low concern' } },
      { value: 'moderate', label: { fr: 'Préoccupation modérée', en: 'Moderate concern' } },
      { value: 'high', label: { fr: 'Préoccupation élevée', en: 'High concern' } },
    ],
  },
};

const n = (code: string, fr: string, en: string, gfr: string, gen: string) => item(code, fr, en, gfr, gen, 'need');
const needDomain = (code: string, fr: string, en: string, items: ReturnType<typeof n>[]) => ({
  code,
  protective: false,
  title: { fr, en },
  guidance: { fr: 'Cotez le besoin de soutien, pas la personne.', en: 'Rate the need for support, not the person.' },
  items,
});

export const GENERAL_NEEDS_V1: InstrumentDefinition = {
  code: 'general_needs',
  kind: 'needs',
  title: { fr: 'Évaluation générale des besoins', en: 'General needs assessment' },
  purpose: {
    fr: 'Identifier les besoins de la personne pour orienter le plan de détention, les activités et la préparation à la sortie.',
    en: 'Identify the person’s needs to guide the sentence plan, activities and preparation for release.',
  },
  guidance: {
    fr:
      'Entretien avec la personne, complété par les informations du greffe, du service social et (avec son accord) ' +
      'du service médical. Les informations médicales détaillées restent au dossier médical.',
    en:
      'Interview with the person, completed with information from the registry, the social service and (with ' +
      'consent) the medical service. Detailed medical information stays in the medical file.',
  },
  scales: [need],
  domains: [
    needDomain('education', 'Éducation', 'Education', [
      n(
        'ed_literacy',
        'Lecture et écriture (français ou langue nationale)',
        'Reading and writing (French or a national language)',
        'Demandez ; proposez une courte lecture si la personne l’accepte.',
        'Ask; offer a short reading if the person agrees.',
      ),
      n(
        'ed_schooling',
        'Scolarité ou formation interrompue à reprendre',
        'Interrupted schooling or training to resume',
        'Dernier niveau atteint ; école coranique comprise.',
        'Last level reached; Koranic school included.',
      ),
    ]),
    needDomain('work_skills', 'Compétences professionnelles', 'Work skills', [
      n(
        'ws_trade',
        'Métier ou savoir-faire utilisable (agriculture, élevage, artisanat, commerce…)',
        'A usable trade or skill (farming, herding, crafts, trade…)',
        'Ce que la personne sait faire et voudrait apprendre.',
        'What the person can do and would like to learn.',
      ),
      n(
        'ws_work_in_custody',
        'Intérêt pour un travail ou un atelier en détention',
        'Interest in work or a workshop in custody',
        '',
        '',
      ),
    ]),
    needDomain('health', 'Santé', 'Health', [
      n(
        'he_physical',
        'Soins de santé physique à organiser',
        'Physical health care to arrange',
        'Orientation vers le service médical seulement ; pas de diagnostic ici.',
        'Referral to the medical service only; no diagnosis here.',
      ),
      n(
        'he_mental',
        'Soutien psychologique ou en santé mentale',
        'Psychological or mental health support',
        'Idem.',
        'Likewise.',
      ),
    ]),
    needDomain('family_contact', 'Liens familiaux', 'Family contact', [
      n(
        'fc_contact',
        'Contact avec la famille à établir ou à maintenir (visites, téléphone, courrier)',
        'Family contact to establish or keep up (visits, telephone, mail)',
        'Distance, coût, personnes à prévenir.',
        'Distance, cost, people to inform.',
      ),
      n(
        'fc_dependants',
        'Enfants ou personnes à charge laissés sans soutien',
        'Children or dependants left without support',
        'Signalez au service social.',
        'Refer to the social service.',
      ),
    ]),
    needDomain('addiction', 'Addictions', 'Addiction', [
      n(
        'ad_substances',
        'Usage de drogues, d’alcool ou de médicaments détournés',
        'Use of drugs, alcohol or misused medicines',
        'Sans jugement ; en vue d’un accompagnement.',
        'Without judgement; with a view to support.',
      ),
    ]),
    needDomain('housing_release', 'Logement à la sortie', 'Housing on release', [
      n(
        'hr_place_to_live',
        'Lieu où vivre à la sortie',
        'Somewhere to live on release',
        'Famille, communauté d’origine, risques de représailles.',
        'Family, home community, risk of reprisals.',
      ),
      n(
        'hr_documents',
        'Pièces d’identité et documents civils à obtenir',
        'Identity and civil documents to obtain',
        'Acte de naissance, carte NINA, carte d’identité.',
        'Birth certificate, NINA card, identity card.',
      ),
    ]),
  ].map((d) => ({
    ...d,
    items: d.items.map((i) =>
      i.guidance.fr ? i : { ...i, guidance: { fr: 'Selon l’entretien.', en: 'From the interview.' } },
    ),
  })),
  judgement: {
    question: {
      fr: 'Selon votre jugement professionnel, quelle priorité donner à l’accompagnement de cette personne ?',
      en: 'In your professional judgement, what priority should support for this person have?',
    },
    guidance: {
      fr: 'Motivez la priorité ; indiquez les deux ou trois besoins à traiter d’abord dans les recommandations.',
      en: 'Give reasons for the priority; name the two or three needs to address first in the recommendations.',
    },
    options: [
      { value: 'routine', label: { fr: 'Priorité ordinaire', en: 'Routine priority' } },
      { value: 'raised', label: { fr: 'Priorité renforcée', en: 'Raised priority' } },
      { value: 'urgent', label: { fr: 'Priorité urgente', en: 'Urgent priority' } },
    ],
  },
};

export const SHIPPED_INSTRUMENTS: readonly InstrumentDefinition[] = [VIOLENT_EXTREMISM_V1, GENERAL_NEEDS_V1];
