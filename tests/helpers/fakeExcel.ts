import { Workbook, a1, parseA1, parseRange } from '../../src/core/grid';

/**
 * A simulated Excel object model, just large enough for the Office.js adapter, that refuses what
 * real Excel refuses (each rule from Microsoft's API reference or the office-js issue tracker):
 *
 * - Proxies and a queue: every call is queued and runs only at context.sync(), in order. Reading a
 *   property that was not loaded, or before the sync that loads it, throws PropertyNotLoaded.
 * - A failed call fails the whole sync, but what ran before it in the batch stays done (Excel does
 *   not roll back), and nothing after it runs.
 * - Worksheet.delete() on a VeryHidden sheet throws InvalidOperation (office-js #365, by design);
 *   so does hiding or deleting the last visible sheet.
 * - range.values and range.formulas interpret text as Excel does when typed: "=…" becomes a formula,
 *   "+…"/"-…" a formula or a number, number-like and date-like text a number; not in a cell whose
 *   number format is text ("@").
 * - A request larger than 5 MB (values, formats, names and addresses of every queued call, counted
 *   as UTF-8 JSON) throws RequestPayloadSizeLimitExceeded before anything runs; a response of more
 *   than `cellLimit` cells throws ResponsePayloadSizeLimitExceeded (Excel on the web).
 * - A protected sheet refuses what its protection options do not allow (AccessDenied): values and
 *   formulas in locked cells (every cell is locked unless format.protection.locked was set false
 *   before protecting), formats unless allowFormatCells, column widths unless allowFormatColumns,
 *   notes and comments unless allowEditObjects, merges, data validation and locking always;
 *   selecting a cell and the page layout stay allowed. protect() on a protected sheet throws
 *   AccessDenied (office-js #6784). While the user edits a cell every sync throws
 *   InvalidOperationInCellEditMode.
 * - worksheet.pageLayout (ExcelApi 1.9): on an older Excel (`apiMinor` below 9) the sync
 *   that uses it fails with ApiNotFound.
 * - A cell holds a note or a modern comment, not both (adding the other is InvalidArgument); a cell
 *   holds at most 32,767 characters; a workbook whose structure is protected refuses adding,
 *   deleting, renaming, hiding and showing sheets (AccessDenied). Fill patterns, pattern colours and
 *   tints need ExcelApi 1.9 (ApiNotFound below it).
 * - *OrNullObject: loads report isNullObject; writes and deletes on a null object do nothing.
 * - getMergedAreasOrNullObject() gives a RangeAreas (null when there is none) whose `areas` are the
 *   merged ranges; addresses carry the sheet name, quoted where Excel quotes it.
 *
 * It holds a real grid (values, formulas, number formats, merged areas, fills, notes, comments,
 * hyperlinks, visibility, protection) and counts syncs and the bytes of each request.
 */

export interface FakeCell {
  value: string | number | boolean | null;
  formula?: string;
  numFmt?: string;
  fill?: string; // '#RRGGBB' or undefined for none
  /** The rest of a fill (ExcelApi 1.9): its pattern, the pattern's colour and tint, the colour's tint. */
  fillStyle?: { pattern?: string; patternColor?: string | null; patternTintAndShade?: number; tintAndShade?: number };
  bold?: boolean;
  hyperlink?: string;
  /** The data validation rule set on the cell (list or decimal), as the adapter wrote it. */
  validation?: unknown;
  /** format.protection.locked as set on the cell itself (else the sheet's unlocked areas decide; locked by default). */
  locked?: boolean;
}

/** What a protected sheet still allows (Excel.WorksheetProtectionOptions, the ones we model). */
export interface FakeAllow {
  allowFormatCells?: boolean;
  allowFormatColumns?: boolean;
  allowFormatRows?: boolean;
  allowInsertRows?: boolean;
  allowDeleteRows?: boolean;
  allowEditObjects?: boolean;
}

/** The print settings of a sheet (worksheet.pageLayout, ExcelApi 1.9). */
export interface FakePage {
  orientation?: string;
  paperSize?: string;
  zoom?: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printTitleRows?: string;
}

export interface FakeSheet {
  name: string;
  visibility: string;
  cells: Map<string, FakeCell>;
  notes: Map<string, string>;
  merges: string[];
  /** Threaded comments (ExcelApi 1.10) by cell. */
  comments?: Map<string, string>;
  /** Sheet protection (no password needed to simulate): what `allow` does not allow is refused. */
  protected?: boolean;
  allow?: FakeAllow;
  page?: FakePage;
  /** Large ranges (whole sheet, whole columns) unlocked at once: Excel keeps this as formats, not per cell. */
  unlockedAreas?: string[];
  /** Internal identity: survives a rename, as a worksheet id does. */
  id?: number;
}

/** What one cell may hold (Excel's specifications and limits). */
export const CELL_TEXT_LIMIT = 32767;

/** Excel on the web's limit on one request (and one response), in bytes. */
export const REQUEST_LIMIT = 5 * 1024 * 1024;
/** What every queued call costs besides its arguments (action type, object path ids). */
const CALL_OVERHEAD = 40;

const excelError = (code: string, message: string) => Object.assign(new Error(`${code}: ${message}`), { code });

let nextId = 1;

export class FakeBook {
  sheets: FakeSheet[] = [];
  syncs = 0;
  /** Cells one sync may return (values, formulas, formats each count): like Excel on the web's 5 MB. */
  cellLimit = Infinity;
  /** Bytes one request may carry. */
  requestLimit = REQUEST_LIMIT;
  /** The user is editing a cell: every sync fails. */
  editing = false;
  /** Bytes of every request sent, in order (failed ones included). */
  requests: number[] = [];
  /** The cell the user sees selected ("Sheet!A1"), after range.select(). */
  selected?: string;
  /** The ExcelApi requirement set this Excel supports, as its minor number: 18 is ExcelApi 1.18 (pageLayout needs 9). */
  apiMinor = 18;
  /** The workbook's structure is protected (审阅 → 保护工作簿): sheets cannot be added, deleted, renamed, hidden or shown. */
  structureProtected = false;
  /** Custom document properties (文件 → 属性 → 自定义; ExcelApi 1.12), by key. */
  customProperties = new Map<string, string>();
  /** Calls run so far; with `failAt`, the call of that number fails (a lost connection, a crash). */
  calls = 0;
  failAt?: number;

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

