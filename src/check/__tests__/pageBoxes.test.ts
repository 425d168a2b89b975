import { fragmentBoxes } from '../pageBoxes';
import { newSheet, setCell, Workbook, PageBox } from '../../core/grid';
import type { Paragraph } from '../../narrative/paragraphs';
import type { Finding } from '../../core/findings';

/**
 * A narrative fragment on a PDF's page is marked where it stands: on each line it covers (a PDF
 * wraps lines where its page ends), cut to its own characters within each line.
 */

const LINES: [string, PageBox][] = [
  ['一般公共预算财政拨款支出9746.50万元，占本年支出合计', { page: 21, x: 76, y: 100, w: 440, h: 15 }],
  ['的99.86%。与2023年度相比，', { page: 21, x: 76, y: 120, w: 220, h: 15 }],
  ['增长', { page: 21, x: 76, y: 780, w: 30, h: 15 }],
  ['100.00%。', { page: 22, x: 76, y: 60, w: 70, h: 15 }],
];

function document(): { wb: Workbook; paragraphs: Paragraph[] } {
  const s = newSheet('doc');
  LINES.forEach(([text, box], r) => setCell(s, r, 0, { value: text, box }));
  let start = 0;
  const pieces = LINES.map(([text], r) => {
    const pc = { sheet: 'doc', r, c: 0, start, cellOffset: 0, length: text.length };
    start += text.length;
    return pc;
  });
  const text = LINES.map(([t]) => t).join('');
  return { wb: { sheets: [s] }, paragraphs: [{ text, raw: text, section: '', subsection: '', item: '', heading: false, pieces, sheet: 'doc' } as Paragraph] };
}

const finding = (cell: string, fragment: string, offset: number): Finding => ({
  rule: 'narr-share',
  severity: 'error',
  table: '情况说明',
  sheet: 'doc',
  cell,
  related: [],
  message: '',
  text: { fragment, offset, length: fragment.length },
});

test.each([
  ['within one line: the figure only', finding('A1', '9746.50万元', 12), [[21, 1]]],
  [
    'wrapped onto the next line: both lines',
    finding('A1', '占本年支出合计的99.86%', 22),
    [
      [21, 1],
      [21, 1],
    ],
  ],
  [
    'wrapped onto the next page: a box on each page',
    finding('A3', '增长100.00%', 0),
    [
      [21, 1],
      [22, 1],
    ],
  ],
])('%s', (_, f, expected) => {
  const { wb, paragraphs } = document();
  const boxes = fragmentBoxes(f, wb, paragraphs);
  expect(boxes.map((b) => [b.page, 1])).toEqual(expected);
  // Each box inside its line's, never wider.
  boxes.forEach((b) => {
    const line = LINES.find(([, l]) => l.page === b.page && l.y === b.y)![1];
    expect(b.x).toBeGreaterThanOrEqual(line.x - 0.01);
    expect(b.x + b.w).toBeLessThanOrEqual(line.x + line.w + 0.01);
  });
});

test('the fragment’s part of a line: 9746.50万元 is marked where it stands, not over the whole line', () => {
  const { wb, paragraphs } = document();
  const [box] = fragmentBoxes(finding('A1', '9746.50万元', 12), wb, paragraphs);
  // 12 Chinese characters (24 units) before it, 11 units of its own, of 51 units in the line.
  const line = LINES[0][1];
  expect(box.x).toBeCloseTo(line.x + (line.w * 24) / 51, 5);
  expect(box.w).toBeCloseTo((line.w * 11) / 51, 5);
});

test('a finding the paragraphs do not hold gets no boxes (its cell’s box stays)', () => {
  const { wb, paragraphs } = document();
  expect(fragmentBoxes(finding('A9', '无', 0), wb, paragraphs)).toEqual([]);
});
