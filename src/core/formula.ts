import Decimal from 'decimal.js';
import { Workbook, Sheet, Cell, a1, parseA1 } from './grid';

/**
 * The values of a template's formulas, worked out here so that a workbook written by the product
 * (a department's 汇总 above all) reads right before any spreadsheet recalculates it: Excel shows
 * a formula's cached value until it recalculates, and a viewer, a printer or the checker never do.
 *
 * Only the formulas the scaffold writes are understood (scaffold/build.ts): cell and range
 * references, across sheets too; + - * and comparisons; SUM, SUMIF with a text criterion,
 * SUMPRODUCT and LEN. Anything else is refused by name, never guessed at. Amounts are added as
 * decimals (money is never summed in binary floats); a blank counts as 0, a text as 0 in a sum.
 */

export class FormulaError extends Error {}

type Scalar = Decimal | string;
type Value = Scalar | Scalar[];

interface Ref {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  single: boolean;
}

type Node =
  | { k: 'num'; v: Decimal }
  | { k: 'str'; v: string }
  | { k: 'ref'; ref: Ref }
  | { k: 'neg'; x: Node }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'call'; name: string; args: Node[] };

// A sheet prefix, a function's name, a reference, a number, a text, an operator (in that order:
// LOG10( is a function, not the cell LOG10).
const TOKEN =
  /\s*(?:('(?:[^']|'')+'|[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff.]*)!|([A-Z][A-Z0-9.]*)\(|(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)|(\d+(?:\.\d+)?)|("(?:[^"]|"")*")|(<>|<=|>=|[-+*/=<>(),]))/y;

/** A formula as a tree, its references resolved against the sheet it stands on. */
export function parseFormula(text: string, here: string): Node {
  const toks: { sheet?: string; ref?: string; num?: string; str?: string; fn?: string; op?: string }[] = [];
  let at = 0;
  const src = text.trim();
  while (at < src.length) {
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(src);
    if (!m || m.index !== at) throw new FormulaError(`无法识别的公式内容“${src.slice(at, at + 12)}”`);
    at = TOKEN.lastIndex;
    if (m[1] !== undefined) {
      // A sheet prefix stands before a reference: read them as one token.
      TOKEN.lastIndex = at;
      const r = TOKEN.exec(src);
      if (!r || r.index !== at || r[3] === undefined) throw new FormulaError(`工作表名后缺少单元格引用：${src}`);
      at = TOKEN.lastIndex;
      const name = m[1].startsWith("'") ? m[1].slice(1, -1).replace(/''/g, "'") : m[1];
      toks.push({ sheet: name, ref: r[3] });
    } else if (m[2] !== undefined) toks.push({ fn: m[2] });
    else if (m[3] !== undefined) toks.push({ ref: m[3] });
    else if (m[4] !== undefined) toks.push({ num: m[4] });
    else if (m[5] !== undefined) toks.push({ str: m[5].slice(1, -1).replace(/""/g, '"') });
    else toks.push({ op: m[6] });
  }
  let i = 0;
  const peek = () => toks[i]?.op;
  const expect = (op: string) => {
    if (toks[i]?.op !== op) throw new FormulaError(`公式缺少“${op}”：${src}`);
    i++;
  };
  const ref = (sheet: string, text: string): Ref => {
    const [p, q = p] = text.replace(/\$/g, '').split(':');
    const a = parseA1(p)!;
    const b = parseA1(q)!;
    return { sheet, top: Math.min(a.r, b.r), left: Math.min(a.c, b.c), bottom: Math.max(a.r, b.r), right: Math.max(a.c, b.c), single: p === q };
  };
  const primary = (): Node => {
    const t = toks[i++];
    if (!t) throw new FormulaError(`公式不完整：${src}`);
    if (t.ref !== undefined) return { k: 'ref', ref: ref(t.sheet ?? here, t.ref) };
    if (t.num !== undefined) return { k: 'num', v: new Decimal(t.num) };
    if (t.str !== undefined) return { k: 'str', v: t.str };
    if (t.fn !== undefined) {
      const args: Node[] = [];
      if (peek() !== ')')
        for (;;) {
          args.push(compare());
          if (peek() !== ',') break;
          i++;
        }
      expect(')');
      return { k: 'call', name: t.fn, args };
    }
    if (t.op === '(') {
      const x = compare();
      expect(')');
      return x;
    }
    if (t.op === '-') return { k: 'neg', x: primary() };
    if (t.op === '+') return primary();
    throw new FormulaError(`公式中意外的“${t.op ?? ''}”：${src}`);
  };
  const product = (): Node => {
    let a = primary();
    while (peek() === '*' || peek() === '/') {
      const op = toks[i++].op!;
      a = { k: 'bin', op, a, b: primary() };
    }
    return a;
  };
  const additive = (): Node => {
    let a = product();
    while (peek() === '+' || peek() === '-') {
      const op = toks[i++].op!;
      a = { k: 'bin', op, a, b: product() };
    }
    return a;
  };
  const compare = (): Node => {
    let a = additive();
    while (['=', '<>', '<', '>', '<=', '>='].includes(peek() ?? '')) {
      const op = toks[i++].op!;
      a = { k: 'bin', op, a, b: additive() };
    }
    return a;
  };
  const tree = compare();
  if (i !== toks.length) throw new FormulaError(`公式末尾有多余内容：${src}`);
  return tree;
}

