import { Workbook, a1, parseA1, parseRange } from '../../src/core/grid';

/**
 * A simulated Excel object model, just large enough for the Office.js adapter, that behaves like
 * Office.js where it matters: proxies, load-before-read and sync-before-read (reading a property
 * that was not loaded, or before the next context.sync(), throws), null objects, queued writes,
 * and a count of context.sync() calls. It holds a real grid: values, formulas, number formats,
 * merged areas, fills, notes, hyperlinks, visibility.
 */

export interface FakeCell {
  value: string | number | boolean | null;
  formula?: string;
  numFmt?: string;
  fill?: string; // '#RRGGBB' or undefined for none
  bold?: boolean;
  hyperlink?: string;
}

export interface FakeSheet {
  name: string;
  visibility: string;
  cells: Map<string, FakeCell>;
  notes: Map<string, string>;
  merges: string[];
  /** Threaded comments (ExcelApi 1.10) by cell. */
  comments?: Map<string, string>;
}

export class FakeBook {
  sheets: FakeSheet[] = [];
  syncs = 0;
  /** Cells one sync may return (values, formulas, formats each count): like Excel on the web's 5 MB. */
  cellLimit = Infinity;

  static fromGrid(wb: Workbook): FakeBook {
    const b = new FakeBook();
    for (const s of wb.sheets) {
      const sheet: FakeSheet = { name: s.name, visibility: 'Visible', cells: new Map(), notes: new Map(), merges: [] };
      s.rows.forEach((row, r) =>
        (row ?? []).forEach((cell, c) => {
          if (cell && (cell.value !== null || cell.formula)) sheet.cells.set(a1(r, c), { value: cell.value, formula: cell.formula, numFmt: cell.numFmt });
        }),
      );
      for (const m of s.merges) sheet.merges.push(`${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`);
      b.sheets.push(sheet);
    }
    return b;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** A deep copy of the visible state, to compare before and after. */
  snapshot(): unknown {
    return this.sheets.map((s) => ({ name: s.name, visibility: s.visibility, cells: [...s.cells.entries()].sort(), notes: [...s.notes.entries()].sort(), comments: [...(s.comments ?? new Map()).entries()].sort(), merges: [...s.merges] }));
  }

  context(): FakeContext {
    return new FakeContext(this);
  }
}

class NotLoaded extends Error {}

/** Base of every proxy: properties become readable after load() and the next sync(). */
abstract class Proxy {
  private requested = new Set<string>();
  private ready = new Set<string>();
  protected snap: Record<string, unknown> = {};
  constructor(protected ctx: FakeContext) {}
  load(props?: string | string[]): this {
    const list = (Array.isArray(props) ? props : (props ?? '').split(',')).map((p) => p.trim().split('/')[0]).filter(Boolean);
    for (const p of list) this.requested.add(p);
    this.ctx.pending.add(this);
    return this;
  }
  /** Called by sync(): take the values of the loaded properties. */
  resolve() {
    for (const p of this.requested) {
      this.snap[p] = this.read(p);
      this.ready.add(p);
    }
    this.requested.clear();
  }
  /** Cells this proxy's loads would return (ranges only). */
  cost(): number {
    return 0;
  }
  protected isRequested(p: string) {
    return this.requested.has(p);
  }
  protected get<T>(p: string): T {
    if (!this.ready.has(p)) throw new NotLoaded(`PropertyNotLoaded: “${p}” was read without load() and context.sync()`);
    return this.snap[p] as T;
  }
  protected abstract read(p: string): unknown;
}

export class FakeContext {
  pending = new Set<Proxy>();
  workbook: { worksheets: Worksheets; comments: Comments };
  constructor(public book: FakeBook) {
    this.workbook = { worksheets: new Worksheets(this), comments: new Comments(this) };
  }
  async sync(): Promise<void> {
    this.book.syncs++;
    const cost = [...this.pending].reduce((n, p) => n + p.cost(), 0);
    if (cost > this.book.cellLimit) {
      this.pending.clear();
      throw Object.assign(new Error('The response payload size has exceeded the limit.'), { code: 'ResponsePayloadSizeLimitExceeded' });
    }
    for (const p of this.pending) p.resolve();
    this.pending.clear();
  }
}

class Worksheets extends Proxy {
  read(p: string) {
    if (p === 'items') return this.ctx.book.sheets.map((s) => new Worksheet(this.ctx, s.name));
    throw new Error(`unsupported ${p}`);
  }
  get items(): Worksheet[] {
    const items = this.get<Worksheet[]>('items');
    for (const w of items) w.markNameLoaded();
    return items;
  }
  getItem(name: string): Worksheet {
    if (!this.ctx.book.sheet(name)) throw new Error(`ItemNotFound: 工作表“${name}”`);
    return new Worksheet(this.ctx, name);
  }
  getItemOrNullObject(name: string): Worksheet {
    return new Worksheet(this.ctx, name, !this.ctx.book.sheet(name));
  }
  add(name: string): Worksheet {
    if (this.ctx.book.sheet(name)) throw new Error(`ItemAlreadyExists: ${name}`);
    this.ctx.book.sheets.push({ name, visibility: 'Visible', cells: new Map(), notes: new Map(), merges: [] });
    return new Worksheet(this.ctx, name);
  }
}

class Worksheet extends Proxy {
  private nameLoaded = false;
  constructor(ctx: FakeContext, private sheetName: string, private missing = false) {
    super(ctx);
  }
  markNameLoaded() {
    this.nameLoaded = true;
  }
  private data(): FakeSheet {
    const s = this.ctx.book.sheet(this.sheetName);
    if (!s || this.missing) throw new Error(`InvalidObjectPath: 工作表“${this.sheetName}”不存在`);
    return s;
  }
  read(p: string) {
    if (p === 'isNullObject') return this.missing;
    if (p === 'name') return this.sheetName;
    throw new Error(`unsupported ${p}`);
  }
  get name(): string {
    return this.nameLoaded ? this.sheetName : this.get<string>('name');
  }
  get isNullObject(): boolean {
    return this.get<boolean>('isNullObject');
  }
  set visibility(v: string) {
    this.data().visibility = v;
  }
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    if (this.missing) return new Range(this.ctx, this.sheetName, '', true);
    const s = this.ctx.book.sheet(this.sheetName)!;
    let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
    for (const [addr, cell] of s.cells) {
      if (valuesOnly && (cell.value === null || cell.value === '') && !cell.formula) continue;
      const p = parseA1(addr)!;
      r0 = Math.min(r0, p.r); c0 = Math.min(c0, p.c); r1 = Math.max(r1, p.r); c1 = Math.max(c1, p.c);
    }
    return r1 < 0 ? new Range(this.ctx, this.sheetName, '', true) : new Range(this.ctx, this.sheetName, `${a1(r0, c0)}:${a1(r1, c1)}`);
  }
  getRange(address?: string): Range {
    if (this.missing) return new Range(this.ctx, this.sheetName, '', true);
    return new Range(this.ctx, this.sheetName, address ?? 'A1:XFD1048576');
  }
  getRangeByIndexes(r: number, c: number, rows: number, cols: number): Range {
    if (this.missing) return new Range(this.ctx, this.sheetName, '', true);
    return this.getRange(`${a1(r, c)}:${a1(r + rows - 1, c + cols - 1)}`);
  }
  getRanges(address: string): RangeAreas {
    return new RangeAreas(this.ctx, this.sheetName, address.split(','));
  }
  get notes(): Notes {
    return new Notes(this.ctx, this.sheetName, this.missing);
  }
  get freezePanes() {
    return { freezeRows: (_n: number) => undefined };
  }
  delete() {
    this.ctx.book.sheets = this.ctx.book.sheets.filter((s) => s.name !== this.sheetName);
  }
}

