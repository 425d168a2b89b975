import { FakeBook } from './fakeExcel';
import type { Workbook } from '../../src/core/grid';

/**
 * The simulated Excel in a browser page, for the task pane's Excel mode in Chromium: the test
 * bundles this file after a stand-in office.js; `startFakeExcel(grid)` opens the workbook and
 * answers Excel.run with it. The page's `fakeBook` is the workbook, for the test to read.
 */
const page = globalThis as unknown as { fakeBook?: FakeBook; Excel?: unknown; startFakeExcel?: (grid: Workbook) => void };
page.startFakeExcel = (grid: Workbook) => {
  const book = FakeBook.fromGrid(grid);
  page.fakeBook = book;
  page.Excel = { run: <T>(work: (context: unknown) => Promise<T>) => work(book.context()) };
};