const ZERO = new Decimal(0);

/** A scalar as a number: text and blank are 0 (as in a sum). */
const num = (v: Scalar): Decimal => (typeof v === 'string' ? ZERO : v);

function elementwise(a: Value, b: Value, f: (x: Scalar, y: Scalar) => Scalar): Value {
  if (Array.isArray(a) || Array.isArray(b)) {
    const n = Array.isArray(a) ? a.length : (b as Scalar[]).length;
    if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) throw new FormulaError('公式中两个区域大小不同');
    const out: Scalar[] = [];
    for (let k = 0; k < n; k++) out.push(f(Array.isArray(a) ? a[k] : a, Array.isArray(b) ? b[k] : b));
    return out;
  }
  return f(a, b);
}

const TRUE = new Decimal(1);

function binary(op: string, x: Scalar, y: Scalar): Scalar {
  switch (op) {
    case '+':
      return num(x).plus(num(y));
    case '-':
      return num(x).minus(num(y));
    case '*':
      return num(x).times(num(y));
    case '/':
      if (num(y).isZero()) throw new FormulaError('公式除以零');
      return num(x).div(num(y));
    default: {
      // Comparisons give 1 or 0, as Excel's TRUE and FALSE do once multiplied.
      const c = typeof x === 'string' || typeof y === 'string' ? (String(x) === String(y) ? 0 : String(x) < String(y) ? -1 : 1) : x.comparedTo(y);
      const ok = op === '=' ? c === 0 : op === '<>' ? c !== 0 : op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
      return ok ? TRUE : ZERO;
    }
  }
}

const flat = (v: Value): Scalar[] => (Array.isArray(v) ? v : [v]);
const total = (vs: Scalar[]): Decimal => vs.reduce<Decimal>((s, v) => s.plus(num(v)), ZERO);

/**
 * Works out every formula of a workbook and writes its value into the cell (numbers; a formula
 * whose value is text keeps it). Returns the cells that could not be worked out, with why: their
 * value is left as it was.
 */
