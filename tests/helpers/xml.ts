/**
 * A small, strict XML reader for the manifest tests (elements, attributes, text, comments, the
 * XML declaration): enough to check well-formedness and structure without a dependency.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
    if (!(e in ENTITIES)) throw new Error(`unknown entity ${m}`);
    return ENTITIES[e];
  });

export function parseXml(src: string): XmlElement {
  let i = 0;
  const fail = (msg: string): never => {
    throw new Error(`XML error at ${i}: ${msg}`);
  };
  const skipMisc = () => {
    for (;;) {
      while (/\s/.test(src[i] ?? '')) i++;
      if (src.startsWith('<?', i)) i = src.indexOf('?>', i) + 2 || fail('unterminated declaration');
      else if (src.startsWith('<!--', i)) {
        const e = src.indexOf('-->', i);
        if (e < 0) fail('unterminated comment');
        i = e + 3;
      } else return;
    }
  };
  const element = (): XmlElement => {
    if (src[i] !== '<') fail('expected <');
    i++;
    const nm = /^[A-Za-z_][\w:.-]*/.exec(src.slice(i));
    if (!nm) return fail('bad element name');
    const el: XmlElement = { name: nm[0], attrs: {}, children: [], text: '' };
    i += nm[0].length;
    for (;;) {
      while (/\s/.test(src[i])) i++;
      if (src.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (src[i] === '>') {
        i++;
        break;
      }
      const am = /^([A-Za-z_][\w:.-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(src.slice(i));
      if (!am) fail(`bad attribute in <${el.name}>`);
      if (am![1] in el.attrs) fail(`duplicate attribute ${am![1]}`);
      el.attrs[am![1]] = decode(am![3] ?? am![4]);
      i += am![0].length;
    }
    for (;;) {
      if (src.startsWith('<!--', i)) {
        const e = src.indexOf('-->', i);
        if (e < 0) fail('unterminated comment');
        i = e + 3;
      } else if (src.startsWith('</', i)) {
        const close = /^<\/([\w:.-]+)\s*>/.exec(src.slice(i));
        if (!close || close[1] !== el.name) fail(`expected </${el.name}>`);
        i += close![0].length;
        return el;
      } else if (src[i] === '<') el.children.push(element());
      else {
        const e = src.indexOf('<', i);
        if (e < 0) fail('unterminated element');
        el.text += decode(src.slice(i, e));
        i = e;
      }
    }
  };
  skipMisc();
  const root = element();
  skipMisc();
  if (i < src.length) fail('content after the root element');
  return root;
}

export function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}

export const local = (name: string) => name.replace(/^.*:/, '');
export const child = (el: XmlElement, name: string) => el.children.find((c) => local(c.name) === name);
