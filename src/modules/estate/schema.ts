import { date, integer, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const prison = pgTable('prison', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  regionCode: text('region_code').notNull(),
  officialCapacity: integer('official_capacity'),
  openedOn: date('opened_on'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const unit = pgTable('unit', {
  id: uuid('id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  capacity: integer('capacity'),
  closedAt: ts('closed_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const cell = pgTable('cell', {
  id: uuid('id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  code: text('code').notNull(),
  capacity: integer('capacity'),
  areaM2: numeric('area_m2', { precision: 8, scale: 2 }),
  closedAt: ts('closed_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** The official capacity over time: the value in force on a date is the latest effective on or before it. */
export const prisonCapacity = pgTable('prison_capacity', {
  id: uuid('id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  officialCapacity: integer('official_capacity'),
  /** null: in force since before the registry's records (assumed). */
  effectiveFrom: date('effective_from'),
  reason: text('reason').notNull(),
  source: text('source'),
  recordedBy: uuid('recorded_by'),
  recordedAt: ts('recorded_at').notNull().defaultNow(),
});

/** The prison's status over time: open, closed, destroyed, under reconstruction. */
export const prisonStatus = pgTable('prison_status', {
  id: uuid('id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  status: text('status').notNull(),
  effectiveFrom: date('effective_from'),
  reason: text('reason').notNull(),
  source: text('source'),
  recordedBy: uuid('recorded_by'),
  recordedAt: ts('recorded_at').notNull().defaultNow(),
});
