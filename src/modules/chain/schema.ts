/** The chain module's tables, one file per part (custody before prison; announcements), gathered for src/db/schema.ts. */
export * from './custody/schema.js';
