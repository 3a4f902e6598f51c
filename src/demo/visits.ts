/**
 * Demo visits at Bamako (docs/visits.md), recorded through the services: the director's visiting
 * rules (Friday 08:00–12:00 for families, one visit a week, three visitors, a room of forty), a few
 * visitors linked to detainees, and next Friday's list: family visits booked by phone or at the gate,
 * a lawyer's visit (out of hearing, outside the family quota), and a banned visitor refused with the
 * director's reason — on the list, never silent.
 */
import { sql } from 'drizzle-orm';
import type { Actor } from '../core/access.js';
import { bamakoDate } from '../core/dates.js';
import type { Database } from '../db/index.js';
import {
  addVisitorRelationship,
  banVisitor,
  putVisitRules,
  registerVisit,
  registerVisitor,
} from '../modules/visits/index.js';

/** The first Friday after today (Bamako), as YYYY-MM-DD. */
function nextFriday(today: string): string {
  const d = new Date(`${today}T12:00:00Z`);
  const add = (5 - d.getUTCDay() + 7) % 7 || 7;
  return new Date(d.getTime() + add * 86_400_000).toISOString().slice(0, 10);
}

export async function seedVisits(database: Database, who: { clerk: Actor; director: Actor }): Promise<void> {
  const db = database.db;
  const { clerk, director } = who;
  const held = (
    await db.execute<{ id: string; person_id: string }>(sql`
    SELECT a.id, a.person_id FROM admission a JOIN prison p ON p.id = a.prison_id
    WHERE p.code = 'BKO' AND a.ended_at IS NULL ORDER BY a.committal_number LIMIT 5`)
  ).rows;
  if (held.length < 4) return;
  await putVisitRules(db, director, {
    prison: 'BKO',
    reason: 'Note de service : visites des familles le vendredi matin',
    rules: [
      { weekday: 5, starts: '08:00', ends: '12:00', per_person_week: 1, visitors_per_visit: 3, room_capacity: 40 },
    ],
  });
  const visitor = async (family_name: string, given_names: string, doc: string, bar_number?: string) =>
    (
      await registerVisitor(db, clerk, {
        family_name,
        given_names,
        id_doc_kind: 'nina_card',
        id_doc_number: doc,
        ...(bar_number ? { bar_number } : {}),
      })
    ).id;
  const wife = await visitor('Keïta', 'Djénéba', 'NINA-DEMO-0001');
  const mother = await visitor('Coulibaly', 'Aminata', 'NINA-DEMO-0002');
  const brother = await visitor('Traoré', 'Seydou', 'NINA-DEMO-0003');
  const banned = await visitor('Sow', 'Ousmane', 'NINA-DEMO-0004');
  const lawyer = await visitor('Diallo', 'Mamadou', 'NINA-DEMO-0005', 'BAR-ML-0412');
  await addVisitorRelationship(db, clerk, wife, { person_id: held[0].person_id, relationship: 'spouse' });
  await addVisitorRelationship(db, clerk, mother, { person_id: held[1].person_id, relationship: 'parent' });
  await addVisitorRelationship(db, clerk, brother, { person_id: held[2].person_id, relationship: 'sibling' });
  await addVisitorRelationship(db, clerk, banned, { person_id: held[3].person_id, relationship: 'friend' });
  await banVisitor(db, director, banned, {
    scope: 'prison',
    prison: 'BKO',
    reason: 'Tentative de remise d’un téléphone lors de la fouille',
  });
  const day = nextFriday(bamakoDate());
  const book = (
    i: number,
    ids: string[],
    time: string,
    channel: 'phone' | 'gate',
    kind: 'family' | 'legal' = 'family',
  ) =>
    registerVisit(db, clerk, {
      admission_id: held[i].id,
      kind,
      channel,
      visitor_ids: ids,
      day,
      time,
      ...(kind === 'legal' ? { bar_number: 'BAR-ML-0412' } : {}),
    });
  await book(0, [wife], '08:30', 'phone');
  await book(1, [mother], '09:00', 'gate');
  await book(2, [brother], '10:00', 'phone');
  await book(3, [banned], '10:30', 'gate');
  await book(0, [lawyer], '11:00', 'phone', 'legal');
}