function box(address: string): { r0: number; c0: number; r1: number; c1: number } {
  const g = parseRange(address)!;
  return { r0: g.top, c0: g.left, r1: Math.min(g.bottom, 5000), c1: Math.min(g.right, 200) };
}

class Range extends Proxy {
  constructor(ctx: FakeContext, private sheetName: string, private address: string, private nullObject = false) {
    super(ctx);
  }
  cost(): number {
    if (this.nullObject) return 0;
    const b = box(this.address);
    const n = (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1);
    return ['values', 'formulas', 'numberFormat'].filter((p) => this.isRequested(p)).length * n;
  }
  private sheet(): FakeSheet {
    if (this.nullObject) throw new Error('InvalidObjectPath: null object');
    return this.ctx.book.sheet(this.sheetName)!;
  }
  private cells<T>(f: (cell: FakeCell | undefined, addr: string) => T): T[][] {
    const b = box(this.address);
    const out: T[][] = [];
    for (let r = b.r0; r <= b.r1; r++) {
      const row: T[] = [];
      for (let c = b.c0; c <= b.c1; c++) row.push(f(this.sheet().cells.get(a1(r, c)), a1(r, c)));
      out.push(row);
    }
    return out;
  }
  read(p: string) {
    if (p === 'isNullObject') return this.nullObject;
    if (this.nullObject) return undefined;
    const b = box(this.address);
    switch (p) {
      case 'rowCount': return b.r1 - b.r0 + 1;
      case 'columnCount': return b.c1 - b.c0 + 1;
      case 'values': return this.cells((x) => (x ? x.value ?? '' : ''));
      case 'formulas': return this.cells((x) => (x?.formula ? '=' + x.formula : x ? x.value ?? '' : ''));
      case 'numberFormat': return this.cells((x) => x?.numFmt ?? 'General');
      case 'rowIndex': return b.r0;
      case 'columnIndex': return b.c0;
      case 'address': return `${this.sheetName}!${this.address}`;
      default: throw new Error(`unsupported ${p}`);
    }
  }
  private nonNull<T>(p: string): T {
    if (this.nullObject) throw new Error(`InvalidObjectPath: “${p}” of a null object`);
    return this.get<T>(p);
  }
  get isNullObject() { return this.get<boolean>('isNullObject'); }
  get values() { return this.nonNull<unknown[][]>('values'); }
  set values(v: unknown[][]) {
    const b = box(this.address);
    v.forEach((row, i) => row.forEach((x, j) => {
      const addr = a1(b.r0 + i, b.c0 + j);
      const cell = this.sheet().cells.get(addr) ?? { value: null };
      cell.value = x === '' ? null : (x as string | number);
      this.sheet().cells.set(addr, cell);
    }));
  }
  get formulas() { return this.nonNull<unknown[][]>('formulas'); }
  set formulas(v: unknown[][]) {
    const b = box(this.address);
    v.forEach((row, i) => row.forEach((x, j) => {
      const addr = a1(b.r0 + i, b.c0 + j);
      const cell = this.sheet().cells.get(addr) ?? { value: null };
      if (typeof x === 'string' && x.startsWith('=')) {
        cell.formula = x.slice(1);
        cell.value = null;
      } else {
        delete cell.formula;
        cell.value = x === '' ? null : (x as string | number);
      }
      if (cell.value === null && !cell.formula && !cell.numFmt) this.sheet().cells.delete(addr);
      else this.sheet().cells.set(addr, cell);
    }));
  }
  set numberFormat(v: unknown[][]) {
    const b = box(this.address);
    v.forEach((row, i) => row.forEach((x, j) => {
      const addr = a1(b.r0 + i, b.c0 + j);
      const cell = this.sheet().cells.get(addr);
      if (cell && x !== 'General') cell.numFmt = String(x);
    }));
  }
  merge() {
    this.sheet().merges.push(this.address);
  }
  get numberFormat() { return this.nonNull<unknown[][]>('numberFormat'); }
  get rowIndex() { return this.nonNull<number>('rowIndex'); }
  get rowCount() { return this.nonNull<number>('rowCount'); }
  get columnCount() { return this.nonNull<number>('columnCount'); }
  get columnIndex() { return this.nonNull<number>('columnIndex'); }
  set hyperlink(h: { documentReference: string }) {
    const b = box(this.address);
    const addr = a1(b.r0, b.c0);
    const cell = this.sheet().cells.get(addr) ?? { value: null };
    cell.hyperlink = h.documentReference;
    this.sheet().cells.set(addr, cell);
  }
  get format() {
    return new RangeFormat(this.ctx, this.sheetName, [this.address]);
  }
  getMergedAreasOrNullObject(): RangeAreas {
    const s = this.sheet();
    return new RangeAreas(this.ctx, this.sheetName, s.merges.slice(), s.merges.length === 0);
  }
}

