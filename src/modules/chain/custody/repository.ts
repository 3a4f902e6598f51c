/** Queries of custody before prison: the custody_stage, custody_limit_rule and chain_custody_settings tables only. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/index.js';
import { chainCustodySettings, custodyLimitRule, custodyStage } from './schema.js';

export type StageRow = typeof custodyStage.$inferSelect;
export type RuleRow = typeof custodyLimitRule.$inferSelect;

/** A version in force: no other version corrects it. */
const inForce = sql`NOT EXISTS (SELECT 1 FROM custody_stage newer WHERE newer.supersedes_id = ${custodyStage.id})`;

/** Every version of the stages of some admissions (in force and corrected), in order of start then record. */
export async function stagesOf(db: Tx, admissionIds: readonly string[]): Promise<StageRow[]> {
  if (!admissionIds.length) return [];
  return db
    .select()
    .from(custodyStage)
    .where(inArray(custodyStage.admissionId, [...admissionIds]))
    .orderBy(asc(custodyStage.fromAt), asc(custodyStage.createdAt));
}

/** The versions in force of some admissions' stages. */
export async function stagesInForce(db: Tx, admissionIds: readonly string[]): Promise<StageRow[]> {
  if (!admissionIds.length) return [];
  return db
    .select()
    .from(custodyStage)
    .where(and(inArray(custodyStage.admissionId, [...admissionIds]), inForce))
    .orderBy(asc(custodyStage.fromAt));
}

/** The admissions whose stages in force name one of these prosecutors' offices. */
export async function admissionsOfProsecutors(db: Tx, jurisdictionIds: readonly string[]): Promise<string[]> {
  if (!jurisdictionIds.length) return [];
  const rows = await db
    .selectDistinct({ id: custodyStage.admissionId })
    .from(custodyStage)
    .where(and(inArray(custodyStage.prosecutorJurisdictionId, [...jurisdictionIds]), inForce));
  return rows.map((r) => r.id);
}

/** The admissions of a prison (or all) that have a stage: for the breach count. */
export async function admissionsWithStages(db: Tx, prisonIds: readonly string[] | null): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: custodyStage.admissionId })
    .from(custodyStage)
    .where(prisonIds ? inArray(custodyStage.prisonId, [...prisonIds]) : undefined);
  return rows.map((r) => r.id);
}

export async function findStage(db: Tx, id: string, forUpdate = false): Promise<StageRow | undefined> {
  const q = db.select().from(custodyStage).where(eq(custodyStage.id, id));
  const [r] = forUpdate ? await q.for('update') : await q;
  return r;
}

export async function isSuperseded(db: Tx, id: string): Promise<boolean> {
  const [r] = await db.select({ id: custodyStage.id }).from(custodyStage).where(eq(custodyStage.supersedesId, id));
  return !!r;
}

export async function insertStage(db: Tx, row: typeof custodyStage.$inferInsert): Promise<void> {
  await db.insert(custodyStage).values(row);
}

export async function rules(db: Tx): Promise<RuleRow[]> {
  return db
    .select()
    .from(custodyLimitRule)
    .orderBy(asc(custodyLimitRule.category), asc(custodyLimitRule.effectiveFrom));
}

export async function insertRule(db: Tx, row: typeof custodyLimitRule.$inferInsert): Promise<void> {
  await db.insert(custodyLimitRule).values(row);
}

export async function ruleAt(db: Tx, category: string, effectiveFrom: string): Promise<RuleRow | undefined> {
  const [r] = await db
    .select()
    .from(custodyLimitRule)
    .where(and(eq(custodyLimitRule.category, category), eq(custodyLimitRule.effectiveFrom, effectiveFrom)));
  return r;
}

export interface Settings {
  withoutChargeHours: number;
  creditCustody: boolean;
}

export async function settings(db: Tx): Promise<Settings> {
  const [r] = await db.select().from(chainCustodySettings).where(eq(chainCustodySettings.id, 'national'));
  return { withoutChargeHours: r?.withoutChargeHours ?? 48, creditCustody: r?.creditCustody ?? true };
}

export async function putSettings(db: Tx, s: Settings, userId: string): Promise<void> {
  await db
    .insert(chainCustodySettings)
    .values({ id: 'national', ...s, updatedBy: userId })
    .onConflictDoUpdate({ target: chainCustodySettings.id, set: { ...s, updatedBy: userId, updatedAt: new Date() } });
}
