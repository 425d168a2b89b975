import * as path from 'path';

/** The repository's root, and the shared test fixtures, wherever a test file stands. */
export const ROOT = path.join(__dirname, '..', '..');
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
