/**
 * Text normalization for labels and numbers written by accountants and PDF extractors:
 * full-width characters, stray spaces and line breaks, numbering prefixes, parentheses variants.
 */

const FULLWIDTH_START = 0xff01;
const FULLWIDTH_END = 0xff5e;

/** Full-width ASCII (！..～) and the ideographic space to their half-width forms. */
export function toHalfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code >= FULLWIDTH_START && code <= FULLWIDTH_END) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/** Whether a text is one or more ASCII digits, told without a regex (hot paths ask it of thousands of cells). */
export function isAsciiDigits(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const k = t.charCodeAt(i);
    if (k < 48 || k > 57) return false;
  }
  return t.length > 0;
}

/** Remove every kind of whitespace (spaces, tabs, line breaks, NBSP, ideographic space). */
export function stripSpaces(s: string): string {
  return s.replace(/[\s\u00a0\u3000\u200b]+/g, '');
}

const NUMBERING = /^(?:[-•·*]\s*)?(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[)）]|[①-⑳])/;

/** Strip a leading numbering prefix such as 一、 (一) 1. （2） ①. */
export function stripNumbering(s: string): string {
  let t = s;
  for (let i = 0; i < 2; i++) {
    const next = t.replace(NUMBERING, '');
    if (next === t) break;
    t = next;
  }
  return t;
}

/**
 * Canonical form of a label for matching: half-width, no spaces, no numbering prefix,
 * unified parentheses and quotes. "一、一般公共服务支出" and "一般公共服务 支出" meet here.
 */
const normCache = new Map<string, string>();

export function normLabel(s: string): string {
  const hit = normCache.get(s);
  if (hit !== undefined) return hit;
  const t = computeNormLabel(s);
  if (normCache.size > 100000) normCache.clear();
  normCache.set(s, t);
  return t;
}

function computeNormLabel(s: string): string {
  let t = stripSpaces(toHalfWidth(s));
  t = stripNumbering(t);
  t = t
    .replace(/[“”"'‘’「」『』]/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')');
  return t;
}

/**
 * Every match of a global regex, except at a position right after a character `refused` matches:
 * a one-character negative lookbehind written without lookbehind, which Safari before 16.4
 * rejects (and with it the whole script of the pane or the custom functions). A refused position is
 * tried again one character on, as the regex engine does when a lookbehind fails, so the matches
 * are exactly those of the lookbehind. `guarded` limits the test to some alternatives.
 */
export function matchAllNotAfter(text: string, re: RegExp, refused: RegExp, guarded: (m: RegExpExecArray) => boolean = () => true): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m.index > 0 && guarded(m) && refused.test(text[m.index - 1])) {
      re.lastIndex = m.index + 1;
      continue;
    }
    out.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/** Display width (in a terminal, or on a printed line): CJK and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    w +=
      cp >= 0x1100 &&
      (cp <= 0x115f ||
        (cp >= 0x2e80 && cp <= 0xa4cf) ||
        (cp >= 0xac00 && cp <= 0xd7a3) ||
        (cp >= 0xf900 && cp <= 0xfaff) ||
        (cp >= 0xfe30 && cp <= 0xfe4f) ||
        (cp >= 0xff00 && cp <= 0xff60) ||
        (cp >= 0xffe0 && cp <= 0xffe6))
        ? 2
        : 1;
  }
  return w;
}

/** Text as XML (or HTML) character data or an attribute's value: & < > " escaped. */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
