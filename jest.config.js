/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/spec/**/*.spec.ts', '<rootDir>/samples/**/*.spec.ts', '<rootDir>/packages/*/spec/**/*.spec.ts'],
  // StrykerJS sandboxes (copies of the project) and reports are not part of the suite.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/.stryker-tmp/', '<rootDir>/reports/'],
  modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp/', '<rootDir>/reports/'],
  watchPathIgnorePatterns: ['<rootDir>/.stryker-tmp/', '<rootDir>/reports/'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  // jsdom resolves ws's "browser" export condition (a stub that throws): use ws's Node build.
  moduleNameMapper: {
    '^ws$': require.resolve('ws'),
    '^lp-call-streams$': '<rootDir>/lib/index.ts',
    '^lp-call-streams/testing$': '<rootDir>/lib/testing/index.ts',
    '^lp-call-streams/protocol$': '<rootDir>/lib/protocol/index.ts',
    '^lp-call-streams/connection$': '<rootDir>/lib/connection/index.ts',
    '^lp-call-streams/readiness$': '<rootDir>/lib/readiness/index.ts',
    '^lp-call-streams-emulator$': '<rootDir>/packages/emulator/lib/index.ts',
  },
  // Builds once when the artifacts some suites run are missing (a bare `npx jest` on a fresh checkout).
  globalSetup: '<rootDir>/spec/global-setup.js',
  testTimeout: 20000,
};
