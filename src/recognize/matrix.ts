import { MatrixTableSpec } from '../specs/types';
import { SheetView, isNoteRow, isColumnNumberRow } from './sheetView';
import { headerPaths, matchColumns } from './headers';
import { Item, newItem } from './model';
import { BodyResult } from './body';

/** Read a table of one (or a few) data rows under a multi-level header (公开09 “三公”). */
export function readMatrix(spec: MatrixTableSpec, view: SheetView, headerTop: number, end: number): BodyResult {
  const hasNumber = (r: number) => {
    for (let c = 0; c < view.rowWidth(r); c++) {
      if (view.amountKind(r, c) === 'num') return true;
    }
    return false;
  };
  let dataStart = -1;
  let headerBottom = headerTop;
  for (let r = headerTop; r <= end; r++) {
    const texts = view.rowTexts(r);
    if (isNoteRow(texts)) break;
    if (texts.length === 0) continue;
    if (isColumnNumberRow(texts)) {
      headerBottom = r;
      continue;
    }
    if (hasNumber(r)) {
      dataStart = r;
      break;
    }
    headerBottom = r;
  }
  const width = view.colCount;
  const paths = headerPaths(view, headerTop, dataStart >= 0 ? dataStart - 1 : headerBottom, 0, width);
  const columns = matchColumns(spec.columns, paths, 0, width);
  const missing = spec.columns.filter((s) => !s.optional && columns[s.key] === undefined).map((s) => `栏目“${s.name}”`);
  if (Object.keys(columns).length === 0) return { error: '表头中找不到任何金额栏目' };
  const items: Item[] = [];
  let dataEnd = dataStart >= 0 ? dataStart : headerBottom;
  if (dataStart >= 0) {
    for (let r = dataStart; r <= end; r++) {
      const texts = view.rowTexts(r);
      if (isNoteRow(texts) || texts.length === 0 || !hasNumber(r)) break;
      items.push(newItem('', r, columns, { key: items.length === 0 ? 'data' : `data${items.length + 1}` }));
      dataEnd = r;
    }
  }
  return { dataStart: dataStart >= 0 ? dataStart : headerBottom + 1, dataEnd, columns, items, missing };
}
