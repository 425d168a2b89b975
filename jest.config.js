/**
 * The fast suite (npm test): everything but the tests named *.slow.test.ts, which drive
 * LibreOffice and Chromium or mutate every figure of the sample (npm run test:slow,
 * jest.slow.config.js). CI runs both.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '\\.slow\\.test\\.ts$'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: { ...require('./tsconfig.json').compilerOptions, rootDir: '.', isolatedModules: true } }] },
  testTimeout: 120000,
  reporters: ['default', '<rootDir>/tests/summaryReporter.js'],
};
