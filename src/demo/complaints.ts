/**
 * Demo requests and complaints at Bamako, recorded through the service: one overdue request, an
 * allegation of ill-treatment (told at once to the director and the national administration), a
 * confidential complaint to the independent body, a cell leader's request, an answered request
 * and an appeal.
 */
import { sql } from 'drizzle-orm';
import type { Actor } from '../core/access.js';
import type { Database } from '../db/index.js';
import { act, recordComplaint } from '../modules/complaints/index.js';

const DAY = 86_400_000;

export async function seedComplaints(
  database: Database,
  who: { clerk: Actor; director: Actor; officer: Actor },
): Promise<void> {
  const db = database.db;
  const held = (
    await db.execute<{ id: string; cell_id: string }>(sql`
    SELECT a.id, pl.cell_id FROM admission a JOIN prison p ON p.id = a.prison_id
      JOIN placement pl ON pl.admission_id = a.id AND pl.to_at IS NULL AND pl.cell_id IS NOT NULL
    WHERE p.code = 'BKO' AND a.ended_at IS NULL ORDER BY a.committal_number LIMIT 6`)
  ).rows;
  if (held.length < 6) return;
  const now = Date.now();
  const ago = (days: number) => new Date(now - days * DAY).toISOString();
  const { clerk, director } = who;
  // Overdue: a request taken down 12 days ago (7 days allowed), still without an answer.
  await recordComplaint(db, clerk, {
    admission_id: held[0].id,
    kind: 'request',
    category: 'food',
    channel: 'in_person',
    addressee: 'director',
    received_at: ago(12),
    words: 'Depuis deux semaines on nous donne une seule ration par jour. Nous avons faim. (démo)',
  });
  // An allegation of ill-treatment: 24 hours, to the director and the national administration at once.
  await recordComplaint(db, clerk, {
    admission_id: held[1].id,
    kind: 'complaint',
    category: 'ill_treatment',
    channel: 'in_person',
    addressee: 'director',
    received_at: new Date(now - 2 * 3_600_000).toISOString(),
    words: 'Pendant la fouille d’hier soir, deux gardiens m’ont frappé avec une matraque. J’ai mal au dos. (démo)',
    named_staff_text: 'Deux gardiens de l’équipe de nuit (démo)',
  });
  // Confidential, to the independent body: the prison's staff and director will never see it.
  await recordComplaint(db, clerk, {
    admission_id: held[2].id,
    kind: 'complaint',
    category: 'staff_treatment',
    channel: 'paper_slip',
    addressee: 'inspector',
    received_at: ago(3),
    words: 'Le chef de quartier demande de l’argent pour laisser entrer la nourriture de la famille. (démo)',
    named_staff: ['securite.bko'],
  });
  // A cell leader's request for the whole cell.
  await recordComplaint(db, clerk, {
    cell_id: held[3].cell_id,
    kind: 'request',
    category: 'conditions',
    channel: 'cell_leader',
    addressee: 'director',
    received_at: ago(2),
    words: 'Le robinet de la cellule ne coule plus depuis trois jours. (démo)',
  });
  // Answered: a hearing that never came.
  const legal = await recordComplaint(db, clerk, {
    admission_id: held[4].id,
    kind: 'request',
    category: 'legal',
    channel: 'in_person',
    addressee: 'director',
    received_at: ago(10),
    words: 'Je suis ici depuis un an et je n’ai jamais vu le juge. Je veux un avocat. (démo)',
  });
  await act(db, director, legal.id, { action: 'acknowledge' }, new Date(now - 9 * DAY));
  await act(
    db,
    director,
    legal.id,
    {
      action: 'answer',
      answer:
        'Le greffe a écrit au cabinet d’instruction ; une audition est demandée et l’ordre des avocats est saisi pour ' +
        'une commission d’office. (démo)',
      outcome: 'upheld',
      action_taken: 'Lettre au juge d’instruction et à l’ordre des avocats (démo)',
    },
    new Date(now - 6 * DAY),
  );
  // Appealed to the national level.
  const family = await recordComplaint(db, clerk, {
    admission_id: held[5].id,
    kind: 'complaint',
    category: 'family',
    channel: 'in_person',
    addressee: 'director',
    received_at: ago(20),
    words: 'Ma mère est venue de Ségou et on ne l’a pas laissée me voir. (démo)',
  });
  await act(db, director, family.id, { action: 'acknowledge' }, new Date(now - 19 * DAY));
  await act(
    db,
    director,
    family.id,
    { action: 'answer', answer: 'La visite a eu lieu hors des heures prévues. (démo)', outcome: 'not_upheld' },
    new Date(now - 12 * DAY),
  );
  await act(
    db,
    clerk,
    family.id,
    { action: 'appeal', text: 'La personne dit que la visite était à l’heure. (démo)' },
    new Date(now - 11 * DAY),
  );
}