class RangeAreas extends Proxy {
  constructor(ctx: FakeContext, private sheetName: string, private addresses: string[], private nullObject = false) {
    super(ctx);
  }
  read(p: string) {
    if (p === 'isNullObject') return this.nullObject;
    if (p === 'address') return this.addresses.map((a) => `${this.sheetName}!${a}`).join(',');
    throw new Error(`unsupported ${p}`);
  }
  get isNullObject() { return this.get<boolean>('isNullObject'); }
  get address() { return this.get<string>('address'); }
  get format() {
    return new RangeFormat(this.ctx, this.sheetName, this.addresses);
  }
}

/** Apply f to every cell of some ranges of a sheet; a cell with nothing left in it is no cell at all (as in Excel). */
function eachCell(book: FakeBook, sheetName: string, addresses: string[], f: (cell: FakeCell) => void) {
  const s = book.sheet(sheetName)!;
  for (const address of addresses) {
    const b = box(address);
    for (let r = b.r0; r <= b.r1; r++)
      for (let c = b.c0; c <= b.c1; c++) {
        const addr = a1(r, c);
        const cell = s.cells.get(addr) ?? { value: null };
        f(cell);
        const empty = cell.value === null && !cell.formula && !cell.numFmt && !cell.fill && !cell.bold && !cell.hyperlink;
        if (empty) s.cells.delete(addr);
        else s.cells.set(addr, cell);
      }
  }
}

