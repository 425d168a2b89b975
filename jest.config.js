/**
 * The fast suite (npm test): every test beside its source (a __tests__ folder in src and taskpane/src)
 * but those named *.slow.test.ts, which drive LibreOffice and Chromium or mutate every figure of
 * the sample (npm run test:slow, jest.slow.config.js). CI runs both. Shared helpers and fixtures
 * are in tests/.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/taskpane/src'],
  testMatch: ['**/__tests__/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '\\.slow\\.test\\.ts$'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: { ...require('./tsconfig.json').compilerOptions, rootDir: '.', isolatedModules: true } }] },
  testTimeout: 120000,
  reporters: ['default', '<rootDir>/tests/summaryReporter.js'],
};
