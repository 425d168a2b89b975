/**
 * Two readings of one document compared: what PDFium and pdfjs made of the same PDF (its grid, the
 * tables recognized, the findings). Everything must be equal but the places on the page — a box's
 * x, y, w and h — which may differ by a hundredth of a point: PDFium measures in single precision,
 * pdfjs in its own arithmetic, both rounded to the hundredth.
 */
export const BOX_TOLERANCE = 0.011;
const BOX_KEYS = new Set(['x', 'y', 'w', 'h', 'x0', 'y0', 'x1', 'y1']);

/** Where two readings differ (a path and both values), at most `limit` of them; none when they agree. */
export function readingDifferences(a: unknown, b: unknown, limit = 20): string[] {
  const out: string[] = [];
  const plain = (v: unknown): unknown => {
    if (v instanceof Map) return Object.fromEntries([...v.entries()].map(([k, x]) => [String(k), x]));
    if (v instanceof Set) return [...v.values()];
    if (v && typeof v === 'object' && (v as { constructor?: { name?: string } }).constructor?.name === 'Decimal') return String(v);
    return v;
  };
  const walk = (x: unknown, y: unknown, at: string, key: string, seen: Set<unknown>) => {
    if (out.length >= limit) return;
    x = plain(x);
    y = plain(y);
    if (typeof x === 'number' && typeof y === 'number') {
      if (x === y || (BOX_KEYS.has(key) && Math.abs(x - y) <= BOX_TOLERANCE)) return;
      out.push(`${at}: ${x} ≠ ${y}`);
      return;
    }
    if (x && y && typeof x === 'object' && typeof y === 'object') {
      if (seen.has(x)) return;
      seen.add(x);
      if (Array.isArray(x) !== Array.isArray(y)) out.push(`${at}: 结构不同`);
      // (A table's spec is data, the same object in both: compared by its id.)
      if (key === 'spec' && 'id' in x && 'id' in y) {
        if ((x as { id: unknown }).id !== (y as { id: unknown }).id)
          out.push(`${at}: ${String((x as { id: unknown }).id)} ≠ ${String((y as { id: unknown }).id)}`);
        return;
      }
      for (const k of new Set([...Object.keys(x), ...Object.keys(y)]))
        walk((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], `${at}.${k}`, k, seen);
      return;
    }
    if (x !== y && !(x === undefined && y === undefined)) out.push(`${at}: ${JSON.stringify(x)?.slice(0, 80)} ≠ ${JSON.stringify(y)?.slice(0, 80)}`);
  };
  walk(a, b, '', '', new Set());
  return out;
}
