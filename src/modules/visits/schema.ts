/**
 * The visits module's tables, one file per part, gathered for src/db/schema.ts: gate (visitors, rules, visits,
 * family contact); outside (religious leaders, organisations) adds its line here.
 */
export * from './gate/schema.js';
