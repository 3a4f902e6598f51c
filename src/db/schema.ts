/** Every module's tables, for Drizzle. Each module owns its schema file; this only gathers them. */
export * from '../modules/access/schema.js';
export * from '../modules/attachments/schema.js';
export * from './history-schema.js';
export * from '../modules/custody/schema.js';
export * from '../modules/estate/schema.js';
export * from '../modules/people/schema.js';
export * from '../modules/reference/schema.js';
export * from '../modules/justice/schema.js';
export * from '../modules/reception/schema.js';
export * from '../modules/housing/schema.js';
export * from '../modules/classification/schema.js';
export * from './heartbeat-schema.js';
export * from '../modules/sharing/schema.js';
export * from '../modules/complaints/schema.js';
export * from '../modules/movements/schema.js';
export * from '../modules/chain/schema.js';
