/**
 * Demo escorts and counts at Bamako, recorded through the services: today's court productions
 * (from the court list; hearings are listed for today when the story left none), one back, one
 * still out; a hospital escort overdue; yesterday's escorts out and back; this morning's count of
 * the first unit with one discrepancy found and put right by a recount, closed by the director.
 * Yesterday's daily state is then computed from the registry (/movements/daily-state).
 */
import { sql } from 'drizzle-orm';
import type { Actor } from '../core/access.js';
import { bamakoDate } from '../core/dates.js';
import type { Database } from '../db/index.js';
import { courtList, scheduleHearing } from '../modules/justice/index.js';
import {
  countSheet,
  recordEscort,
  recordEscortBack,
  recount,
  startCount,
  validateCount,
} from '../modules/movements/index.js';

const HOUR = 3_600_000;

export async function seedMovementsCount(
  database: Database,
  who: { security: Actor; clerk: Actor; director: Actor },
): Promise<void> {
  const db = database.db;
  const { security, clerk, director } = who;
  const held = (
    await db.execute<{ id: string; unit_id: string }>(sql`
    SELECT a.id, c.unit_id FROM admission a JOIN prison p ON p.id = a.prison_id
      JOIN placement pl ON pl.admission_id = a.id AND pl.to_at IS NULL AND pl.cell_id IS NOT NULL
      JOIN cell c ON c.id = pl.cell_id
    WHERE p.code = 'BKO' AND a.ended_at IS NULL ORDER BY c.unit_id, a.committal_number LIMIT 12`)
  ).rows;
  if (held.length < 8) return;
  const now = Date.now();
  const today = bamakoDate();
  const iso = (t: number) => new Date(t).toISOString();

  // Today's court productions: the court list, or two hearings listed for today.
  let list = await courtList(db, clerk, 'BKO', today);
  if (list.items.length < 2) {
    for (const [i, a] of held.slice(6, 8).entries())
      await scheduleHearing(db, clerk, a.id, {
        court: 'Tribunal de grande instance de la commune III',
        scheduled_at: iso(now + (i + 1) * HOUR),
        purpose: 'Audience de jugement (démo)',
        production_order_ref: `EXT-BKO-DEMO-${i + 1}`,
        ordered_by: 'Procureur de la République près le TGI de la commune III',
        escort_unit: 'Garde nationale, détachement de la MCA',
        escort_size: 2,
      });
    list = await courtList(db, clerk, 'BKO', today);
  }
  const productions = list.items.slice(0, 2);
  for (const [i, h] of productions.entries()) {
    const e = await recordEscort(db, security, {
      admission_id: h.admission_id,
      purpose: 'court',
      hearing_id: h.id,
      destination: h.court,
      officers: 'Garde nationale : sergent Dembélé et deux gardes (démo)',
      out_at: iso(now - (3 - i) * HOUR),
      expected_back_at: iso(now + 4 * HOUR),
    });
    if (i === 0) await recordEscortBack(db, security, e.id, { back_at: iso(now - HOUR) });
  }
  // Taken to hospital this morning, expected back an hour ago: overdue.
  const out = new Set(productions.map((p) => p.admission_id));
  const patient = held.find((h) => !out.has(h.id))!;
  await recordEscort(db, security, {
    admission_id: patient.id,
    purpose: 'hospital',
    destination: 'Hôpital Gabriel Touré, urgences',
    officers: 'Surveillants Traoré et Keïta (démo)',
    out_at: iso(now - 4 * HOUR),
    expected_back_at: iso(now - HOUR),
    notes: 'Douleurs abdominales, évacuation décidée par l’infirmier (démo)',
  });
  // Yesterday: a family visit (funeral of the father) and a hospital visit, both back.
  const [f1, f2] = held.filter((h) => !out.has(h.id) && h.id !== patient.id);
  for (const [a, purpose, destination] of [
    [f1, 'funeral', 'Kati, funérailles du père (autorisation du juge) (démo)'],
    [f2, 'hospital', 'CHU du Point G, consultation (démo)'],
  ] as const) {
    const e = await recordEscort(db, security, {
      admission_id: a.id,
      purpose,
      destination,
      officers: 'Surveillants Coulibaly et Diallo (démo)',
      out_at: iso(now - 26 * HOUR),
      expected_back_at: iso(now - 21 * HOUR),
    });
    await recordEscortBack(db, security, e.id, { back_at: iso(now - 22 * HOUR) });
  }

  // This morning's count of the first unit: one cell short, found on the recount, closed by the director.
  const unit = held[0].unit_id;
  const sheet = await countSheet(db, security, unit, 'morning');
  if (sheet.id) return;
  const short = sheet.cells.find((c) => c.expected > 0);
  if (!short) return;
  const round = await startCount(db, security, {
    unit_id: unit,
    slot: 'morning',
    counts: sheet.cells.map((c) => ({ cell_id: c.cell_id, counted: c === short ? c.expected - 1 : c.expected })),
  });
  await recount(db, security, round.id!, { counts: [{ cell_id: short.cell_id, counted: short.expected }] });
  await validateCount(db, director, round.id!, { note: null });
}
