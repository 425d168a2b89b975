import { themePalette, themeColor, visibleColor } from '../themeColor';

/** Colours as Excel's palette names them (the Office theme), within one step per channel. */
const office = themePalette(undefined);
const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

test.each([
  ['蓝色，个性色 1，淡色 40%', 4, 0.3999755851924192, '#8EA9DB'],
  ['蓝色，个性色 1，深色 25%', 4, -0.249977111117893, '#2F5597'],
  ['绿色，个性色 6，淡色 80%', 9, 0.7999816888943144, '#E2EFDA'],
  ['黑色，文字 1，淡色 50%', 1, 0.499984740745262, '#7F7F7F'],
  ['白色，背景 1，深色 5%', 0, -0.0499893185216834, '#F2F2F2'],
  ['金色，个性色 4，淡色 80%', 7, 0.7999816888943144, '#FFF2CC'],
  ['橙色，个性色 2，深色 25%', 5, -0.249977111117893, '#C65911'],
  ['个性色 1 本色', 4, 0, '#4472C4'],
])('%s', (_, theme, tint, excel) => {
  const got = themeColor(office, theme, tint)!;
  channels(got).forEach((v, i) => expect(Math.abs(v - channels(excel)[i])).toBeLessThanOrEqual(1));
});

test('a workbook’s own theme is read; sysClr gives its last colour; an index the theme lacks is no colour', () => {
  const xml =
    '<a:theme><a:themeElements><a:clrScheme name="x"><a:dk1><a:sysClr val="windowText" lastClr="111111"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FEFEFE"/></a:lt1>' +
    '<a:dk2><a:srgbClr val="1F497D"/></a:dk2><a:lt2><a:srgbClr val="EEECE1"/></a:lt2><a:accent1><a:srgbClr val="C0504D"/></a:accent1></a:clrScheme></a:themeElements></a:theme>';
  const p = themePalette(xml);
  expect(themeColor(p, 1)).toBe('#111111');
  expect(themeColor(p, 0)).toBe('#FEFEFE');
  expect(themeColor(p, 4)).toBe('#C0504D');
  // A colour the theme does not give: the Office theme's.
  expect(themeColor(p, 5)).toBe('#ED7D31');
  expect(themeColor(p, 12)).toBeUndefined();
});

test.each([
  [{ argb: 'FF00B0F0' }, '#00B0F0'],
  [{ indexed: 13 }, '#FFFF00'],
  [{ indexed: 22 }, '#C0C0C0'],
  [{ indexed: 99 }, undefined],
  [{ theme: 4 }, '#4472C4'],
  [undefined, undefined],
])('the colour a reader sees of %j', (c, hex) => {
  expect(visibleColor(c, office)).toBe(hex);
});
