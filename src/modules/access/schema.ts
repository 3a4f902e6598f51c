import { bigint, boolean, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const appUser = pgTable('app_user', {
  id: uuid('id').primaryKey(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  roles: text('roles').array().notNull(),
  national: boolean('national').notNull().default(false),
  lang: text('lang').notNull().default('fr'),
  disabledAt: ts('disabled_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
  createdBy: uuid('created_by'),
  /** Restricted rights its creator does not hold: waits for a second national administrator. */
  pendingApproval: boolean('pending_approval').notNull().default(false),
  passwordChangedAt: ts('password_changed_at'),
  totpSecret: text('totp_secret'),
  totpPendingSecret: text('totp_pending_secret'),
  totpEnabledAt: ts('totp_enabled_at'),
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
});

export const userPrison = pgTable(
  'user_prison',
  {
    userId: uuid('user_id').notNull(),
    prisonId: uuid('prison_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.prisonId] })],
);

export const userSession = pgTable('user_session', {
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
  endedAt: ts('ended_at'),
  /** Public reference: shown in "my sessions" and written on audit rows (the id is the cookie's hash). */
  ref: uuid('ref').notNull().defaultRandom(),
  lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
  address: text('address'),
  userAgent: text('user_agent'),
  endReason: text('end_reason'),
  endedBy: uuid('ended_by'),
});

export const apiToken = pgTable('api_token', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
  revokedAt: ts('revoked_at'),
  lastUsedAt: ts('last_used_at'),
  address: text('address'),
  revokeReason: text('revoke_reason'),
  revokedBy: uuid('revoked_by'),
});

/** Every login attempt, known username or not: the throttle counts failures here (shared by all processes). */
export const loginAttempt = pgTable('login_attempt', {
  id: uuid('id').primaryKey(),
  at: ts('at').notNull().defaultNow(),
  username: text('username').notNull(),
  userId: uuid('user_id'),
  address: text('address'),
  step: text('step').notNull().$type<'password' | 'totp' | 'admin'>(),
  outcome: text('outcome').notNull().$type<'pending' | 'failure' | 'success' | 'locked' | 'unlock'>(),
});

/** A password checked, the TOTP code still to come (the login page's second step). */
export const loginChallenge = pgTable('login_challenge', {
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  attemptId: uuid('attempt_id').notNull(),
  address: text('address'),
  createdAt: ts('created_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
  endedAt: ts('ended_at'),
});