  idOf(s: FakeSheet): number {
    s.id ??= nextId++;
    return s.id;
  }

  /** A deep copy of the visible state, to compare before and after. */
  snapshot(): unknown {
    return this.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      protected: !!s.protected,
      allow: s.allow ? { ...s.allow } : undefined,
      page: s.page ? JSON.parse(JSON.stringify(s.page)) : undefined,
      unlockedAreas: s.unlockedAreas ? [...s.unlockedAreas] : undefined,
      // A fill as Excel reports it: a style never set reads as its default.
      cells: [...s.cells.entries()].map(([k, v]) => [k, { ...v, fillStyle: v.fill ? visibleFill(v.fillStyle) : undefined }]).sort(),
      notes: [...s.notes.entries()].sort(),
      comments: [...(s.comments ?? new Map()).entries()].sort(),
      merges: [...s.merges],
    }));
  }

  context(): FakeContext {
    return new FakeContext(this);
  }
}

const visibleFill = (f: FakeCell['fillStyle']) => ({
  pattern: f?.pattern ?? 'Solid',
  patternColor: f?.patternColor ?? null,
  patternTintAndShade: f?.patternTintAndShade ?? 0,
  tintAndShade: f?.tintAndShade ?? 0,
});

class NotLoaded extends Error {}

interface Op {
  bytes: number;
  /** Cells the response carries for this call (loads of values, formulas, formats). */
  cells: number;
  run(): void;
}

// (TextEncoder: the same count in Node and in a page, where this simulation also runs.)
const utf8 = (s: string) => new TextEncoder().encode(s).length;
const bytesOf = (...parts: unknown[]) => CALL_OVERHEAD + utf8(JSON.stringify(parts));

export class FakeContext {
  queue: Op[] = [];
  workbook: { worksheets: Worksheets; comments: Comments; protection: WorkbookProtection; properties: { custom: CustomProperties } };
  constructor(public book: FakeBook) {
    this.workbook = {
      worksheets: new Worksheets(this),
      comments: new Comments(this),
      protection: new WorkbookProtection(this),
      properties: { custom: new CustomProperties(this) },
    };
  }
  enqueue(run: () => void, bytes: number, cells = 0) {
    this.queue.push({ run, bytes, cells });
  }
  async sync(): Promise<void> {
    this.book.syncs++;
    const ops = this.queue;
    this.queue = [];
    const bytes = ops.reduce((n, o) => n + o.bytes, 0);
    this.book.requests.push(bytes);
    if (this.book.editing)
      throw excelError(
        'InvalidOperationInCellEditMode',
        'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
      );
    if (bytes > this.book.requestLimit) throw excelError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    const cells = ops.reduce((n, o) => n + o.cells, 0);
    if (cells > this.book.cellLimit) throw excelError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    // Each call in order; a failing one ends the batch, what ran before it stays done.
    for (const op of ops) {
      if (++this.book.calls === this.book.failAt) throw excelError('GeneralException', 'There was an internal error while processing the request.');
      op.run();
    }
  }
}

/** Refuse a change of the workbook's structure while it is protected. */
const structure = (book: FakeBook) => {
  if (book.structureProtected) throw excelError('AccessDenied', '工作簿结构受保护：The workbook is protected.');
};

/** Base of every proxy: properties become readable once a load of them has run in a sync. */
abstract class Proxy {
  protected ready = new Set<string>();
  protected snap: Record<string, unknown> = {};
  constructor(protected ctx: FakeContext) {}
  load(props?: string | string[]): this {
    const list = (Array.isArray(props) ? props : (props ?? '').split(',')).map((p) => p.trim()).filter(Boolean);
    this.ctx.enqueue(
      () => {
        for (const p of list) this.take(p);
      },
      bytesOf(this.path(), list),
      this.cost(list),
    );
    return this;
  }
  /** Items of a loaded collection arrive with their properties. */
  settle(props: string[]) {
    for (const p of props) this.take(p);
  }
  /** Resolve one loaded path ("values", "items/name") into the snapshot. */
  protected take(p: string) {
    const head = p.split('/')[0];
    this.snap[head] = this.read(head, p);
    this.ready.add(head);
  }
  /** Cells these loads return (ranges only). */
  protected cost(_props: string[]): number {
    return 0;
  }
  /** The object path sent with every call (names and addresses count in the request). */
  protected path(): string {
    return '';
  }
  protected get<T>(p: string): T {
    if (!this.ready.has(p)) throw new NotLoaded(`PropertyNotLoaded: “${p}” was read without load() and context.sync()`);
    return this.snap[p] as T;
  }
  protected abstract read(p: string, full: string): unknown;
}

// ---------------------------------------------------------------------------------------------
// Worksheets

