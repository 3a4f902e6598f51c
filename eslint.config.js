// ESLint: typescript-eslint's strict, type-aware rules over the whole TypeScript tree.
// Formatting is Prettier's (npm run format:check); module boundaries are dependency-cruiser's
// (.dependency-cruiser.cjs). `npm run lint` must report nothing.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'data-*/', 'attachments/', 'bench/results/', 'bin/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Template literals are how pages and messages are written; numbers and booleans in them are fine.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Fastify handlers are async functions passed where a callback is expected.
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { arguments: false, properties: false } },
      ],
      // The casts the codebase may not use: `as never` and `as unknown as` (see docs/architecture.md).
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSAsExpression > TSNeverKeyword',
          message: 'No `as never`: type the value (Static<typeof Schema>).',
        },
        {
          selector: 'TSAsExpression > TSAsExpression > TSUnknownKeyword',
          message: 'No `as unknown as`: type the value.',
        },
      ],
      // tsconfig does not set noUncheckedIndexedAccess: a read from a record or an array is typed as
      // always present, so this rule would flag (and invite removing) the guards that protect such
      // reads — and the checks of untyped input (JSON, forms, database rows) at the boundaries.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // `req.actor!` (set by the authentication hook on every non-public route) and the results of
      // lookups just checked: the assertion states the invariant; needless ones are still refused by
      // no-unnecessary-type-assertion.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // No line of code over 140 characters; a line made long by one sentence (a message, an error
      // for the operator) is kept whole, so that it can be found by searching for its words.
      'max-len': [
        'error',
        { code: 140, ignoreUrls: true, ignoreRegExpLiterals: true, ignoreStrings: true, ignoreTemplateLiterals: true },
      ],
    },
  },
  // The tools' own configuration files (eslint.config.js, .dependency-cruiser.cjs) are outside the
  // TypeScript project: linted without type information, the .cjs one as CommonJS.
  { files: ['**/*.js', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite'] },
          ],
        },
      ],
    },
  },
);
