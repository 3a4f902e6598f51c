/**
 * Demo transfers, through the service: the Bamako → Kénièroba decongestion (one vehicle already
 * received at Kénièroba, one on the road — visible to both prisons, in neither's cells), a transfer
 * to Koulikoro awaiting the directors' decision, and one where the directors disagree (the national
 * administration decides). Families told, or why not.
 */
import { sql } from 'drizzle-orm';
import { type Actor, makeActor } from '../core/access.js';
import type { Database } from '../db/index.js';
import {
  createConvoy,
  decideTransfer,
  departConvoy,
  receiveTransfer,
  recordNotice,
  requestTransfer,
} from '../modules/movements/index.js';

const HOUR = 3_600_000;

export async function seedTransfers(
  database: Database,
  users: readonly { id: string; username: string; display_name: string; roles: string[] }[],
): Promise<void> {
  const db = database.db;
  const prisons = new Map(
    (await db.execute<{ id: string; code: string }>(sql`SELECT id, code FROM prison`)).rows.map((p) => [p.code, p.id]),
  );
  if (!prisons.has('BKO') || !prisons.has('KNB') || !prisons.has('KLK')) return;
  const actor = (username: string, codes: string[]): Actor | null => {
    const u = users.find((x) => x.username === username);
    if (!u) return null;
    return makeActor({
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      roles: u.roles,
      national: codes.length === 0,
      prisonIds: codes.map((c) => prisons.get(c)!),
    });
  };
  const clerk = actor('greffier.bko', ['BKO']);
  const security = actor('securite.bko', ['BKO']);
  const dirBko = actor('directeur.bko', ['BKO']);
  const dirKnb = actor('directeur.knb', ['KNB']);
  const dirKlk = actor('directeur.klk', ['KLK']);
  const national = actor('admin', []);
  if (!clerk || !security || !dirBko || !dirKnb || !dirKlk || !national) return;
  // Bamako's detainees admitted longest ago, with a cell (the low-risk list is the director's choice).
  const held = (
    await db.execute<{ id: string }>(sql`
    SELECT a.id FROM admission a
      JOIN placement pl ON pl.admission_id = a.id AND pl.to_at IS NULL AND pl.cell_id IS NOT NULL
    WHERE a.prison_id = ${prisons.get('BKO')} AND a.ended_at IS NULL
      AND a.admitted_at < now() - interval '3 days' AND pl.from_at < now() - interval '3 days'
    ORDER BY a.admitted_at, a.committal_number LIMIT 7`)
  ).rows;
  if (held.length < 7) return;
  const now = Date.now();
  const at = (hoursAgo: number) => new Date(now - hoursAgo * HOUR).toISOString();

  const decongest = async (admissionId: string) => {
    const t = await requestTransfer(db, clerk, {
      admission_id: admissionId,
      to_prison: 'KNB',
      reason: 'congestion',
      note: 'Liste de désengorgement : détenus à faible risque (démo)',
    });
    await decideTransfer(db, dirBko, t.id, {
      decision: 'approved',
      reason: 'Surpopulation de la MCA de Bamako (démo)',
    });
    await decideTransfer(db, dirKnb, t.id, { decision: 'approved', reason: 'Places disponibles au bâtiment A (démo)' });
    return t.id;
  };

  // The first vehicle: left yesterday morning, received at Kénièroba.
  const first = [await decongest(held[0].id), await decongest(held[1].id)];
  const v1 = await createConvoy(db, security, {
    to_prison: 'KNB',
    escort_force: 'Garde nationale',
    vehicle: 'Camion Renault Kerax, immatriculation AB-4521-MD (démo)',
    officers: 'Sergent-chef Diarra, caporal Koné, garde Traoré (démo)',
    planned_departure_at: at(30),
    transfer_ids: first,
  });
  for (const id of first)
    await recordNotice(db, clerk, id, {
      notified: true,
      relative: 'Épouse, par le numéro donné à l’écrou (démo)',
      method: 'phone',
      notified_at: at(31),
    });
  await departConvoy(db, clerk, v1.id, { departed_at: at(29), property_signed_out: true });
  for (const id of first)
    await receiveTransfer(db, dirKnb, id, {
      arrived_at: at(25),
      security_check: true,
      medical_check: true,
      registry_check: true,
      property_discrepancies:
        id === first[1] ? 'Téléphone inscrit à l’inventaire non remis par l’escorte (démo)' : null,
    });

  // The second vehicle: on the road now (in neither prison's cells, on both boards).
  const second = [await decongest(held[2].id), await decongest(held[3].id), await decongest(held[4].id)];
  const v2 = await createConvoy(db, security, {
    to_prison: 'KNB',
    escort_force: 'Garde nationale',
    vehicle: 'Camion Mercedes, immatriculation AB-7310-MD (démo)',
    officers: 'Adjudant Sissoko, garde Coulibaly, garde Sangaré (démo)',
    planned_departure_at: at(2),
    transfer_ids: second,
  });
  await recordNotice(db, clerk, second[0], {
    notified: true,
    relative: 'Frère (démo)',
    method: 'in_person',
    notified_at: at(20),
  });
  await recordNotice(db, clerk, second[1], {
    notified: false,
    reason_not: 'Aucun proche connu ; le détenu n’a donné aucun contact (démo)',
  });
  await departConvoy(db, clerk, v2.id, { departed_at: at(1), property_signed_out: true });

  // Awaiting the directors' decision: to Koulikoro, for security.
  await requestTransfer(db, security, {
    admission_id: held[5].id,
    to_prison: 'KLK',
    reason: 'security',
    note: 'Menaces entre codétenus signalées (démo)',
  });
  // The directors disagree: the national administration decides.
  const split = await requestTransfer(db, clerk, {
    admission_id: held[6].id,
    to_prison: 'KNB',
    reason: 'family_proximity',
    note: 'La famille réside à Kati (démo)',
  });
  await decideTransfer(db, dirBko, split.id, {
    decision: 'approved',
    reason: 'Rapprochement familial justifié (démo)',
  });
  await decideTransfer(db, dirKnb, split.id, {
    decision: 'refused',
    reason: 'Capacité atteinte au quartier des prévenus (démo)',
  });
}
