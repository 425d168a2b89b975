import * as fs from 'fs';
import { gridToExcel } from '../hosts/xlsx/xlsxWrite';
import { consolidated, UNITS } from './consolidated';

/**
 * Write the bench's consolidated workbook to a file, for trying a large check by hand (the real
 * Excel checklist, docs/excel-acceptance.md): `BENCH_UNITS=800 node dist/bench/workbook.js big.xlsx`
 * gives about 20,000 findings (25 per unit).
 */
async function main() {
  const out = process.argv[2];
  if (!out) {
    console.error('用法：BENCH_UNITS=800 node dist/bench/workbook.js 输出.xlsx');
    process.exit(2);
  }
  const { wb } = consolidated();
  fs.writeFileSync(out, Buffer.from((await gridToExcel(wb).xlsx.writeBuffer()) as ArrayBuffer));
  console.log(`已写出 ${UNITS} 个单位的合并工作簿：${out}`);
}

void main();