class Worksheets extends Proxy {
  read(p: string, full: string) {
    if (p !== 'items') throw new Error(`unsupported ${p}`);
    const sub = full.split('/').slice(1).join('/');
    return this.ctx.book.sheets.map((s) => {
      const w = new Worksheet(this.ctx, { id: this.ctx.book.idOf(s) });
      w.preload(s, sub);
      return w;
    });
  }
  protected take(p: string) {
    // Several item paths load one list of items, each with every requested sub-path.
    if (!p.startsWith('items')) return super.take(p);
    const prev = (this.snap.items as Worksheet[] | undefined) ?? undefined;
    const items = this.read('items', p) as Worksheet[];
    if (prev && prev.length === items.length) {
      prev.forEach((w, i) => w.absorb(items[i]));
    } else this.snap.items = items;
    this.ready.add('items');
  }
  get items(): Worksheet[] {
    return this.get<Worksheet[]>('items');
  }
  getItem(name: string): Worksheet {
    return new Worksheet(this.ctx, { name });
  }
  getItemOrNullObject(name: string): Worksheet {
    return new Worksheet(this.ctx, { name, orNull: true });
  }
  add(name: string): Worksheet {
    const ws = new Worksheet(this.ctx, { name });
    this.ctx.enqueue(
      () => {
        const book = this.ctx.book;
        structure(book);
        if (book.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw excelError('ItemAlreadyExists', `已有名为“${name}”的工作表`);
        const s: FakeSheet = { name, visibility: 'Visible', cells: new Map(), notes: new Map(), merges: [] };
        book.sheets.push(s);
        ws.bind(book.idOf(s));
      },
      bytesOf('add', name),
    );
    return ws;
  }
}

interface SheetRef {
  name?: string;
  id?: number;
  orNull?: boolean;
}

class Worksheet extends Proxy {
  private preloaded = new Map<string, unknown>();
  constructor(
    ctx: FakeContext,
    private ref: SheetRef,
  ) {
    super(ctx);
  }
  bind(id: number) {
    this.ref.id = id;
  }
  /** Values a collection load gave this item ("name", "protection/protected", "visibility"). */
  preload(s: FakeSheet, sub: string) {
    if (!sub || sub === 'name') this.preloaded.set('name', s.name);
    if (sub === 'visibility') this.preloaded.set('visibility', s.visibility);
    for (const part of sub.split(',')) {
      if (part === 'protection/protected') this.preloaded.set('protection/protected', !!s.protected);
      if (part === 'protection/options') this.preloaded.set('protection/options', optionsOf(s));
    }
  }
  absorb(other: Worksheet) {
    for (const [k, v] of other.preloaded) this.preloaded.set(k, v);
  }
  /** The sheet now, or undefined for a null object; a missing sheet throws ItemNotFound. */
  target(): FakeSheet | undefined {
    const book = this.ctx.book;
    const s = this.ref.id !== undefined ? book.sheets.find((x) => x.id === this.ref.id) : book.sheets.find((x) => x.name === this.ref.name);
    if (!s) {
      if (this.ref.orNull) return undefined;
      throw excelError('ItemNotFound', `找不到工作表“${this.ref.name ?? this.ref.id}”`);
    }
    if (this.ref.id === undefined && !this.ref.orNull) this.ref.id = book.idOf(s);
    return s;
  }
  protected path(): string {
    return this.ref.name ?? String(this.ref.id);
  }
  read(p: string) {
    const s = this.target();
    if (p === 'isNullObject') return !s;
    if (p === 'name') return s?.name;
    if (p === 'visibility') return s?.visibility;
    throw new Error(`unsupported ${p}`);
  }
  get name(): string {
    if (this.preloaded.has('name')) return this.preloaded.get('name') as string;
    return this.get<string>('name');
  }
  set name(v: string) {
    this.ctx.enqueue(
      () => {
        const s = this.target();
        if (!s) return;
        structure(this.ctx.book);
        if (this.ctx.book.sheets.some((x) => x !== s && x.name.toLowerCase() === v.toLowerCase()))
          throw excelError('ItemAlreadyExists', `已有名为“${v}”的工作表`);
        s.name = v;
      },
      bytesOf(this.path(), 'name', v),
    );
  }
  get isNullObject(): boolean {
    return this.get<boolean>('isNullObject');
  }
  get visibility(): string {
    if (this.preloaded.has('visibility')) return this.preloaded.get('visibility') as string;
    return this.get<string>('visibility');
  }
  set visibility(v: string) {
    this.ctx.enqueue(
      () => {
        const s = this.target();
        if (!s) return;
        if (v !== s.visibility) structure(this.ctx.book);
        const othersVisible = this.ctx.book.sheets.some((x) => x !== s && x.visibility === 'Visible');
        if (v !== 'Visible' && !othersVisible) throw excelError('InvalidOperation', '工作簿至少要有一张可见的工作表');
        s.visibility = v;
      },
      bytesOf(this.path(), 'visibility', v),
    );
  }
  get protection() {
    return new Protection(
      this.ctx,
      this,
      this.preloaded.get('protection/protected') as boolean | undefined,
      this.preloaded.get('protection/options') as FakeAllow | undefined,
    );
  }
  /** Print settings (ExcelApi 1.9): allowed on a protected sheet. */
  get pageLayout() {
    const set = (kind: string, payload: unknown, f: (p: FakePage) => void) =>
      this.ctx.enqueue(
        () => {
          if (this.ctx.book.apiMinor < 9) throw excelError('ApiNotFound', 'The API you are trying to use could not be found (ExcelApi 1.9).');
          const s = this.target();
          if (s) f((s.page ??= {}));
        },
        bytesOf(this.path(), kind, payload),
      );
    return {
      set orientation(v: string) {
        set('orientation', v, (p) => (p.orientation = v));
      },
      set paperSize(v: string) {
        set('paperSize', v, (p) => (p.paperSize = v));
      },
      set zoom(v: FakePage['zoom']) {
        set('zoom', v, (p) => (p.zoom = { ...v }));
      },
      setPrintTitleRows(rows: string) {
        set('printTitleRows', rows, (p) => (p.printTitleRows = rows));
      },
    };
  }
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return new Range(
      this.ctx,
      this,
      () => {
        const s = this.target();
        if (!s) return undefined;
        let r0 = Infinity,
          c0 = Infinity,
          r1 = -1,
          c1 = -1;
        for (const [addr, cell] of s.cells) {
          if (valuesOnly && (cell.value === null || cell.value === '') && !cell.formula) continue;
          const p = parseA1(addr)!;
          r0 = Math.min(r0, p.r);
          c0 = Math.min(c0, p.c);
          r1 = Math.max(r1, p.r);
          c1 = Math.max(c1, p.c);
        }
        return r1 < 0 ? undefined : `${a1(r0, c0)}:${a1(r1, c1)}`;
      },
      true,
    );
  }
  getRange(address?: string): Range {
    const addr = address ?? 'A1:XFD1048576';
    return new Range(this.ctx, this, () => (this.target() ? addr : undefined), !!this.ref.orNull, addr);
  }
  getRangeByIndexes(r: number, c: number, rows: number, cols: number): Range {
    return this.getRange(`${a1(r, c)}:${a1(r + rows - 1, c + cols - 1)}`);
  }
  getRanges(address: string): RangeAreas {
    return new RangeAreas(this.ctx, this, () => (this.target() ? address.split(',') : undefined), address);
  }
  get notes(): Notes {
    return new Notes(this.ctx, this);
  }
  get freezePanes() {
    return { freezeRows: (n: number) => this.ctx.enqueue(() => void this.target(), bytesOf(this.path(), 'freezeRows', n)) };
  }
  activate() {
    this.ctx.enqueue(
      () => {
        const s = this.target();
        if (s && s.visibility !== 'Visible') throw excelError('InvalidOperation', '不能激活隐藏的工作表');
      },
      bytesOf(this.path(), 'activate'),
    );
  }
  delete() {
    this.ctx.enqueue(
      () => {
        const s = this.target();
        if (!s) return;
        const book = this.ctx.book;
        structure(book);
        if (s.visibility === 'VeryHidden') throw excelError('InvalidOperation', 'This operation is not permitted for the current object.');
        if (s.visibility === 'Visible' && !book.sheets.some((x) => x !== s && x.visibility === 'Visible'))
          throw excelError('InvalidOperation', '不能删除唯一可见的工作表');
        book.sheets = book.sheets.filter((x) => x !== s);
      },
      bytesOf(this.path(), 'delete'),
    );
  }
  /**
   * The sheet, refusing what its protection does not allow: `need` is what the write changes —
   * cell contents (allowed in unlocked cells only: `addresses` are checked), cell formats, column
   * widths, objects (notes, comments), or the sheet's structure (merges, validation, locking).
   */
  writable(need: Need = 'structure', addresses: string[] = []): FakeSheet | undefined {
    const s = this.target();
    if (!s?.protected) return s;
    const allow = s.allow ?? {};
    const ok =
      need === 'select' ||
      (need === 'format' && !!allow.allowFormatCells) ||
      (need === 'columns' && !!allow.allowFormatColumns) ||
      (need === 'objects' && !!allow.allowEditObjects) ||
      (need === 'cells' && addresses.every((a) => allUnlocked(s, a)));
    if (!ok) throw excelError('AccessDenied', `工作表“${s.name}”受保护：The cell or chart you're trying to change is on a protected sheet.`);
    return s;
  }
  get sheetPath() {
    return this.path();
  }
}

