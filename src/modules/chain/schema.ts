/** The chain module's tables, one file per part (custody before prison; announced arrivals), gathered for src/db/schema.ts. */
export * from './custody/schema.js';
export * from './announce/schema.js';
