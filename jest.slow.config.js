/**
 * The slow suite (npm run test:slow): LibreOffice recalculating templates and generated forms,
 * the task pane in Chromium, mutation over every figure of the sample, fuzz.
 * @type {import('jest').Config}
 */
const fast = require('./jest.config.js');
module.exports = { ...fast, testMatch: ['**/__tests__/**/*.slow.test.ts'], testPathIgnorePatterns: ['/node_modules/'] };
