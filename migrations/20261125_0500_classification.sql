-- Classification, risk and needs assessment, cell leaders (issue 6).
-- Security levels themselves are in security_level (housing, 20261125_0800); this migration runs
-- before it, so classification_basis.security_level_id is checked by the application, not by a
-- foreign key.

CREATE FUNCTION pmis_classification_no_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'rows of % are never changed: add a new one', TG_TABLE_NAME USING ERRCODE = 'P0001';
END $$;

-- Instruments, defined and versioned by the national administration. A version's definition is
-- never changed; a past assessment keeps pointing at the version it was made with.
CREATE TABLE assessment_instrument (
  id          uuid PRIMARY KEY,
  code        text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]{0,39}$'),
  kind        text NOT NULL CHECK (kind IN ('risk','needs')),
  created_by  uuid REFERENCES app_user(id),          -- NULL: shipped with pmis
  created_at  timestamptz NOT NULL DEFAULT now(),
  retired_at  timestamptz
);

CREATE TABLE assessment_instrument_version (
  id             uuid PRIMARY KEY,
  instrument_id  uuid NOT NULL REFERENCES assessment_instrument(id),
  version        integer NOT NULL CHECK (version >= 1),
  definition     jsonb NOT NULL,
  note           text NOT NULL,
  published_by   uuid REFERENCES app_user(id),       -- NULL: shipped with pmis
  published_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (instrument_id, version)
);
CREATE TRIGGER no_update BEFORE UPDATE ON assessment_instrument_version FOR EACH ROW EXECUTE FUNCTION pmis_classification_no_update();
CREATE TRIGGER no_delete BEFORE DELETE ON assessment_instrument_version FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();
CREATE TRIGGER no_delete BEFORE DELETE ON assessment_instrument FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();

-- Assessments: restricted data (assessors, director, national administration), every read audited.
CREATE TABLE assessment (
  id                     uuid PRIMARY KEY,
  prison_id              uuid NOT NULL REFERENCES prison(id),
  admission_id           uuid NOT NULL REFERENCES admission(id),
  person_id              uuid NOT NULL REFERENCES person(id),
  instrument_version_id  uuid NOT NULL REFERENCES assessment_instrument_version(id),
  status                 text NOT NULL CHECK (status IN ('draft','complete')),
  content                jsonb NOT NULL,
  judgement              text,
  assessor_id            uuid NOT NULL REFERENCES app_user(id),
  started_at             timestamptz NOT NULL DEFAULT now(),
  completed_at           timestamptz,
  previous_id            uuid REFERENCES assessment(id),
  row_version            integer NOT NULL DEFAULT 1,
  CHECK ((status = 'complete') = (completed_at IS NOT NULL))
);
CREATE INDEX assessment_person_idx ON assessment (person_id, started_at DESC);
CREATE INDEX assessment_admission_idx ON assessment (admission_id, started_at DESC);
CREATE TRIGGER no_delete BEFORE DELETE ON assessment FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();
-- A completed assessment is final: a later view is a new assessment.
CREATE FUNCTION pmis_assessment_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'complete' THEN
    RAISE EXCEPTION 'a completed assessment is never changed: start a new one' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER assessment_final BEFORE UPDATE ON assessment FOR EACH ROW EXECUTE FUNCTION pmis_assessment_final();

