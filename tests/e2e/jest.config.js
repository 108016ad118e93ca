// Browser tests: the real stack (Azurite, the bot, Agents Playground) driven through headless
// Chromium. Run with `npm run test:e2e`, which type-checks and builds first (the stack runs
// dist/src/index.js), so ts-jest only transpiles here (isolatedModules in tsconfig.json).
/** @type {import('jest').Config} */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
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
