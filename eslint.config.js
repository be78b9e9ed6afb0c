import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/**
 * The dependency rule of DESIGN §2, enforced here rather than hoped for:
 * app → db, sync (status only), forms, pwa, shared; db → shared, security; sync → db, shared;
 * server → shared; shared → zod. Dexie only in src/db, fetch only in src/sync/api-client.ts.
 */
const dexie = { name: 'dexie', message: 'Dexie is only imported in src/db/.' };
// A sibling layer of src/ is reached as `../name` (or `../../name` from a subfolder).
const layer = (name) => ({
  regex: `^(\\.\\./)+${name}(/|$)`,
  message: `This layer may not import src/${name}/ (docs/ARCHITECTURE.md).`,
});
const noFetch = { name: 'fetch', message: 'The network belongs to src/sync/api-client.ts.' };

export default tseslint.config(
  { ignores: ['dist', 'dist-server', 'data', 'node_modules', 'coverage', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [dexie, { name: 'hono', message: 'shared/ imports zod only.' }],
          patterns: [
            {
              group: ['node:*', 'preact', 'preact/*', 'pg', '@electric-sql/*'],
              message: 'shared/ imports zod only: no DOM, no Node.',
            },
            {
              group: ['**/src/**', '**/server/**'],
              message: 'shared/ depends on nothing in the repo.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', noFetch, 'window', 'document', 'indexedDB'],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [dexie],
          patterns: [
            layer('security'),
            { group: ['**/server/**'], message: 'The app never imports server code.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', noFetch, 'indexedDB'],
      'no-restricted-properties': [
        'error',
        {
          object: 'navigator',
          property: 'serviceWorker',
          message: 'Service worker wiring belongs to src/pwa/.',
        },
      ],
    },
  },
  {
    files: ['src/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [layer('app'), layer('sync'), layer('pwa'), layer('forms')] },
      ],
      'no-restricted-globals': ['error', noFetch],
    },
  },
  {
    files: ['src/sync/**/*.ts'],
    ignores: ['src/sync/api-client.ts', 'src/sync/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [dexie], patterns: [layer('app'), layer('pwa'), layer('forms')] },
      ],
      'no-restricted-globals': ['error', noFetch],
    },
  },
  {
    // Service guide logic (search, distance, hours): pure, so it runs in tests and benchmarks as is.
    files: ['src/guide/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [dexie], patterns: [layer('app'), layer('db'), layer('sync'), layer('pwa')] },
      ],
      'no-restricted-globals': ['error', noFetch, 'indexedDB'],
    },
  },
  {
    files: ['src/forms/**/*.{ts,tsx}', 'src/pwa/**/*.ts', 'src/security/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [dexie], patterns: [layer('app'), layer('db'), layer('sync')] },
      ],
      'no-restricted-globals': ['error', noFetch],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [dexie],
          patterns: [
            {
              group: ['**/src/**', '!**/server/src/**'],
              message: 'The server imports shared/, never the PWA.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{js,mjs,ts}'],
    rules: { 'no-console': 'off' },
  },
);
