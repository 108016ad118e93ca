// Lint rules, including the layers: domain ← storage ← services ← bot/cards/http ← index.
// A wrong import is an error, so CI fails on it (see tests/unit/lint-layers.test.ts).
import tseslint from 'typescript-eslint';

const SDKS = ['botbuilder', 'botbuilder-*', 'botframework-*', '@microsoft/teams-ai', 'restify', 'restify-*'];
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const sdkRule = {
  group: SDKS,
  message: 'Only src/bot/, src/http/, src/app.ts and src/index.ts may use the Bot Framework, teams-ai or restify.',
};
const tablesRule = { group: ['@azure/data-tables'], message: 'Only src/storage/table/ may use @azure/data-tables.' };
const upward = (layers, who) => ({
  group: layers.flatMap((l) => [`**/${l}`, `**/${l}/**`]),
  message: `${who} must not depend on ${layers.join(', ')} (dependencies point one way).`,
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.js', '**/*.mjs', 'tests/.artifacts/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-empty-function': 'off',
    },
  },
  // Everything in src except the adapters keeps away from the SDKs and from the table client.
  { files: ['src/**/*.ts', 'src/**/*.tsx'], rules: restrict([sdkRule, tablesRule]) },
  { files: ['src/bot/**', 'src/http/**', 'src/app.ts', 'src/index.ts'], rules: restrict([tablesRule]) },
  {
    files: ['src/storage/table/**'],
    rules: restrict([sdkRule, upward(['services', 'bot', 'http', 'cards', 'local', 'tools'], 'Storage')]),
  },
  {
    files: ['src/storage/*.ts'],
    rules: restrict([sdkRule, tablesRule, upward(['services', 'bot', 'http', 'cards', 'local', 'tools'], 'Storage')]),
  },
  { files: ['src/services/**'], rules: restrict([sdkRule, tablesRule, upward(['bot', 'http', 'cards', 'local', 'tools'], 'Services')]) },
  // The domain is pure: nothing of ours outside domain/, and no SDK at all.
  {
    files: ['src/domain/**'],
    rules: restrict([
      sdkRule,
      tablesRule,
      { group: ['../*', '@azure/*', 'pino'], message: 'The domain imports nothing but other domain files.' },
    ]),
  },
);
