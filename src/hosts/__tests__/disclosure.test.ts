import { readDisclosureBytes } from '../disclosure';

/** A file that is not a disclosure gets its own message, saying what to do instead. */

const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]);

test.each([
  ['公开.docx', zip, /Word 文档已损坏或不是有效的 \.docx 文件/],
  ['公开.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), /请在 Word 或 WPS 中另存为 \.docx/],
  ['公开.wps', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), /请在 Word 或 WPS 中另存为 \.docx/],
  ['公开.pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]), /暂不能直接读取 PDF/],
  ['没有扩展名', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]), /PDF/],
  ['全部单位.zip', zip, /压缩包/],
  ['扫描件.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), /图片（扫描件）/],
  ['扫描件', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), /图片/],
])('%s', async (name, bytes, message) => {
  await expect(readDisclosureBytes(name, bytes)).rejects.toThrow(message);
});

test('a text document and an empty file are still told as before', async () => {
  await expect(readDisclosureBytes('空.txt', new Uint8Array())).rejects.toThrow('文件为空');
  const r = await readDisclosureBytes('公开.txt', new TextEncoder().encode('收入支出决算总表\n'));
  expect(r.kind).toBe('text');
});