/** What a write needs of a protected sheet (see Worksheet.writable). */
type Need = 'cells' | 'format' | 'columns' | 'objects' | 'structure' | 'select';

/** Whether a cell is locked: its own setting, else unlocked inside an unlocked area, else locked (Excel's default). */
export function isLocked(s: FakeSheet, r: number, c: number): boolean {
  const own = s.cells.get(a1(r, c))?.locked;
  if (own !== undefined) return own;
  return !(s.unlockedAreas ?? []).some((a) => {
    const g = box(a);
    return r >= g.r0 && r <= g.r1 && c >= g.c0 && c <= g.c1;
  });
}

function allUnlocked(s: FakeSheet, address: string): boolean {
  const b = box(address);
  for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) if (isLocked(s, r, c)) return false;
  return true;
}

/** Cells of a range (capped: a whole-sheet range is not walked cell by cell). */
const cellCount = (address: string) => {
  const b = box(address);
  return (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1);
};

/** A sheet's protection options as Excel reports them (every allow… false when unprotected). */
function optionsOf(s: FakeSheet): FakeAllow {
  const a = s.protected ? (s.allow ?? {}) : {};
  return {
    allowFormatCells: !!a.allowFormatCells,
    allowFormatColumns: !!a.allowFormatColumns,
    allowFormatRows: !!a.allowFormatRows,
    allowInsertRows: !!a.allowInsertRows,
    allowDeleteRows: !!a.allowDeleteRows,
    allowEditObjects: !!a.allowEditObjects,
  };
}

