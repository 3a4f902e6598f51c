/** The movements module's tables, one file per part (transfers, count and escorts, release), gathered for src/db/schema.ts. */
export * from './count/schema.js';
export * from './release/schema.js';
export * from './transfers/schema.js';
