/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: { ...require('./tsconfig.json').compilerOptions, rootDir: '.', isolatedModules: true } }] },
  testTimeout: 120000,
  reporters: ['default', '<rootDir>/tests/summaryReporter.js'],
};
