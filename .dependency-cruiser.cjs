/**
 * Module boundaries (docs/architecture.md). Run by `npm run lint:deps`, part of `npm test`.
 * - no cycles between files (and so none between modules);
 * - a module reaches another only through its front door, src/modules/<m>/index.ts;
 * - src/core and src/web (the kit) import no module, no http, no cli;
 * - production code never imports tests, test helpers or benchmarks.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A file may not import itself through others: split the shared part out.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'module-front-door',
      severity: 'error',
      comment: 'Another module is reached only through its index.ts: its repository, schema and pages are its own.',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'outside-front-door',
      severity: 'error',
      comment: 'Code outside the modules (http, cli, demo, db, server) uses a module through its index.ts.',
      from: { path: '^src/', pathNot: ['^src/modules/', '\\.test\\.ts$', '^src/db/schema\\.ts$'] },
      to: { path: '^src/modules/[^/]+/', pathNot: '^src/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'schema-aggregate',
      severity: 'error',
      comment: "src/db/schema.ts gathers the modules' tables for Drizzle: their schema.ts files and nothing else.",
      from: { path: '^src/db/schema\\.ts$' },
      to: { path: '^src/modules/[^/]+/', pathNot: '^src/modules/[^/]+/schema\\.ts$' },
    },
    {
      name: 'core-is-core',
      severity: 'error',
      comment: 'src/core is the foundation: it imports no module, no page kit, no http, no cli.',
      from: { path: '^src/core/' },
      to: { path: '^src/(modules|web|http|cli|demo)/' },
    },
    {
      name: 'kit-is-a-kit',
      severity: 'error',
      comment: 'The web kit imports only src/core and libraries, never a module.',
      from: { path: '^src/web/' },
      to: { path: '^src/(modules|http|cli|demo|db)/' },
    },
    {
      name: 'no-tests-in-production',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.test\\.ts$' },
      to: { path: ['\\.test\\.ts$', '^test/', '^bench/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^node_modules', '^data'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js'],
    },
    moduleSystems: ['es6'],
  },
};
