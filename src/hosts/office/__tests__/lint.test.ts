import { ROOT } from '../../../../tests/helpers/paths';
import * as path from 'path';
import { spawnSync } from 'child_process';

/** The Office.js lint is live: its rules reject a sync in a loop and a read before load. */

test('eslint-plugin-office-addins rejects context.sync() in a loop and reading an unloaded property', () => {
  const root = ROOT;
  const bad = `
export async function bad(context: Excel.RequestContext, names: string[]) {
  for (const n of names) {
    const r = context.workbook.worksheets.getItem(n).getRange('A1');
    r.load('values');
    await context.sync();
  }
  const u = context.workbook.worksheets.getItem('x').getRange('A1');
  console.log(u.values);
}`;
  const r = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'),
      '-c',
      'taskpane/eslint.config.mjs',
      '--format',
      'json',
      '--stdin',
      '--stdin-filename',
      'src/hosts/office/officeExcel.ts',
    ],
    { cwd: root, input: bad, encoding: 'utf8' },
  );
  expect(r.status).toBe(1);
  const rules = (JSON.parse(r.stdout) as { messages: { ruleId: string }[] }[])[0].messages.map((m) => m.ruleId);
  expect(rules).toContain('office-addins/no-context-sync-in-loop');
  expect(rules).toContain('office-addins/load-object-before-read');
});