class RangeFormat {
  constructor(private ctx: FakeContext, private sheetName: string, private addresses: string[]) {}
  private each(f: (cell: FakeCell) => void) {
    eachCell(this.ctx.book, this.sheetName, this.addresses, f);
  }
  get fill() {
    return new RangeFill(this.ctx, this.sheetName, this.addresses);
  }
  get font() {
    const each = (f: (c: FakeCell) => void) => this.each(f);
    return { set bold(v: boolean) { each((c) => (c.bold = v)); } };
  }
  set columnWidth(_w: number) {
    /* widths are not part of the simulated state */
  }
  get borders() {
    return { getItem: () => ({ set style(_s: string) { /* borders are not part of the simulated state */ } }) };
  }
}

class RangeFill extends Proxy {
  constructor(ctx: FakeContext, private sheetName: string, private addresses: string[]) {
    super(ctx);
  }
  private first(): FakeCell | undefined {
    return this.ctx.book.sheet(this.sheetName)?.cells.get(this.addresses[0]);
  }
  read(p: string) {
    const fill = this.first()?.fill;
    if (p === 'color') return fill ?? '#FFFFFF';
    if (p === 'pattern') return fill ? 'Solid' : 'None';
    throw new Error(`unsupported ${p}`);
  }
  get color() { return this.get<string>('color'); }
  get pattern() { return this.get<string>('pattern'); }
  private each(f: (c: FakeCell) => void) {
    eachCell(this.ctx.book, this.sheetName, this.addresses, f);
  }
  set color(v: string) { this.each((c) => (c.fill = v.toUpperCase())); }
  clear() { this.each((c) => delete c.fill); }
}