class Protection extends Proxy {
  constructor(
    ctx: FakeContext,
    private ws: Worksheet,
    private preloaded?: boolean,
    private preOptions?: FakeAllow,
  ) {
    super(ctx);
  }
  read(p: string) {
    const s = this.ws.target();
    if (p === 'protected') return !!s?.protected;
    if (p === 'options') return s ? optionsOf(s) : {};
    throw new Error(`unsupported ${p}`);
  }
  get protected(): boolean {
    return this.preloaded ?? this.get<boolean>('protected');
  }
  get options(): FakeAllow {
    return this.preOptions ?? this.get<FakeAllow>('options');
  }
  /** Protect without a password; refused on a sheet already protected (office-js #6784). */
  protect(options: FakeAllow = {}) {
    this.ctx.enqueue(
      () => {
        const s = this.ws.target();
        if (!s) return;
        if (s.protected) throw excelError('AccessDenied', `工作表“${s.name}”已受保护`);
        s.protected = true;
        s.allow = { ...options };
      },
      bytesOf(this.ws.sheetPath, 'protect', options),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges

function box(address: string): { r0: number; c0: number; r1: number; c1: number } {
  const g = parseRange(address)!;
  return { r0: g.top, c0: g.left, r1: Math.min(g.bottom, 1048575), c1: Math.min(g.right, 16383) };
}

/** A sheet name as Excel writes it in an address: quoted unless letters, digits, _ and . only. */
export function sheetInAddress(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const NUMBER_LIKE = /^\s*[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?%?\s*$/;
const DATE_LIKE = /^\s*\d{1,4}[-/]\d{1,2}([-/]\d{1,4})?\s*$/;

/** What Excel stores when a value is written through range.values or range.formulas. */
export function interpret(x: unknown, numFmt: string | undefined, asFormula: boolean): { value: string | number | boolean | null; formula?: string } {
  if (x === '' || x === null || x === undefined) return { value: null };
  if (typeof x !== 'string') return { value: x as number | boolean };
  if (numFmt === '@') return { value: x };
  if (x.length > 1 && x.startsWith('=')) return { value: null, formula: x.slice(1) };
  if (/\d/.test(x) && NUMBER_LIKE.test(x)) {
    const t = x.trim().replace(/,/g, '');
    return { value: t.endsWith('%') ? Number(t.slice(0, -1)) / 100 : Number(t) };
  }
  if (DATE_LIKE.test(x)) return { value: 45000 }; // a date serial: the text is gone
  if (x.length > 1 && /^[+-]/.test(x)) return { value: null, formula: x };
  void asFormula;
  return { value: x };
}

class Range extends Proxy {
  /** `where()` gives the address now, or undefined for a null object. */
  constructor(
    ctx: FakeContext,
    private ws: Worksheet,
    private where: () => string | undefined,
    private orNull = false,
    private fixed = '',
  ) {
    super(ctx);
  }
  protected path(): string {
    return `${this.ws.sheetPath}!${this.fixed}`;
  }
  protected cost(props: string[]): number {
    const addr =
      this.fixed ||
      (() => {
        try {
          return this.where();
        } catch {
          return undefined;
        }
      })();
    if (!addr) return 0;
    const b = box(addr);
    return props.filter((p) => p === 'values' || p === 'formulas' || p === 'numberFormat').length * (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1);
  }
  private cells<T>(s: FakeSheet, addr: string, f: (cell: FakeCell | undefined) => T): T[][] {
    const b = box(addr);
    const out: T[][] = [];
    for (let r = b.r0; r <= b.r1; r++) {
      const row: T[] = [];
      for (let c = b.c0; c <= b.c1; c++) row.push(f(s.cells.get(a1(r, c))));
      out.push(row);
    }
    return out;
  }
  read(p: string) {
    const addr = this.where();
    if (p === 'isNullObject') return !addr;
    if (!addr) return undefined;
    const s = this.ws.target()!;
    const b = box(addr);
    switch (p) {
      case 'rowCount':
        return b.r1 - b.r0 + 1;
      case 'columnCount':
        return b.c1 - b.c0 + 1;
      case 'values':
        return this.cells(s, addr, (x) => (x ? (x.value ?? '') : ''));
      case 'formulas':
        return this.cells(s, addr, (x) => (x?.formula ? '=' + x.formula : x ? (x.value ?? '') : ''));
      case 'numberFormat':
        return this.cells(s, addr, (x) => x?.numFmt ?? 'General');
      case 'rowIndex':
        return b.r0;
      case 'columnIndex':
        return b.c0;
      case 'address':
        return `${sheetInAddress(s.name)}!${addr}`;
      default:
        throw new Error(`unsupported ${p}`);
    }
  }
  private nonNull<T>(p: string): T {
    const v = this.get<T>(p);
    if (this.snap.isNullObject === true || (v === undefined && this.orNull)) throw new Error(`InvalidObjectPath: “${p}” of a null object`);
    return v;
  }
  /** Queue a write over every cell of the range (a null object: nothing). */
  private write(kind: string, payload: unknown, f: (s: FakeSheet, addr: string) => void, need: Need = 'structure') {
    this.ctx.enqueue(
      () => {
        const addr = this.where();
        if (!addr) return;
        const s = this.ws.writable(need, [addr]);
        if (!s) return;
        f(s, addr);
      },
      bytesOf(this.path(), kind, payload),
    );
  }
  private setEach(v: unknown[][], asFormula: boolean) {
    this.write(
      asFormula ? 'formulas' : 'values',
      v,
      (s, addr) => {
        const b = box(addr);
        if (v.length !== b.r1 - b.r0 + 1 || v.some((row) => row.length !== b.c1 - b.c0 + 1)) throw excelError('InvalidArgument', '数组的行列数与区域不一致');
        // A cell holds at most 32,767 characters.
        if (v.some((row) => row.some((x) => typeof x === 'string' && x.length > CELL_TEXT_LIMIT)))
          throw excelError('InvalidArgument', `单元格文字超过 ${CELL_TEXT_LIMIT} 个字符`);
        v.forEach((row, i) =>
          row.forEach((x, j) => {
            const at = a1(b.r0 + i, b.c0 + j);
            const cell = s.cells.get(at) ?? { value: null };
            const got = interpret(x, cell.numFmt, asFormula);
            cell.value = got.value;
            if (got.formula) cell.formula = got.formula;
            else delete cell.formula;
            if (isEmpty(cell)) s.cells.delete(at);
            else s.cells.set(at, cell);
          }),
        );
      },
      'cells',
    );
  }
  get isNullObject() {
    return this.get<boolean>('isNullObject');
  }
  get values() {
    return this.nonNull<unknown[][]>('values');
  }
  set values(v: unknown[][]) {
    this.setEach(v, false);
  }
  get formulas() {
    return this.nonNull<unknown[][]>('formulas');
  }
  set formulas(v: unknown[][]) {
    this.setEach(v, true);
  }
  get numberFormat() {
    return this.nonNull<unknown[][]>('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.write(
      'numberFormat',
      v,
      (s, addr) => {
        const b = box(addr);
        v.forEach((row, i) =>
          row.forEach((x, j) => {
            const at = a1(b.r0 + i, b.c0 + j);
            const cell = s.cells.get(at) ?? { value: null };
            if (x === 'General') delete cell.numFmt;
            else if (x !== null) cell.numFmt = String(x);
            if (isEmpty(cell)) s.cells.delete(at);
            else s.cells.set(at, cell);
          }),
        );
      },
      'format',
    );
  }
  get rowIndex() {
    return this.nonNull<number>('rowIndex');
  }
  get rowCount() {
    return this.nonNull<number>('rowCount');
  }
  get columnCount() {
    return this.nonNull<number>('columnCount');
  }
  get columnIndex() {
    return this.nonNull<number>('columnIndex');
  }
  get address() {
    return this.nonNull<string>('address');
  }
  merge() {
    this.write('merge', null, (s, addr) => s.merges.push(addr));
  }
  /** Data validation (a drop-down list, a decimal rule): refused on a protected sheet, kept per cell. */
  get dataValidation() {
    const write = (kind: string, payload: unknown) =>
      this.write(kind, payload, (s, addr) => {
        const b = box(addr);
        for (let r = b.r0; r <= b.r1; r++)
          for (let c = b.c0; c <= b.c1; c++) {
            const at = a1(r, c);
            s.cells.set(at, { ...(s.cells.get(at) ?? { value: null }), validation: payload });
          }
      });
    return {
      set rule(v: unknown) {
        write('dataValidation', v);
      },
    };
  }
  select() {
    this.write('select', null, (s, addr) => (this.ctx.book.selected = `${s.name}!${addr}`), 'select');
  }
  set hyperlink(h: { documentReference: string }) {
    this.write('hyperlink', h, (s, addr) => {
      const b = box(addr);
      const at = a1(b.r0, b.c0);
      const cell = s.cells.get(at) ?? { value: null };
      cell.hyperlink = h.documentReference;
      s.cells.set(at, cell);
    });
  }
  get format() {
    return new RangeFormat(
      this.ctx,
      this.ws,
      () => {
        const a = this.where();
        return a ? [a] : undefined;
      },
      this.path(),
    );
  }
  getMergedAreasOrNullObject(): RangeAreas {
    return new RangeAreas(
      this.ctx,
      this.ws,
      () => {
        const addr = this.where();
        if (!addr) return undefined;
        const s = this.ws.target()!;
        const b = box(addr);
        const inside = s.merges.filter((m) => {
          const g = box(m);
          return g.r0 >= b.r0 && g.r1 <= b.r1 && g.c0 >= b.c0 && g.c1 <= b.c1;
        });
        return inside.length ? inside : undefined;
      },
      this.fixed,
    );
  }
}

class RangeAreas extends Proxy {
  constructor(
    ctx: FakeContext,
    private ws: Worksheet,
    private where: () => string[] | undefined,
    private fixed: string,
  ) {
    super(ctx);
  }
  protected path(): string {
    return `${this.ws.sheetPath}!${this.fixed}`;
  }
  read(p: string) {
    const list = this.where();
    if (p === 'isNullObject') return !list;
    if (!list) return undefined;
    const name = sheetInAddress(this.ws.target()!.name);
    if (p === 'address') return list.map((a) => `${name}!${a}`).join(', ');
    if (p === 'areaCount') return list.length;
    throw new Error(`unsupported ${p}`);
  }
  get isNullObject() {
    return this.get<boolean>('isNullObject');
  }
  get address() {
    return this.get<string>('address');
  }
  get areaCount() {
    return this.get<number>('areaCount');
  }
  /** The rectangular ranges, a collection to load ("items/rowIndex, …"). */
  get areas(): RangeCollection {
    return new RangeCollection(this.ctx, this.ws, () => this.where() ?? []);
  }
  get format() {
    return new RangeFormat(this.ctx, this.ws, this.where, this.path());
  }
}

class RangeCollection extends Proxy {
  constructor(
    ctx: FakeContext,
    private ws: Worksheet,
    private list: () => string[],
  ) {
    super(ctx);
  }
  read(p: string, full: string) {
    if (p !== 'items') throw new Error(`unsupported ${p}`);
    void full;
    return this.list().map((a) => {
      const r = new Range(this.ctx, this.ws, () => a, false, a);
      r.settle(['rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'address']);
      return r;
    });
  }
  protected take(p: string) {
    // Every "items/x" path resolves the same items once.
    if (p.startsWith('items') && (this.snap.items as unknown)) return;
    super.take(p);
  }
  get items(): Range[] {
    return this.get<Range[]>('items');
  }
}

/** A cell with nothing of its own left (Excel keeps no such cell). */
const isEmpty = (c: FakeCell) =>
  c.value === null && !c.formula && !c.numFmt && !c.fill && !c.bold && !c.hyperlink && c.locked === undefined && c.validation === undefined;

/** Apply f to every cell of some ranges of a sheet; a cell with nothing left in it is no cell at all (as in Excel). */
function eachCell(s: FakeSheet, addresses: string[], f: (cell: FakeCell) => void) {
  for (const address of addresses) {
    const b = box(address);
    for (let r = b.r0; r <= b.r1; r++)
      for (let c = b.c0; c <= b.c1; c++) {
        const addr = a1(r, c);
        const cell = s.cells.get(addr) ?? { value: null };
        f(cell);
        if (isEmpty(cell)) s.cells.delete(addr);
        else s.cells.set(addr, cell);
      }
  }
}

class RangeFormat {
  constructor(
    private ctx: FakeContext,
    private ws: Worksheet,
    private where: () => string[] | undefined,
    private pathText: string,
  ) {}
  private each(kind: string, payload: unknown, f: (cell: FakeCell) => void, need: Need = 'format') {
    this.ctx.enqueue(
      () => {
        const list = this.where();
        if (!list) return;
        const s = this.ws.writable(need, list);
        if (s) eachCell(s, list, f);
      },
      bytesOf(this.pathText, kind, payload),
    );
  }
  private touch(kind: string, payload: unknown, need: Need = 'format') {
    this.ctx.enqueue(
      () => {
        if (this.where()) this.ws.writable(need);
      },
      bytesOf(this.pathText, kind, payload),
    );
  }
  /**
   * Locking: refused on a protected sheet (unlock cells before protecting). A large range (the
   * whole sheet, whole columns) unlocked becomes an area, its cells' own settings dropped.
   */
  get protection() {
    const ctx = this.ctx;
    const ws = this.ws;
    const where = this.where;
    const pathText = this.pathText;
    return {
      set locked(v: boolean) {
        ctx.enqueue(
          () => {
            const list = where();
            if (!list) return;
            const s = ws.writable('structure', list);
            if (!s) return;
            for (const address of list) {
              if (cellCount(address) <= 100000) {
                eachCell(s, [address], (c) => (c.locked = v));
                continue;
              }
              if (v) throw new Error('simulation: locking a whole sheet is not modelled');
              (s.unlockedAreas ??= []).push(address);
              const g = box(address);
              for (const [at, c] of s.cells) {
                const p = parseA1(at)!;
                if (p.r >= g.r0 && p.r <= g.r1 && p.c >= g.c0 && p.c <= g.c1) delete c.locked;
              }
            }
          },
          bytesOf(pathText, 'locked', v),
        );
      },
    };
  }
  get fill() {
    return new RangeFill(this.ctx, this.ws, this.where, this.pathText);
  }
  get font() {
    const each = (k: string, p: unknown, f: (c: FakeCell) => void) => this.each(k, p, f);
    return {
      set bold(v: boolean) {
        each('bold', v, (c) => (c.bold = v));
      },
    };
  }
  set columnWidth(w: number) {
    this.touch('columnWidth', w, 'columns');
  }
  set wrapText(v: boolean) {
    this.touch('wrapText', v);
  }
  /** Rows fitted to their wrapped text (ExcelApi 1.2; a row height, as columnWidth is a column's). */
  autofitRows() {
    this.touch('autofitRows', null, 'columns');
  }
  get borders() {
    const touch = (k: string, p: unknown) => this.touch(k, p);
    return {
      getItem: (edge: string) => ({
        set style(s: string) {
          touch('border', [edge, s]);
        },
      }),
    };
  }
}

class RangeFill extends Proxy {
  constructor(
    ctx: FakeContext,
    private ws: Worksheet,
    private where: () => string[] | undefined,
    private pathText: string,
  ) {
    super(ctx);
  }
  protected path(): string {
    return this.pathText;
  }
  read(p: string) {
    const list = this.where();
    const cell = list ? this.ws.target()?.cells.get(list[0].split(':')[0]) : undefined;
    const fill = cell?.fill;
    if (p !== 'color' && this.ctx.book.apiMinor < 9) throw excelError('ApiNotFound', `RangeFill.${p} 需要 ExcelApi 1.9`);
    if (p === 'color') return fill ?? '#FFFFFF';
    if (p === 'pattern') return fill ? (cell?.fillStyle?.pattern ?? 'Solid') : 'None';
    if (p === 'patternColor') return cell?.fillStyle?.patternColor ?? null;
    if (p === 'patternTintAndShade') return cell?.fillStyle?.patternTintAndShade ?? 0;
    if (p === 'tintAndShade') return cell?.fillStyle?.tintAndShade ?? 0;
    throw new Error(`unsupported ${p}`);
  }
  get color() {
    return this.get<string>('color');
  }
  get pattern() {
    return this.get<string>('pattern');
  }
  set pattern(v: string) {
    this.each('fillPattern', v, (c) => {
      if (v === 'None') {
        delete c.fill;
        delete c.fillStyle;
      } else c.fillStyle = { ...c.fillStyle, pattern: v };
    });
  }
  get patternColor() {
    return this.get<string | null>('patternColor');
  }
  set patternColor(v: string | null) {
    this.each('fillPatternColor', v, (c) => (c.fillStyle = { ...c.fillStyle, patternColor: v }));
  }
  get patternTintAndShade() {
    return this.get<number>('patternTintAndShade');
  }
  set patternTintAndShade(v: number) {
    this.each('fillPatternTint', v, (c) => (c.fillStyle = { ...c.fillStyle, patternTintAndShade: v }));
  }
  get tintAndShade() {
    return this.get<number>('tintAndShade');
  }
  set tintAndShade(v: number) {
    this.each('fillTint', v, (c) => (c.fillStyle = { ...c.fillStyle, tintAndShade: v }));
  }
  private each(kind: string, payload: unknown, f: (c: FakeCell) => void) {
    this.ctx.enqueue(
      () => {
        const list = this.where();
        if (!list) return;
        const s = this.ws.writable('format', list);
        if (s) eachCell(s, list, f);
      },
      bytesOf(this.pathText, kind, payload),
    );
  }
  set color(v: string) {
    this.each('fill', v, (c) => (c.fill = v.toUpperCase()));
  }
  clear() {
    this.each('fillClear', null, (c) => {
      delete c.fill;
      delete c.fillStyle;
    });
  }
}

/** workbook.properties.custom (ExcelApi 1.12): add() creates or sets a property; items lists them. */
class CustomProperties extends Proxy {
  read(p: string) {
    if (p !== 'items') throw new Error(`unsupported ${p}`);
    return [...this.ctx.book.customProperties.entries()].map(([key, value]) => ({ key, value }));
  }
  get items(): { key: string; value: string }[] {
    return this.get<{ key: string; value: string }[]>('items');
  }
  add(key: string, value: string) {
    this.ctx.enqueue(
      () => {
        // Excel's limits: a key of at most 255 characters; a value of at most 255 (longer is refused).
        if (key.length > 255 || String(value).length > 255) throw excelError('InvalidArgument', '自定义属性的名称或值过长');
        this.ctx.book.customProperties.set(key, String(value));
      },
      bytesOf('customProperty', key, value),
    );
  }
}

class WorkbookProtection extends Proxy {
  read(p: string) {
    if (p === 'protected') return this.ctx.book.structureProtected;
    throw new Error(`unsupported ${p}`);
  }
  get protected(): boolean {
    return this.get<boolean>('protected');
  }
}

// ---------------------------------------------------------------------------------------------
// Notes (ExcelApi 1.18) and comments (1.10)

class Notes {
  constructor(
    private ctx: FakeContext,
    private ws: Worksheet,
  ) {}
  add(cell: string, content: string) {
    this.ctx.enqueue(
      () => {
        const s = this.ws.writable('objects');
        if (!s) return;
        if (s.notes.has(cell)) throw excelError('InvalidArgument', `单元格 ${cell} 已有批注`);
        // A cell holds a note or a modern comment, never both.
        if (s.comments?.has(cell)) throw excelError('InvalidArgument', `单元格 ${cell} 已有新版批注，不能再添加注释`);
        s.notes.set(cell, content);
      },
      bytesOf(this.ws.sheetPath, 'addNote', cell, content),
    );
    return new Note(this.ctx, this.ws, cell, false);
  }
  getItemOrNullObject(cell: string): Note {
    return new Note(this.ctx, this.ws, cell, true);
  }
}

class Note extends Proxy {
  constructor(
    ctx: FakeContext,
    private ws: Worksheet,
    private cell: string,
    private orNull: boolean,
  ) {
    super(ctx);
  }
  protected path(): string {
    return `${this.ws.sheetPath}!${this.cell}`;
  }
  private exists(): boolean {
    return !!this.ws.target()?.notes.has(this.cell);
  }
  read(p: string) {
    if (p === 'isNullObject') return !this.exists();
    if (p === 'content') return this.ws.target()?.notes.get(this.cell);
    throw new Error(`unsupported ${p}`);
  }
  get isNullObject() {
    return this.get<boolean>('isNullObject');
  }
  get content() {
    return this.get<string>('content');
  }
  set content(v: string) {
    this.ctx.enqueue(
      () => {
        if (!this.exists()) {
          if (this.orNull) return; // a null object: the write does nothing
          throw excelError('ItemNotFound', `单元格 ${this.cell} 没有批注`);
        }
        this.ws.writable('objects')!.notes.set(this.cell, v);
      },
      bytesOf(this.path(), 'content', v),
    );
  }
  delete() {
    this.ctx.enqueue(
      () => {
        if (!this.exists()) {
          if (this.orNull) return;
          throw excelError('ItemNotFound', `单元格 ${this.cell} 没有批注`);
        }
        this.ws.writable('objects')!.notes.delete(this.cell);
      },
      bytesOf(this.path(), 'delete'),
    );
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
  private sheetOf(name: string): FakeSheet {
    const s = this.ctx.book.sheet(name);
    if (!s) throw excelError('ItemNotFound', `找不到工作表“${name}”`);
    if (s.protected && !s.allow?.allowEditObjects) throw excelError('AccessDenied', `工作表“${name}”受保护`);
    return s;
  }
  add(address: string, content: string) {
    const [sheet, cell] = splitAddress(address);
    this.ctx.enqueue(
      () => {
        const s = this.sheetOf(sheet);
        s.comments ??= new Map();
        if (s.comments.has(cell)) throw excelError('InvalidArgument', `${address} 已有批注`);
        if (s.notes.has(cell)) throw excelError('InvalidArgument', `${address} 已有注释，不能再添加新版批注`);
        s.comments.set(cell, content);
      },
      bytesOf('addComment', address, content),
    );
    return new Comment(this.ctx, sheet, cell);
  }
  getItemByCell(address: string) {
    const [sheet, cell] = splitAddress(address);
    return new Comment(this.ctx, sheet, cell);
  }
}

class Comment extends Proxy {
  constructor(
    ctx: FakeContext,
    private sheetName: string,
    private cell: string,
  ) {
    super(ctx);
  }
  private map(): Map<string, string> {
    const m = this.ctx.book.sheet(this.sheetName)?.comments;
    if (!m?.has(this.cell)) throw excelError('ItemNotFound', `${this.sheetName}!${this.cell} 没有批注`);
    return m;
  }
  read(p: string) {
    if (p === 'content') return this.map().get(this.cell);
    throw new Error(`unsupported ${p}`);
  }
  get content() {
    return this.get<string>('content');
  }
  set content(v: string) {
    this.ctx.enqueue(
      () => {
        const m = this.map();
        const s = this.ctx.book.sheet(this.sheetName)!;
        if (s.protected && !s.allow?.allowEditObjects) throw excelError('AccessDenied', `工作表“${this.sheetName}”受保护`);
        m.set(this.cell, v);
      },
      bytesOf(this.sheetName, this.cell, 'content', v),
    );
  }
  delete() {
    this.ctx.enqueue(
      () => {
        const m = this.map();
        const s = this.ctx.book.sheet(this.sheetName)!;
        if (s.protected && !s.allow?.allowEditObjects) throw excelError('AccessDenied', `工作表“${this.sheetName}”受保护`);
        m.delete(this.cell);
      },
      bytesOf(this.sheetName, this.cell, 'delete'),
    );
  }
  getLocation() {
    return new LocationRange(this.ctx, this.sheetName, this.cell);
  }
}

class LocationRange extends Proxy {
  constructor(
    ctx: FakeContext,
    private sheetName: string,
    private cell: string,
  ) {
    super(ctx);
  }
  read(p: string) {
    if (p === 'address') return `${sheetInAddress(this.sheetName)}!${this.cell}`;
    throw new Error(`unsupported ${p}`);
  }
  get address() {
    return this.get<string>('address');
  }
}
