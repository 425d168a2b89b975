import { FunctionClass, FunctionClasses, KemuEntry, KemuReference } from './types';

/**
 * Lookups over an edition's reference lists (function classes, 科目). The lists are data in each
 * edition's folder; these only index them.
 */

export function functionClasses(list: FunctionClass[], rows: string[]): FunctionClasses {
  const byName = new Map<string, string>();
  for (const c of list) {
    byName.set(c.name, c.code);
    byName.set(c.name.replace(/支出$/, ''), c.code);
    byName.set(c.name + '(类)', c.code);
    for (const a of c.aliases ?? []) byName.set(a, c.code);
  }
  const names = new Map(list.map((c) => [c.code, c.name]));
  return {
    list,
    rows,
    name: (code) => names.get(code),
    codeOfLabel: (norm) => byName.get(norm) ?? byName.get(norm.replace(/\(类\)/, '')),
  };
}

const byCodeOrder = (a: KemuEntry, b: KemuEntry) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

export function kemuReference(o: {
  title: string;
  source: string;
  completeness: KemuReference['completeness'];
  note: string;
  gongneng: KemuEntry[];
  jingji: KemuEntry[];
  defaultScaffoldCodes: string[];
}): KemuReference {
  // The first entry of a code wins (an edition lists its own names before those it adds).
  const gongneng = o.gongneng.filter((e, i) => o.gongneng.findIndex((x) => x.code === e.code) === i).sort(byCodeOrder);
  const g = new Map<string, string>();
  for (const e of o.gongneng) if (!g.has(e.code)) g.set(e.code, e.name);
  const j = new Map<string, string>();
  for (const e of o.jingji) if (!j.has(e.code)) j.set(e.code, e.name);
  const jingji = o.jingji.filter((e, i) => o.jingji.findIndex((x) => x.code === e.code) === i);
  return {
    title: o.title,
    source: o.source,
    completeness: o.completeness,
    note: o.note,
    gongneng,
    jingji,
    gongnengName: (code) => g.get(code),
    gongnengLevel: (code) => (code.length === 3 ? '类' : code.length === 5 ? '款' : code.length === 7 ? '项' : undefined),
    jingjiName: (code) => j.get(code),
    jingjiChildren: (classCode) => jingji.filter((e) => e.code.length === 5 && e.code.startsWith(classCode)),
    defaultScaffoldCodes: o.defaultScaffoldCodes,
  };
}

/**
 * 科目 rows found in public sources that the 财政部 list as entered lacks
 * (../shared/reference/kemu-attested.tsv: code and name printed together in the source).
 */
export interface AttestedRow extends KemuEntry {
  classification: '功能' | '经济';
  source: string;
}
