import ExcelJS from 'exceljs';
import { readCustomProperties, withCustomProperties } from '../customProps';

/** Custom document properties written into the package exceljs writes, and read back; exceljs itself keeps none. */

async function workbookBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('公开01').getCell('A1').value = '收入支出决算总表';
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

test('written, read back, added to, and the workbook still opens with its cells', async () => {
  const props = { 决算模板编号: '某某局-2025', 决算模板版本: '1', 'a&b': '<x> "引号"' };
  const bytes = await withCustomProperties(await workbookBytes(), props);
  expect(await readCustomProperties(bytes)).toEqual(props);
  const more = await withCustomProperties(bytes, { 决算模板版本: '2', 其他: '值' });
  expect(await readCustomProperties(more)).toEqual({ ...props, 决算模板版本: '2', 其他: '值' });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(more as unknown as ArrayBuffer);
  expect(wb.getWorksheet('公开01')!.getCell('A1').value).toBe('收入支出决算总表');
});

test('a package without them has none; exceljs alone drops them on a round trip', async () => {
  const plain = await workbookBytes();
  expect(await readCustomProperties(plain)).toEqual({});
  const stamped = await withCustomProperties(plain, { 决算模板编号: 'x' });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(stamped as unknown as ArrayBuffer);
  expect(await readCustomProperties(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer))).toEqual({});
  expect(await readCustomProperties(new TextEncoder().encode('not a zip'))).toEqual({});
});