export function evaluateFormulas(wb: Workbook): { evaluated: number; failed: { sheet: string; cell: string; why: string }[] } {
  const sheets = new Map<string, Sheet>(wb.sheets.map((s) => [s.name, s]));
  const done = new Map<Cell, Scalar>();
  const busy = new Set<Cell>();
  const failed: { sheet: string; cell: string; why: string }[] = [];
  let evaluated = 0;

  const cellValue = (sheet: Sheet, r: number, c: number): Scalar => {
    const cell = sheet.rows[r]?.[c];
    if (!cell) return ZERO;
    if (cell.formula) return formulaValue(sheet, cell);
    if (typeof cell.value === 'number') return new Decimal(cell.value);
    if (typeof cell.value === 'string') return cell.value;
    return cell.value === true ? TRUE : ZERO;
  };
  const rangeValue = (ref: Ref): Value => {
    const sheet = sheets.get(ref.sheet);
    if (!sheet) throw new FormulaError(`公式引用的工作表“${ref.sheet}”不存在`);
    if (ref.single) return cellValue(sheet, ref.top, ref.left);
    const out: Scalar[] = [];
    for (let r = ref.top; r <= ref.bottom; r++) for (let c = ref.left; c <= ref.right; c++) out.push(cellValue(sheet, r, c));
    return out;
  };
  const call = (name: string, args: Node[], here: string): Value => {
    const vals = () => args.map((a) => value(a, here));
    switch (name) {
      case 'SUM':
        return vals().reduce<Decimal>((s, v) => s.plus(total(flat(v))), ZERO);
      case 'SUMPRODUCT': {
        const vs = vals();
        if (!vs.length) throw new FormulaError('SUMPRODUCT 缺少参数');
        let prod = vs[0];
        for (const v of vs.slice(1)) prod = elementwise(prod, v, (x, y) => num(x).times(num(y)));
        return total(flat(prod));
      }
      case 'LEN': {
        const [v] = vals();
        const len = (x: Scalar) => new Decimal(typeof x === 'string' ? x.length : x.isZero() ? 0 : x.toString().length);
        return Array.isArray(v) ? v.map(len) : len(v);
      }
      case 'SUMIF': {
        if (args.length !== 3 || args[0].k !== 'ref' || args[2].k !== 'ref') throw new FormulaError('SUMIF 只支持“区域, 条件, 求和区域”三个参数');
        const crit = value(args[1], here);
        if (Array.isArray(crit) || /^[<>=]/.test(String(crit))) throw new FormulaError('SUMIF 只支持等于某一文本或数值的条件');
        const keys = flat(value(args[0], here));
        const amounts = flat(value(args[2], here));
        let s = ZERO;
        keys.forEach((k, n) => {
          if (String(k) === String(crit)) s = s.plus(num(amounts[n] ?? ZERO));
        });
        return s;
      }
      default:
        throw new FormulaError(`不支持的函数 ${name}`);
    }
  };
  const value = (node: Node, here: string): Value => {
    switch (node.k) {
      case 'num':
      case 'str':
        return node.v;
      case 'ref':
        return rangeValue(node.ref);
      case 'neg':
        return elementwise(value(node.x, here), ZERO, (x) => num(x).neg());
      case 'bin':
        return elementwise(value(node.a, here), value(node.b, here), (x, y) => binary(node.op, x, y));
      case 'call':
        return call(node.name, node.args, here);
    }
  };
  function formulaValue(sheet: Sheet, cell: Cell): Scalar {
    const known = done.get(cell);
    if (known !== undefined) return known;
    if (busy.has(cell)) throw new FormulaError('公式循环引用');
    busy.add(cell);
    try {
      const v = value(parseFormula(cell.formula!, sheet.name), sheet.name);
      if (Array.isArray(v)) throw new FormulaError('公式的结果是一个区域，不是一个值');
      done.set(cell, v);
      return v;
    } finally {
      busy.delete(cell);
    }
  }

  for (const sheet of wb.sheets)
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell?.formula) return;
        try {
          const v = formulaValue(sheet, cell);
          cell.value = typeof v === 'string' ? v : v.toNumber();
          evaluated++;
        } catch (e) {
          failed.push({ sheet: sheet.name, cell: a1(r, c), why: e instanceof FormulaError ? e.message : String(e) });
        }
      }),
    );
  return { evaluated, failed };
}

/**
 * How many figures each formula adds up, through the formulas it refers to: the typed-in numbers
 * (not blanks) its references reach. A total of n rounded figures may differ from the same total
 * rounded once by up to n half-cents: what tells a rounding gap from a difference. A reference that
 * cannot be read counts nothing.
 */
export function formulaLeaves(wb: Workbook): Map<Cell, number> {
  const sheets = new Map<string, Sheet>(wb.sheets.map((s) => [s.name, s]));
  const counts = new Map<Cell, number>();
  const busy = new Set<Cell>();
  const refs = (node: Node, out: Ref[]) => {
    if (node.k === 'ref') out.push(node.ref);
    else if (node.k === 'neg') refs(node.x, out);
    else if (node.k === 'bin') {
      refs(node.a, out);
      refs(node.b, out);
    } else if (node.k === 'call') for (const a of node.args) refs(a, out);
  };
  const count = (sheet: Sheet, cell: Cell): number => {
    const known = counts.get(cell);
    if (known !== undefined) return known;
    if (busy.has(cell)) return 0;
    busy.add(cell);
    let n = 0;
    try {
      const list: Ref[] = [];
      refs(parseFormula(cell.formula!, sheet.name), list);
      for (const ref of list) {
        const s = sheets.get(ref.sheet);
        if (!s) continue;
        for (let r = ref.top; r <= ref.bottom; r++)
          for (let c = ref.left; c <= ref.right; c++) {
            const x = s.rows[r]?.[c];
            if (x?.formula) n += count(s, x);
            else if (typeof x?.value === 'number' && x.value !== 0) n++;
          }
      }
    } catch {
      n = 0;
    } finally {
      busy.delete(cell);
    }
    counts.set(cell, n);
    return n;
  };
  for (const sheet of wb.sheets) for (const row of sheet.rows) for (const cell of row ?? []) if (cell?.formula) count(sheet, cell);
  return counts;
}
