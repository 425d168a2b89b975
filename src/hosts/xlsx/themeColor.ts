/**
 * The colour a reader sees for a fill given by the workbook's theme (fgColor {theme, tint}), as
 * '#RRGGBB'. Excel's colour palette offers theme colours first, so most fills an accountant picks
 * are theme colours: a store that kept only the RGB ones would give them back as no fill in Excel.
 *
 * Theme indexes follow the file format's order as Excel applies it: 0 lt1, 1 dk1, 2 lt2, 3 dk2,
 * 4–9 accent1–6, 10 hlink, 11 folHlink. A tint lightens (> 0) or darkens (< 0) the colour's
 * luminance in HLS (ECMA-376 Part 1, 18.8.19 CT_Color tint).
 */

const ORDER = ['lt1', 'dk1', 'lt2', 'dk2', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6', 'hlink', 'folHlink'];

/** The default Office theme's colours, for a workbook without its own theme part. */
const OFFICE: Record<string, string> = {
  dk1: '000000',
  lt1: 'FFFFFF',
  dk2: '44546A',
  lt2: 'E7E6E6',
  accent1: '4472C4',
  accent2: 'ED7D31',
  accent3: 'A5A5A5',
  accent4: 'FFC000',
  accent5: '5B9BD5',
  accent6: '70AD47',
  hlink: '0563C1',
  folHlink: '954F72',
};

/** The theme's twelve colours (RRGGBB) from its XML; the Office theme's where one is missing. */
export function themePalette(themeXml: string | undefined): string[] {
  const scheme = themeXml?.match(/<a:clrScheme\b[\s\S]*?<\/a:clrScheme>/)?.[0] ?? '';
  return ORDER.map((name) => {
    const block = scheme.match(new RegExp(`<a:${name}>([\\s\\S]*?)</a:${name}>`))?.[1] ?? '';
    const rgb = block.match(/<a:srgbClr\s+val="([0-9A-Fa-f]{6})"/)?.[1] ?? block.match(/lastClr="([0-9A-Fa-f]{6})"/)?.[1];
    return (rgb ?? OFFICE[name]).toUpperCase();
  });
}

/** A theme colour with its tint, as '#RRGGBB'; undefined for an index the theme does not have. */
export function themeColor(palette: string[], theme: number, tint = 0): string | undefined {
  const base = palette[theme];
  if (!base) return undefined;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(base.slice(i, i + 2), 16) / 255);
  const [h, l, s] = toHls(r, g, b);
  const lum = tint < 0 ? l * (1 + tint) : tint > 0 ? l * (1 - tint) + tint : l;
  return (
    '#' +
    fromHls(h, Math.min(1, Math.max(0, lum)), s)
      .map((v) =>
        Math.round(v * 255)
          .toString(16)
          .padStart(2, '0')
          .toUpperCase(),
      )
      .join('')
  );
}

function toHls(r: number, g: number, b: number): [number, number, number] {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, l, 0];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return [h / 6, l, s];
}

function fromHls(h: number, l: number, s: number): [number, number, number] {
  if (s === 0) return [l, l, l];
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const hue = (t: number) => {
    const x = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    if (x < 1 / 6) return p + (q - p) * 6 * x;
    if (x < 1 / 2) return q;
    if (x < 2 / 3) return p + (q - p) * (2 / 3 - x) * 6;
    return p;
  };
  return [hue(h + 1 / 3), hue(h), hue(h - 1 / 3)];
}

/** The legacy indexed palette (fgColor {indexed}), as files from older programs still write it. */
const INDEXED =
  '000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF 00FFFF 000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF 00FFFF ' +
  '800000 008000 000080 808000 800080 008080 C0C0C0 808080 9999FF 993366 FFFFCC CCFFFF 660066 FF8080 0066CC CCCCFF ' +
  '000080 FF00FF FFFF00 00FFFF 800080 800000 008080 0000FF 00CCFF CCFFFF CCFFCC FFFF99 99CCFF FF99CC CC99FF FFCC99 ' +
  '3366FF 33CCCC 99CC00 FFCC00 FF9900 FF6600 666699 969696 003366 339966 003300 333300 993300 993366 333399 333333 ' +
  '000000 FFFFFF';

/** A colour as the file gives it (argb, theme with tint, or indexed), as '#RRGGBB' a reader sees. */
export function visibleColor(c: { argb?: string; theme?: number; tint?: number; indexed?: number } | undefined, palette: string[]): string | undefined {
  if (!c) return undefined;
  if (c.argb && /^[0-9A-F]{8}$/i.test(c.argb)) return '#' + c.argb.slice(2).toUpperCase();
  if (typeof c.theme === 'number') return themeColor(palette, c.theme, c.tint ?? 0);
  if (typeof c.indexed === 'number') {
    const rgb = INDEXED.split(' ')[c.indexed];
    return rgb ? '#' + rgb : undefined;
  }
  return undefined;
}
