import type { TextSpan } from './findings';

/** Ends of a sentence in a 情况说明 paragraph. */
const END = /[。！？；\n]/;

/**
 * The sentence of a paragraph a narrative finding quotes, its fragment marked 〖…〗, for the cell's
 * note: a flagged paragraph cell is long, and the note says which sentence to read. A long sentence
 * is cut to about `max` characters around the fragment. Undefined when the cell's text does not
 * hold the fragment where the finding says (the cell was edited since): better no sentence than a
 * wrong one.
 */
export function sentenceAround(text: string, span: TextSpan, max = 120): string | undefined {
  const parts = sentenceParts(text, span, max);
  return parts && `${parts.before}〖${span.fragment}〗${parts.after}`;
}

/** The words before and after the fragment in its sentence (the pane marks the fragment between them). */
export function sentenceParts(text: string, span: TextSpan, max = 120): { before: string; after: string } | undefined {
  const { offset, length, fragment } = span;
  if (offset < 0 || text.slice(offset, offset + length) !== fragment) return undefined;
  let start = offset;
  while (start > 0 && !END.test(text[start - 1])) start--;
  let end = offset + length;
  while (end < text.length && !END.test(text[end])) end++;
  if (end < text.length && text[end] !== '\n') end++;
  let before = text.slice(start, offset).trimStart();
  let after = text.slice(offset + length, end).trimEnd();
  const room = Math.max(0, max - length);
  if (before.length + after.length > room) {
    const half = Math.floor(room / 2);
    const keepAfter = Math.min(after.length, Math.max(half, room - before.length));
    const keepBefore = Math.min(before.length, room - keepAfter);
    if (keepBefore < before.length) before = '…' + before.slice(before.length - keepBefore);
    if (keepAfter < after.length) after = after.slice(0, keepAfter) + '…';
  }
  return { before, after };
}
