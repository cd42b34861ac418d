import { readFileSync } from 'node:fs';
import { DocumentFailure, SourceFile } from '../../src/core/source-file.js';
import { readText } from '../../src/read/text-reader.js';

const file = (name: string, content: string | Buffer): SourceFile => new SourceFile(name, Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'));

describe('readText', () => {
  it('emits one line block per non-blank physical line, with breakBefore after a blank line', async () => {
    const f = file('a.txt', 'Dòng một\nDòng hai\n\nĐoạn mới\r\n  thụt lề\n');
    const r = await readText(f);
    expect(r.format).toBe('text');
    expect(r.raw.map((b) => [b.text, b.breakBefore ?? false, b.unit, b.page])).toEqual([
      ['Dòng một', false, 'line', 1],
      ['Dòng hai', false, 'line', 1],
      ['Đoạn mới', true, 'line', 1],
      ['thụt lề', false, 'line', 1],
    ]);
    expect(r.raw[3].indent).toBe(2);
    expect(r.pages).toEqual([{ page: 1, origin: 'text', chars: 31 }]);
    expect(f.messages).toEqual([]);
  });

  it('splits pages at form feeds, and a line after a page break starts a paragraph', async () => {
    const r = await readText(file('p.txt', 'trang một\n\fTrang hai\ncòn nữa\n\f'));
    expect(r.raw.map((b) => [b.text, b.page, b.breakBefore ?? false])).toEqual([
      ['trang một', 1, false],
      ['Trang hai', 2, true],
      ['còn nữa', 2, false],
    ]);
    expect(r.pages.map((p) => p.page)).toEqual([1, 2]);
  });

  it('strips markdown heading marks and emphasis, and marks wholly bold or italic lines', async () => {
    const md = '## **BÁO CÁO**\n\n#### I. KẾT QUẢ\n\n**Về hạ tầng:** Toàn tỉnh có **1.960** dịch vụ\n\n### ***Nơi nhận:***\n\n**KT. GIÁM ĐỐC  \nPHÓ GIÁM ĐỐC**\n';
    const f = file('r.md', md);
    const r = await readText(f);
    expect(r.raw.map((b) => b.text)).toEqual(['BÁO CÁO', 'I. KẾT QUẢ', 'Về hạ tầng: Toàn tỉnh có 1.960 dịch vụ', 'Nơi nhận:', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']);
    expect(r.raw.map((b) => [b.bold ?? false, b.italic ?? false])).toEqual([
      [true, false],
      [false, false],
      [false, false],
      [true, true],
      [true, false],
      [true, false],
    ]);
    expect(f.messages.map((m) => m.rule)).toEqual(['read:markdown']);
  });

  it('keeps asterisks and hashes in a plain text file that does not look like markdown', async () => {
    const r = await readText(file('plain.txt', 'Ghi chú * quan trọng\n# 3 là số thứ tự\n'));
    expect(r.raw.map((b) => b.text)).toEqual(['Ghi chú * quan trọng', '# 3 là số thứ tự']);
  });

  it('decodes UTF-8 with a BOM, and UTF-16 LE and BE with their BOMs', async () => {
    const text = 'Ninh Thuận\nđạt 8,3%';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le.subarray(2));
    be.swap16();
    const inputs = [
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
      le,
      Buffer.concat([Buffer.from([0xfe, 0xff]), be]),
    ];
    for (const bytes of inputs) {
      const r = await readText(file('u.txt', bytes));
      expect(r.raw.map((b) => b.text)).toEqual(['Ninh Thuận', 'đạt 8,3%']);
    }
  });

  it('recognises UTF-16 LE without a BOM from its zero bytes and says so', async () => {
    const f = file('nobom.txt', Buffer.from('Báo cáo tháng 8 năm 2021\n', 'utf16le'));
    const r = await readText(f);
    expect(r.raw[0].text).toBe('Báo cáo tháng 8 năm 2021');
    expect(f.messages.map((m) => [m.severity, m.rule])).toEqual([['info', 'read:utf16-no-bom']]);
  });

  it('warns about invalid UTF-8 and keeps the readable text', async () => {
    const f = file('latin1.txt', Buffer.concat([Buffer.from('Doanh thu '), Buffer.from([0xe9, 0xff]), Buffer.from(' 10 tỷ đồng')]));
    const r = await readText(f);
    expect(r.raw[0].text).toBe('Doanh thu \uFFFD\uFFFD 10 tỷ đồng');
    expect(f.messages.map((m) => [m.severity, m.rule])).toEqual([['warn', 'read:invalid-utf8']]);
    expect(f.messages[0].reason).toMatch(/2 invalid byte sequence/);
  });

  it('fails an empty or whitespace-only file with a clear reason', async () => {
    await expect(readText(file('empty.txt', ''))).rejects.toThrow(DocumentFailure);
    const blank = file('blank.txt', ' \n\n\t\n');
    await expect(readText(blank)).rejects.toThrow('the file has no text (only whitespace)');
    expect(blank.messages[0]).toMatchObject({ severity: 'fail', rule: 'read:empty' });
  });

  it('reads a corpus source text with no markdown marks left', async () => {
    const f = new SourceFile('../shared/corpus/004.source.txt', readFileSync('../shared/corpus/004.source.txt'));
    const r = await readText(f);
    expect(r.raw[0]).toMatchObject({ text: 'BÁO CÁO', bold: true });
    expect(r.raw.filter((b) => /\*\*|^#/.test(b.text))).toEqual([]);
    expect(r.raw.some((b) => b.text.startsWith('III. PHƯƠNG HƯỚNG'))).toBe(true);
  });
});