-- Each prison's classification settings (levels, intervals, regime per level): JSON checked by the
-- application (rules.ts validateSettings); the change log keeps every earlier version.
CREATE TABLE classification_settings (
  prison_id   uuid PRIMARY KEY REFERENCES prison(id),
  settings    jsonb NOT NULL,
  updated_by  uuid NOT NULL REFERENCES app_user(id),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- What a security level decision rests on: the assessment, the level the assessor's judgement
-- pointed to, and the justification when the decision departs from it.
CREATE TABLE classification_basis (
  security_level_id       uuid PRIMARY KEY,
  prison_id               uuid NOT NULL REFERENCES prison(id),
  admission_id            uuid NOT NULL REFERENCES admission(id),
  assessment_id           uuid REFERENCES assessment(id),
  indicated_level         text,
  override                boolean NOT NULL,
  override_justification  text,
  CHECK (NOT override OR coalesce(btrim(override_justification), '') <> '')
);
CREATE TRIGGER no_delete BEFORE DELETE ON classification_basis FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();
CREATE TRIGGER no_update BEFORE UPDATE ON classification_basis FOR EACH ROW EXECUTE FUNCTION pmis_classification_no_update();

-- Events that call for a review: an incident, a new legal title, a programme completed.
CREATE TABLE review_event (
  id            uuid PRIMARY KEY,
  prison_id     uuid NOT NULL REFERENCES prison(id),
  admission_id  uuid NOT NULL REFERENCES admission(id),
  person_id     uuid NOT NULL REFERENCES person(id),
  kind          text NOT NULL CHECK (kind IN ('incident','new_title','programme')),
  occurred_on   date NOT NULL,
  note          text NOT NULL,
  recorded_by   uuid NOT NULL REFERENCES app_user(id),
  recorded_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX review_event_admission_idx ON review_event (admission_id, occurred_on);
CREATE TRIGGER no_delete BEFORE DELETE ON review_event FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();

-- A person's own regime decisions (allow or restrict an activity, visits, a programme), with reason.
CREATE TABLE regime_adjustment (
  id            uuid PRIMARY KEY,
  prison_id     uuid NOT NULL REFERENCES prison(id),
  admission_id  uuid NOT NULL REFERENCES admission(id),
  person_id     uuid NOT NULL REFERENCES person(id),
  subject       jsonb NOT NULL,
  effect        text NOT NULL CHECK (effect IN ('allow','restrict')),
  reason        text NOT NULL,
  until         date,
  decided_by    uuid NOT NULL REFERENCES app_user(id),
  decided_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX regime_adjustment_admission_idx ON regime_adjustment (admission_id, decided_at);
CREATE TRIGGER no_delete BEFORE DELETE ON regime_adjustment FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();

-- Cell leaders ("chefs de cellule"): who, since when, elected or appointed; and the requests they carry.
CREATE TABLE cell_leader (
  id            uuid PRIMARY KEY,
  prison_id     uuid NOT NULL REFERENCES prison(id),
  cell_id       uuid NOT NULL REFERENCES cell(id),
  admission_id  uuid NOT NULL REFERENCES admission(id),
  person_id     uuid NOT NULL REFERENCES person(id),
  how           text NOT NULL CHECK (how IN ('elected','appointed')),
  since         date NOT NULL,
  until         date,
  end_reason    text,
  recorded_by   uuid NOT NULL REFERENCES app_user(id),
  recorded_at   timestamptz NOT NULL DEFAULT now(),
  ended_by      uuid REFERENCES app_user(id),
  CHECK (until IS NULL OR until >= since)
);
CREATE UNIQUE INDEX cell_leader_one_current_idx ON cell_leader (cell_id) WHERE until IS NULL;
CREATE TRIGGER no_delete BEFORE DELETE ON cell_leader FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();

CREATE TABLE cell_leader_request (
  id              uuid PRIMARY KEY,
  prison_id       uuid NOT NULL REFERENCES prison(id),
  cell_leader_id  uuid NOT NULL REFERENCES cell_leader(id),
  cell_id         uuid NOT NULL REFERENCES cell(id),
  subject         text NOT NULL,
  detail          text,
  raised_on       date NOT NULL,
  status          text NOT NULL CHECK (status IN ('open','answered')) DEFAULT 'open',
  answer          text,
  answered_by     uuid REFERENCES app_user(id),
  answered_at     timestamptz,
  recorded_by     uuid NOT NULL REFERENCES app_user(id),
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'answered') = (answer IS NOT NULL))
);
CREATE INDEX cell_leader_request_cell_idx ON cell_leader_request (cell_id, raised_on DESC);
CREATE TRIGGER no_delete BEFORE DELETE ON cell_leader_request FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();

-- The two instruments shipped with pmis (src/modules/classification/shipped-instruments.ts), version 1.
INSERT INTO assessment_instrument (id, code, kind) VALUES ('01a210bd-7431-786b-9913-fa614a45a185', 'spj_violent_extremism', 'risk');
INSERT INTO assessment_instrument_version (id, instrument_id, version, definition, note) VALUES ('01a210bd-7432-7672-98dd-7946d1e13639', '01a210bd-7431-786b-9913-fa614a45a185', 1, $json${"code":"spj_violent_extremism","kind":"risk","title":{"fr":"Évaluation structurée — extrémisme violent","en":"Structured assessment — violent extremism"},"purpose":{"fr":"Aider un évaluateur formé à se faire un jugement professionnel motivé sur le niveau de préoccupation et sur les mesures de prise en charge (hébergement, activités, programmes, suivi).","en":"Help a trained assessor reach a reasoned professional judgement on the level of concern and on management measures (housing, activities, programmes, supervision)."},"guidance":{"fr":"Appuyez chaque cotation sur des sources nommées (entretiens, observations du personnel, décisions de justice, rapports disciplinaires). Une inculpation n’est pas un fait établi : seuls un jugement ou une décision disciplinaire établissent un acte. Ne faites pas la somme des cotations : le jugement d’ensemble est le vôtre, motivé. Réévaluez au moins à chaque réexamen du classement.","en":"Base every rating on named sources (interviews, staff observations, court decisions, disciplinary reports). A charge is not an established fact: only a judgment or a disciplinary decision establishes an act. Do not add up the ratings: the overall judgement is yours, with reasons. Reassess at least at every classification review."},"scales":[{"code":"presence","label":{"fr":"Présence","en":"Presence"},"levels":[{"value":"absent","rank":0,"label":{"fr":"Absent","en":"Absent"}},{"value":"partly","rank":1,"label":{"fr":"Partiellement présent","en":"Partly present"}},{"value":"present","rank":2,"label":{"fr":"Présent","en":"Present"}},{"value":"unknown","rank":null,"label":{"fr":"Information insuffisante","en":"Information insufficient"}}]}],"domains":[{"code":"beliefs_attitudes","protective":false,"title":{"fr":"Convictions et attitudes","en":"Beliefs and attitudes"},"guidance":{"fr":"Ce que la personne dit, écrit ou montre de ses idées. Une pratique religieuse, une opinion politique ou une appartenance communautaire ne sont pas, en elles-mêmes, des facteurs de risque.","en":"What the person says, writes or shows of their views. Religious practice, political opinion or community membership are not, in themselves, risk factors."},"items":[{"code":"ba_violence_acceptable","scale":"presence","text":{"fr":"Affirme que la violence contre des personnes est un moyen acceptable de servir une cause","en":"States that violence against people is an acceptable way to serve a cause"},"guidance":{"fr":"Propos tenus devant le personnel ou en entretien, écrits. Notez la date et la source.","en":"Statements to staff or in interview, writings. Note date and source."}},{"code":"ba_grievance_blame","scale":"presence","text":{"fr":"Décrit une injustice subie par lui-même ou par son groupe et en rend responsable un groupe ou une institution précis","en":"Describes an injustice suffered by themselves or their group and blames a specific group or institution for it"},"guidance":{"fr":"Une injustice réelle peut exister : cotez la manière dont elle est reliée à un responsable désigné et à la violence.","en":"The injustice may be real: rate how it is tied to a designated culprit and to violence."}},{"code":"ba_others_less_human","scale":"presence","text":{"fr":"Parle des personnes extérieures à son groupe en des termes qui leur retirent dignité ou droits","en":"Speaks of people outside their group in terms that deny them dignity or rights"},"guidance":{"fr":"Propos rapportés avec leur contexte.","en":"Statements reported with their context."}},{"code":"ba_closed_to_other_views","scale":"presence","text":{"fr":"Refuse d’examiner des points de vue différents sur ces questions","en":"Refuses to consider differing views on these questions"},"guidance":{"fr":"Observé en entretien, en activité ou lors d’un dialogue religieux.","en":"Observed in interview, in activities or in religious dialogue."}}]},{"code":"context_intent","protective":false,"title":{"fr":"Contexte et intention","en":"Context and intent"},"guidance":{"fr":"La situation actuelle, en détention comme à l’extérieur : contacts, projets, influence sur d’autres.","en":"The current situation, in custody and outside: contacts, plans, influence on others."},"items":[{"code":"ci_contact_violent_networks","scale":"presence","text":{"fr":"Garde ou recherche le contact avec des personnes qui promeuvent ou organisent la violence","en":"Keeps or seeks contact with people who promote or organise violence"},"guidance":{"fr":"Informations vérifiées uniquement ; précisez la source (les fiches de renseignement restent au registre de sécurité).","en":"Verified information only; give the source (intelligence records stay in the security register)."}},{"code":"ci_stated_intent","scale":"presence","text":{"fr":"Des informations indiquent une intention ou un projet actuel de nuire à une personne ou à un lieu","en":"Information points to a current intention or plan to harm a person or a place"},"guidance":{"fr":"Distinguez propos de colère et projet : qui, quoi, quand.","en":"Tell anger apart from a plan: who, what, when."}},{"code":"ci_violent_material","scale":"presence","text":{"fr":"Détient ou recherche des écrits, enregistrements ou messages appelant à la violence","en":"Holds or seeks writings, recordings or messages calling for violence"},"guidance":{"fr":"Objets saisis et décisions correspondantes.","en":"Items seized and the decisions taken on them."}},{"code":"ci_pressure_on_others","scale":"presence","text":{"fr":"Cherche à recruter, contraindre ou diriger d’autres détenus","en":"Tries to recruit, coerce or direct other detainees"},"guidance":{"fr":"Observations du personnel, plaintes d’autres détenus (vérifiées).","en":"Staff observations, other detainees’ complaints (verified)."}}]},{"code":"history_capability","protective":false,"title":{"fr":"Antécédents et capacités","en":"History and capability"},"guidance":{"fr":"Seuls les faits établis comptent ici : jugements, décisions disciplinaires, informations vérifiées. Les charges d’une procédure en cours ne sont pas des antécédents.","en":"Only established facts count here: judgments, disciplinary decisions, verified information. The charges of pending proceedings are not history."},"items":[{"code":"hc_established_violence","scale":"presence","text":{"fr":"Actes de violence établis par un jugement ou une décision disciplinaire","en":"Acts of violence established by a judgment or a disciplinary decision"},"guidance":{"fr":"Citez la décision. Une inculpation seule se cote « absent » ou « information insuffisante ».","en":"Cite the decision. A charge alone is rated “absent” or “information insufficient”."}},{"code":"hc_training_weapons","scale":"presence","text":{"fr":"Formation vérifiée au maniement d’armes, d’explosifs ou au combat","en":"Verified training in weapons, explosives or combat"},"guidance":{"fr":"Information vérifiée, source indiquée.","en":"Verified information, source given."}},{"code":"hc_access_means","scale":"presence","text":{"fr":"Compétences ou relations donnant accès à des moyens de violence","en":"Skills or connections giving access to means of violence"},"guidance":{"fr":"Par exemple : connaissances techniques, contacts d’approvisionnement.","en":"For example: technical knowledge, supply contacts."}},{"code":"hc_custody_conduct","scale":"presence","text":{"fr":"Violences ou menaces en détention constatées par décision disciplinaire","en":"Violence or threats in custody found by a disciplinary decision"},"guidance":{"fr":"Période depuis la dernière évaluation.","en":"Period since the last assessment."}}]},{"code":"commitment_motivation","protective":false,"title":{"fr":"Engagement et motivations","en":"Commitment and motivation"},"guidance":{"fr":"Pourquoi la personne s’est engagée ou a été associée à un groupe : les motivations orientent la prise en charge. Une contrainte subie est à noter ici aussi.","en":"Why the person joined or was associated with a group: motives guide management. Coercion suffered is noted here too."},"items":[{"code":"cm_belonging_status","scale":"presence","text":{"fr":"Cherche dans le groupe une appartenance, un statut ou une protection","en":"Seeks belonging, status or protection in the group"},"guidance":{"fr":"Entretiens ; histoire personnelle.","en":"Interviews; personal history."}},{"code":"cm_material_motive","scale":"presence","text":{"fr":"Motifs matériels de l’engagement (revenu, dettes, charge de famille)","en":"Material motives for involvement (income, debts, family burden)"},"guidance":{"fr":"Ces motifs appellent des réponses d’insertion plutôt que de sécurité.","en":"These motives call for resettlement rather than security responses."}},{"code":"cm_coerced","scale":"presence","text":{"fr":"L’engagement semble avoir été contraint (menaces, enlèvement, pression de la communauté)","en":"Involvement appears coerced (threats, abduction, community pressure)"},"guidance":{"fr":"Indiquez si la personne craint des représailles : cela compte pour l’hébergement.","en":"Say whether the person fears reprisals: this matters for housing."}},{"code":"cm_cause_gives_meaning","scale":"presence","text":{"fr":"Voit dans la cause du groupe le sens de sa vie","en":"Sees the group’s cause as the meaning of their life"},"guidance":{"fr":"Propos et comportements observés.","en":"Statements and observed behaviour."}}]},{"code":"protective_resilience","protective":true,"title":{"fr":"Facteurs de protection et de résilience","en":"Protective and resilience factors"},"guidance":{"fr":"Ce qui soutient une vie sans violence. Ici, « présent » est favorable.","en":"What supports a life without violence. Here, “present” is favourable."},"items":[{"code":"pr_family_support","scale":"presence","text":{"fr":"Liens familiaux ou communautaires qui soutiennent une vie sans violence","en":"Family or community ties that support a life without violence"},"guidance":{"fr":"Visites, correspondance, rôle des proches.","en":"Visits, correspondence, role of relatives."}},{"code":"pr_wish_to_disengage","scale":"presence","text":{"fr":"Exprime le souhait de quitter le groupe ou a pris ses distances","en":"Expresses a wish to leave the group or has distanced themselves from it"},"guidance":{"fr":"Actes concrets plutôt que déclarations seules.","en":"Concrete steps rather than statements alone."}},{"code":"pr_takes_part","scale":"presence","text":{"fr":"Participe à l’enseignement, au travail, au dialogue religieux ou à d’autres programmes","en":"Takes part in education, work, religious dialogue or other programmes"},"guidance":{"fr":"Assiduité et engagement rapportés par les intervenants.","en":"Attendance and engagement reported by facilitators."}},{"code":"pr_non_violent_means","scale":"presence","text":{"fr":"Accepte les moyens non violents pour faire valoir ses griefs","en":"Accepts non-violent means to pursue grievances"},"guidance":{"fr":"Par exemple : recours, plainte, médiation.","en":"For example: appeals, complaints, mediation."}},{"code":"pr_release_plans","scale":"presence","text":{"fr":"A des projets réalistes pour la sortie (travail, logement, famille)","en":"Has realistic plans for release (work, housing, family)"},"guidance":{"fr":"À rapprocher de l’évaluation des besoins.","en":"Read together with the needs assessment."}}]}],"judgement":{"question":{"fr":"Selon votre jugement professionnel, quel est le niveau de préoccupation quant à un passage à l’acte violent à motivation extrémiste ?","en":"In your professional judgement, what is the level of concern about violent extremist offending?"},"guidance":{"fr":"Motivez le jugement à partir de l’ensemble du tableau, des facteurs de protection et du contexte ; ne le déduisez pas d’un décompte. Le classement de sécurité reste une décision distincte, prise et motivée par une personne nommée.","en":"Give reasons from the whole picture, protective factors and context; do not derive it from a count. The security classification remains a separate decision, made and reasoned by a named person."},"options":[{"value":"low","label":{"fr":"Préoccupation faible","en":"Low concern"}},{"value":"moderate","label":{"fr":"Préoccupation modérée","en":"Moderate concern"}},{"value":"high","label":{"fr":"Préoccupation élevée","en":"High concern"}}]}}$json$::jsonb, 'Shipped with pmis / livré avec pmis');
INSERT INTO assessment_instrument (id, code, kind) VALUES ('01a210bd-7432-7672-98dd-7947b03aa984', 'general_needs', 'needs');
INSERT INTO assessment_instrument_version (id, instrument_id, version, definition, note) VALUES ('01a210bd-7432-7672-98dd-7948c1c3d439', '01a210bd-7432-7672-98dd-7947b03aa984', 1, $json${"code":"general_needs","kind":"needs","title":{"fr":"Évaluation générale des besoins","en":"General needs assessment"},"purpose":{"fr":"Identifier les besoins de la personne pour orienter le plan de détention, les activités et la préparation à la sortie.","en":"Identify the person’s needs to guide the sentence plan, activities and preparation for release."},"guidance":{"fr":"Entretien avec la personne, complété par les informations du greffe, du service social et (avec son accord) du service médical. Les informations médicales détaillées restent au dossier médical.","en":"Interview with the person, completed with information from the registry, the social service and (with consent) the medical service. Detailed medical information stays in the medical file."},"scales":[{"code":"need","label":{"fr":"Besoin","en":"Need"},"levels":[{"value":"none","rank":0,"label":{"fr":"Pas de besoin","en":"No need"}},{"value":"some","rank":1,"label":{"fr":"Besoin modéré","en":"Some need"}},{"value":"high","rank":2,"label":{"fr":"Besoin important","en":"High need"}},{"value":"unknown","rank":null,"label":{"fr":"Information insuffisante","en":"Information insufficient"}}]}],"domains":[{"code":"education","protective":false,"title":{"fr":"Éducation","en":"Education"},"guidance":{"fr":"Cotez le besoin de soutien, pas la personne.","en":"Rate the need for support, not the person."},"items":[{"code":"ed_literacy","scale":"need","text":{"fr":"Lecture et écriture (français ou langue nationale)","en":"Reading and writing (French or a national language)"},"guidance":{"fr":"Demandez ; proposez une courte lecture si la personne l’accepte.","en":"Ask; offer a short reading if the person agrees."}},{"code":"ed_schooling","scale":"need","text":{"fr":"Scolarité ou formation interrompue à reprendre","en":"Interrupted schooling or training to resume"},"guidance":{"fr":"Dernier niveau atteint ; école coranique comprise.","en":"Last level reached; Koranic school included."}}]},{"code":"work_skills","protective":false,"title":{"fr":"Compétences professionnelles","en":"Work skills"},"guidance":{"fr":"Cotez le besoin de soutien, pas la personne.","en":"Rate the need for support, not the person."},"items":[{"code":"ws_trade","scale":"need","text":{"fr":"Métier ou savoir-faire utilisable (agriculture, élevage, artisanat, commerce…)","en":"A usable trade or skill (farming, herding, crafts, trade…)"},"guidance":{"fr":"Ce que la personne sait faire et voudrait apprendre.","en":"What the person can do and would like to learn."}},{"code":"ws_work_in_custody","scale":"need","text":{"fr":"Intérêt pour un travail ou un atelier en détention","en":"Interest in work or a workshop in custody"},"guidance":{"fr":"Selon l’entretien.","en":"From the interview."}}]},{"code":"health","protective":false,"title":{"fr":"Santé","en":"Health"},"guidance":{"fr":"Cotez le besoin de soutien, pas la personne.","en":"Rate the need for support, not the person."},"items":[{"code":"he_physical","scale":"need","text":{"fr":"Soins de santé physique à organiser","en":"Physical health care to arrange"},"guidance":{"fr":"Orientation vers le service médical seulement ; pas de diagnostic ici.","en":"Referral to the medical service only; no diagnosis here."}},{"code":"he_mental","scale":"need","text":{"fr":"Soutien psychologique ou en santé mentale","en":"Psychological or mental health support"},"guidance":{"fr":"Idem.","en":"Likewise."}}]},{"code":"family_contact","protective":false,"title":{"fr":"Liens familiaux","en":"Family contact"},"guidance":{"fr":"Cotez le besoin de soutien, pas la personne.","en":"Rate the need for support, not the person."},"items":[{"code":"fc_contact","scale":"need","text":{"fr":"Contact avec la famille à établir ou à maintenir (visites, téléphone, courrier)","en":"Family contact to establish or keep up (visits, telephone, mail)"},"guidance":{"fr":"Distance, coût, personnes à prévenir.","en":"Distance, cost, people to inform."}},{"code":"fc_dependants","scale":"need","text":{"fr":"Enfants ou personnes à charge laissés sans soutien","en":"Children or dependants left without support"},"guidance":{"fr":"Signalez au service social.","en":"Refer to the social service."}}]},{"code":"addiction","protective":false,"title":{"fr":"Addictions","en":"Addiction"},"guidance":{"fr":"Cotez le besoin de soutien, pas la personne.","en":"Rate the need for support, not the person."},"items":[{"code":"ad_substances","scale":"need","text":{"fr":"Usage de drogues, d’alcool ou de médicaments détournés","en":"Use of drugs, alcohol or misused medicines"},"guidance":{"fr":"Sans jugement ; en vue d’un accompagnement.","en":"Without judgement; with a view to support."}}]},{"code":"housing_release","protective":false,"title":{"fr":"Logement à la sortie","en":"Housing on release"},"guidance":{"fr":"Cotez le besoin de soutien, pas la personne.","en":"Rate the need for support, not the person."},"items":[{"code":"hr_place_to_live","scale":"need","text":{"fr":"Lieu où vivre à la sortie","en":"Somewhere to live on release"},"guidance":{"fr":"Famille, communauté d’origine, risques de représailles.","en":"Family, home community, risk of reprisals."}},{"code":"hr_documents","scale":"need","text":{"fr":"Pièces d’identité et documents civils à obtenir","en":"Identity and civil documents to obtain"},"guidance":{"fr":"Acte de naissance, carte NINA, carte d’identité.","en":"Birth certificate, NINA card, identity card."}}]}],"judgement":{"question":{"fr":"Selon votre jugement professionnel, quelle priorité donner à l’accompagnement de cette personne ?","en":"In your professional judgement, what priority should support for this person have?"},"guidance":{"fr":"Motivez la priorité ; indiquez les deux ou trois besoins à traiter d’abord dans les recommandations.","en":"Give reasons for the priority; name the two or three needs to address first in the recommendations."},"options":[{"value":"routine","label":{"fr":"Priorité ordinaire","en":"Routine priority"}},{"value":"raised","label":{"fr":"Priorité renforcée","en":"Raised priority"}},{"value":"urgent","label":{"fr":"Priorité urgente","en":"Urgent priority"}}]}}$json$::jsonb, 'Shipped with pmis / livré avec pmis');
