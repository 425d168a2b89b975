import JSZip from 'jszip';
import { escapeXml } from '../../core/text';

/**
 * A workbook's custom document properties (文件 → 属性 → 自定义; docProps/custom.xml), which Excel,
 * WPS and LibreOffice keep through a save. exceljs neither reads nor writes them: they are read
 * from the package before exceljs loads it and written into the package it writes, so that a copy
 * keeps them (a template's identity among them).
 */

const PART = 'docProps/custom.xml';
const TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';
/** The format id every custom property carries (ECMA-376 Part 1, 22.3.2.2). */
const FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';

const unesc = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');

/** The custom properties of a package, by name (each value as its text). */
export async function readCustomProperties(bytes: Uint8Array): Promise<Record<string, string>> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return {};
  }
  return propertiesIn(zip);
}

/** The custom properties of a package already opened. */
async function propertiesIn(zip: JSZip): Promise<Record<string, string>> {
  const xml = await zip.file(PART)?.async('string');
  if (!xml) return {};
  const out: Record<string, string> = {};
  for (const m of xml.matchAll(/<(?:\w+:)?property\b[^>]*\bname="([^"]*)"[^>]*>([\s\S]*?)<\/(?:\w+:)?property>/g)) {
    const value = /<vt:\w+>([\s\S]*?)<\/vt:\w+>/.exec(m[2]);
    if (value) out[unesc(m[1])] = unesc(value[1]);
  }
  return out;
}

/** The package with these custom properties (added to, or replacing, those of the same name). */
export async function withCustomProperties(bytes: Uint8Array, props: Record<string, string>): Promise<Uint8Array> {
  if (!Object.keys(props).length) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const all = { ...(await propertiesIn(zip)), ...props };
  const body = Object.entries(all)
    .map(([name, value], i) => `<property fmtid="${FMTID}" pid="${i + 2}" name="${escapeXml(name)}"><vt:lpwstr>${escapeXml(value)}</vt:lpwstr></property>`)
    .join('');
  zip.file(
    PART,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${body}</Properties>`,
  );
  const types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
  if (!types.includes(`PartName="/${PART}"`))
    zip.file('[Content_Types].xml', types.replace('</Types>', `<Override PartName="/${PART}" ContentType="${TYPE}"/></Types>`));
  const rels = (await zip.file('_rels/.rels')?.async('string')) ?? '';
  if (!rels.includes(`Target="${PART}"`)) {
    const ids = [...rels.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
    const id = `rId${Math.max(0, ...ids) + 1}`;
    zip.file('_rels/.rels', rels.replace('</Relationships>', `<Relationship Id="${id}" Type="${REL}" Target="${PART}"/></Relationships>`));
  }
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}
