import { boolean, date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { BirthPrecision, Relationship } from './rules.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const person = pgTable('person', {
  id: uuid('id').primaryKey(),
  familyName: text('family_name').notNull(),
  givenNames: text('given_names').notNull().default(''),
  sex: text('sex').notNull(),
  genderIdentity: text('gender_identity'),
  birthPrecision: text('birth_precision').$type<BirthPrecision>().notNull(),
  birthDate: date('birth_date'),
  birthEstimatedAge: integer('birth_estimated_age'),
  birthEstimatedOn: date('birth_estimated_on'),
  birthPlace: text('birth_place'),
  fatherName: text('father_name'),
  motherName: text('mother_name'),
  nationality: text('nationality'),
  nina: text('nina'),
  originRegionCode: text('origin_region_code'),
  originCommune: text('origin_commune'),
  languages: text('languages').array().notNull().default([]),
  photoAttachmentId: uuid('photo_attachment_id'),
  maritalStatus: text('marital_status'),
  childrenCount: integer('children_count'),
  educationLevel: text('education_level'),
  occupation: text('occupation'),
  emergencyContact: text('emergency_contact'),
  registeredPrisonId: uuid('registered_prison_id').notNull(),
  mergedIntoId: uuid('merged_into_id'),
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const personSensitive = pgTable('person_sensitive', {
  personId: uuid('person_id').primaryKey(),
  religion: text('religion'),
  ethnicity: text('ethnicity'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const personName = pgTable('person_name', {
  id: uuid('id').primaryKey(),
  personId: uuid('person_id').notNull(),
  kind: text('kind').notNull(),
  familyName: text('family_name').notNull(),
  givenNames: text('given_names').notNull().default(''),
  source: text('source'),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const personRelative = pgTable('person_relative', {
  id: uuid('id').primaryKey(),
  personId: uuid('person_id').notNull(),
  relationship: text('relationship').$type<Relationship>().notNull(),
  fullName: text('full_name').notNull(),
  birthYear: integer('birth_year'),
  phone: text('phone'),
  address: text('address'),
  whereabouts: text('whereabouts'),
  custody: text('custody'),
  emergencyContact: boolean('emergency_contact').notNull().default(false),
  notes: text('notes'),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** Age assessments (method, by whom, when, result): the doubt about a person's age is settled only by one. */
export const ageAssessment = pgTable('age_assessment', {
  id: uuid('id').primaryKey(),
  personId: uuid('person_id').notNull(),
  prisonId: uuid('prison_id'),
  method: text('method').notNull(),
  assessedBy: text('assessed_by').notNull(),
  assessedOn: date('assessed_on').notNull(),
  result: text('result').notNull(),
  minimumAge: integer('minimum_age'),
  notes: text('notes'),
  recordedBy: uuid('recorded_by').notNull(),
  recordedAt: ts('recorded_at').notNull().defaultNow(),
});
