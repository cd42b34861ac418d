import { readFileSync } from 'node:fs';
import { DocumentFailure, SourceFile } from '../../src/core/source-file.js';
import { readText, tabTableRows } from '../../src/read/text-reader.js';
import { sniffFormat } from '../../src/read/format-sniffer.js';

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
    const md =
      '## **BÁO CÁO**\n\n#### I. KẾT QUẢ\n\n**Về hạ tầng:** Toàn tỉnh có **1.960** dịch vụ\n\n### ***Nơi nhận:***\n\n**KT. GIÁM ĐỐC  \nPHÓ GIÁM ĐỐC**\n';
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
    const inputs = [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), le, Buffer.concat([Buffer.from([0xfe, 0xff]), be])];
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

  it('fails a file of mixed or unknown 8-bit encoding with the reason, never keeping U+FFFD', async () => {
    const mixed = file('mixed.txt', Buffer.concat([Buffer.from('Doanh thu '), Buffer.from([0xe9, 0xff]), Buffer.from(' 10 tỷ đồng')]));
    await expect(readText(mixed)).rejects.toThrow(DocumentFailure);
    expect(mixed.messages).toEqual([
      {
        severity: 'fail',
        rule: 'read:encoding',
        reason:
          'not valid UTF-8 (2 invalid byte sequence(s)) and not Windows-1258 Vietnamese: a legacy 8-bit encoding (TCVN3, VNI) or mixed encodings; save the file as UTF-8',
        place: undefined,
      },
    ]);
    // `Báo cáo đạt` in the TCVN3 (.VnTime) code: á = 0xB8, đ = 0xAE, ạ = 0xB9.
    const tcvn3 = file('tcvn3.txt', Buffer.from([0x42, 0xb8, 0x6f, 0x20, 0x63, 0xb8, 0x6f, 0x20, 0xae, 0xb9, 0x74, 0x0a]));
    await expect(readText(tcvn3)).rejects.toThrow(/not Windows-1258 Vietnamese/);
  });

  it('reads Windows-1258 text (tone marks as combining characters) as Vietnamese in NFC, and says so', async () => {
    const text = 'BÁO CÁO\nDoanh thu dịch vụ viễn thông ước đạt 1.150,5 tỷ đồng, tăng 8,3% so với cùng kỳ; Thừa Thiên Huế có 1.904 trạm BTS.\n';
    const f = file('cp1258.txt', encodeWindows1258(text));
    const r = await readText(f);
    expect(r.raw.map((b) => b.text).join('\n')).toBe(text.trim());
    expect(r.raw.some((b) => b.text.includes('\uFFFD'))).toBe(false);
    expect(f.messages.map((m) => [m.severity, m.rule])).toEqual([['info', 'read:windows-1258']]);
  });

  it('lets UTF-16 without a BOM through the format check (it was refused as binary)', () => {
    expect(sniffFormat('nobom.txt', Buffer.from('Báo cáo tháng 8 năm 2021\n', 'utf16le'))).toEqual({ format: 'text' });
    const be = Buffer.from('Báo cáo tháng 8 năm 2021\n', 'utf16le').swap16();
    expect(sniffFormat('nobom-be.txt', be)).toEqual({ format: 'text' });
    expect(sniffFormat('data.txt', Buffer.from([0x00, 0x01, 0x02, 0x03, 0x00, 0x00, 0x7f, 0x10, 0x00]))).toEqual({
      error: 'binary data in a text file',
      rule: 'read:corrupt',
    });
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

/**
 * Encode text as Windows-1258, in memory: the code page's table read back from TextDecoder;
 * letters it has precomposed (â ê ô ơ ư ă đ) as one byte, tone marks as combining bytes after them.
 */
function encodeWindows1258(text: string): Buffer {
  const table = new Map<string, number>();
  const decoded = new TextDecoder('windows-1258').decode(Buffer.from(Array.from({ length: 256 }, (_, i) => i)));
  [...decoded].forEach((c, i) => table.set(c, i));
  const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
  const out: number[] = [];
  for (const c of text.normalize('NFC')) {
    const parts = [...c.normalize('NFD')];
    const tone = parts.find((p) => TONES.has(p));
    const base = parts
      .filter((p) => !TONES.has(p))
      .join('')
      .normalize('NFC');
    for (const piece of tone ? [base, tone] : [base]) {
      const byte = table.get(piece);
      if (byte === undefined) throw new Error(`not in Windows-1258: ${JSON.stringify(piece)}`);
      out.push(byte);
    }
  }
  return Buffer.from(out);
}

describe('tabTableRows', () => {
  it('takes runs of lines with the same number of tab-separated cells (three or more) as table rows', () => {
    const lines = ['Trước bảng', 'A\tB\tC', '1\t2\t3', '4\t5\t6', 'Số: 12/BC\tHà Nội, ngày 1/1/2025', 'x\ty\tz'];
    expect([...tabTableRows(lines).entries()].map(([i, r]) => [i, r.row, r.cells.length])).toEqual([
      [1, 1, 3],
      [2, 2, 3],
      [3, 3, 3],
    ]);
  });
});
