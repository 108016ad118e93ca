// Browser tests: the real stack (Azurite, the bot, Agents Playground) driven through headless
// Chromium. Run with `npm run test:e2e`, which type-checks and builds first (the stack runs
// dist/src/index.js), so the tests' own TypeScript is only transpiled, by esbuild. The global
// setup builds the pages' scripts and styles into dist/assets, as `npm run build` does.
/** @type {import('jest').Config} */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
  // preact is published only as ES modules (see tests/support/esbuild-transform.js).
  transform: { '^.+\\.(tsx?|mjs)$': '<rootDir>/tests/support/esbuild-transform.js' },
  transformIgnorePatterns: ['/node_modules/(?!preact/)'],
  globalSetup: '<rootDir>/tests/support/build-views.ts',
  moduleNameMapper: {
    '^adaptivecards$': '<rootDir>/node_modules/adaptivecards/dist/adaptivecards.js',
  },
  // Starting the stack and loading the Playground (a 15 MB bundle) takes several seconds on a
  // small machine; a walk-through adds a few seconds per step.
  testTimeout: 180000,
  slowTestThreshold: 60,
  // One stack at a time: each suite starts its own Azurite, bot and Playground.
  maxWorkers: 1,
};