class Notes {
  constructor(private ctx: FakeContext, private sheetName: string, private missing: boolean) {}
  add(cell: string, content: string) {
    const s = this.ctx.book.sheet(this.sheetName)!;
    if (s.notes.has(cell)) throw new Error(`InvalidArgument: 单元格 ${cell} 已有批注`);
    s.notes.set(cell, content);
    return new Note(this.ctx, this.sheetName, cell, false);
  }
  getItemOrNullObject(cell: string): Note {
    const exists = !this.missing && !!this.ctx.book.sheet(this.sheetName)?.notes.has(cell);
    return new Note(this.ctx, this.sheetName, cell, !exists);
  }
}

class Note extends Proxy {
  constructor(ctx: FakeContext, private sheetName: string, private cell: string, private nullObject: boolean) {
    super(ctx);
  }
  read(p: string) {
    if (p === 'isNullObject') return this.nullObject;
    if (p === 'content') return this.ctx.book.sheet(this.sheetName)?.notes.get(this.cell);
    throw new Error(`unsupported ${p}`);
  }
  get isNullObject() { return this.get<boolean>('isNullObject'); }
  get content() { return this.get<string>('content'); }
  set content(v: string) {
    this.ctx.book.sheet(this.sheetName)!.notes.set(this.cell, v);
  }
  delete() {
    this.ctx.book.sheet(this.sheetName)?.notes.delete(this.cell);
  }
}

function splitAddress(a: string): [string, string] {
  const m = /^'?(.*?)'?!(.+)$/.exec(a)!;
  return [m[1].replace(/''/g, "'"), m[2]];
}

class Comments extends Proxy {
  read(p: string) {
    if (p !== 'items') throw new Error(`unsupported ${p}`);
    const out: Comment[] = [];
    for (const s of this.ctx.book.sheets) for (const cell of (s.comments ?? new Map()).keys()) out.push(new Comment(this.ctx, s.name, cell));
    return out;
  }
  get items(): Comment[] {
    return this.get<Comment[]>('items');
  }
  add(address: string, content: string) {
    const [sheet, cell] = splitAddress(address);
    const s = this.ctx.book.sheet(sheet)!;
    s.comments ??= new Map();
    if (s.comments.has(cell)) throw new Error(`InvalidArgument: ${address} 已有批注`);
    s.comments.set(cell, content);
    return new Comment(this.ctx, sheet, cell);
  }
  getItemByCell(address: string) {
    const [sheet, cell] = splitAddress(address);
    if (!this.ctx.book.sheet(sheet)?.comments?.has(cell)) throw new Error(`ItemNotFound: ${address} 没有批注`);
    return new Comment(this.ctx, sheet, cell);
  }
}

class Comment extends Proxy {
  constructor(ctx: FakeContext, private sheetName: string, private cell: string) {
    super(ctx);
  }
  read(p: string) {
    if (p === 'content') return this.ctx.book.sheet(this.sheetName)?.comments?.get(this.cell);
    throw new Error(`unsupported ${p}`);
  }
  get content() { return this.get<string>('content'); }
  set content(v: string) { this.ctx.book.sheet(this.sheetName)!.comments!.set(this.cell, v); }
  delete() { this.ctx.book.sheet(this.sheetName)?.comments?.delete(this.cell); }
  getLocation() {
    return new LocationRange(this.ctx, this.sheetName, this.cell);
  }
}

class LocationRange extends Proxy {
  constructor(ctx: FakeContext, private sheetName: string, private cell: string) {
    super(ctx);
  }
  read(p: string) {
    if (p === 'address') return `${this.sheetName.includes(' ') ? `'${this.sheetName}'` : this.sheetName}!${this.cell}`;
    throw new Error(`unsupported ${p}`);
  }
  get address() { return this.get<string>('address'); }
}
