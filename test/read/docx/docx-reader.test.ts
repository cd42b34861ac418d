import { existsSync, readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { DocumentFailure, SourceFile } from '../../../src/core/source-file.js';
import { readDocx } from '../../../src/read/docx/docx-reader.js';
import { encodeLegacy } from '../../../src/text/legacy-encoding.js';
import { needs } from '../../needs.js';

const CORPUS = '../shared/corpus';
const REAL = '../shared/corpus-real';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function load(path: string): SourceFile {
  return new SourceFile(path, readFileSync(path));
}

/** A minimal .docx built in memory: body XML, optional numbering and styles parts. */
async function buildDocx(body: string, parts: { numbering?: string; styles?: string } = {}): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" ` +
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ' +
      `xmlns:v="urn:schemas-microsoft-com:vml"><w:body>${body}</w:body></w:document>`,
  );
  if (parts.numbering) zip.file('word/numbering.xml', `<?xml version="1.0"?><w:numbering xmlns:w="${W}">${parts.numbering}</w:numbering>`);
  if (parts.styles) zip.file('word/styles.xml', `<?xml version="1.0"?><w:styles xmlns:w="${W}">${parts.styles}</w:styles>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

function para(text: string, pPr = '', rPr = ''): string {
  return `<w:p><w:pPr>${pPr}</w:pPr><w:r><w:rPr>${rPr}</w:rPr><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}
const num = (numId: number, ilvl: number) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
const lvl = (ilvl: number, fmt: string, text: string, extra = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;

async function read(bytes: Buffer, name = 'test.docx'): Promise<{ file: SourceFile; blocks: Awaited<ReturnType<typeof readDocx>>['raw'] }> {
  const file = new SourceFile(name, bytes);
  const result = await readDocx(file);
  return { file, blocks: result.raw };
}

describe('readDocx on the corpus', () => {
  test.each(['002', '003', '004'])('%s.autonum.docx gives the labels the typed %s.docx has in its text', async (id) => {
    const typed = (await readDocx(load(`${CORPUS}/${id}.docx`))).raw;
    const auto = (await readDocx(load(`${CORPUS}/${id}.autonum.docx`))).raw;
    expect(auto.length).toBe(typed.length);
    const labelled = auto.filter((b) => b.label);
    expect(labelled.length).toBeGreaterThan(15);
    const shown = auto.map((b) => (b.label ? `${b.label} ${b.text}` : b.text));
    expect(shown).toEqual(typed.map((b) => b.text));
    // the label is not in the text itself
    for (const b of labelled) expect(b.text.startsWith(b.label ?? '')).toBe(false);
  });

  test('003.autonum.docx keeps the typed label đ) and numbers headings I., 1., a) and the task list', async () => {
    const raw = (await readDocx(load(`${CORPUS}/003.autonum.docx`))).raw;
    const d = raw.find((b) => b.text.startsWith('đ) '));
    expect(d?.label).toBeUndefined();
    expect(d?.style).toBe('Heading5');
    const labels = raw.filter((b) => b.label).map((b) => b.label);
    expect(labels.slice(0, 4)).toEqual(['I.', '1.', '2.', 'a)']);
    expect(labels).toContain('II.');
    expect(labels.filter((l) => l === '9.')).toHaveLength(1);
  });

  test('003.tcvn3.docx decodes to the same paragraphs as 003.docx', async () => {
    const unicode = (await readDocx(load(`${CORPUS}/003.docx`))).raw.map((b) => b.text);
    const file = load(`${CORPUS}/003.tcvn3.docx`);
    const legacy = (await readDocx(file)).raw.map((b) => b.text);
    expect(legacy).toHaveLength(unicode.length);
    legacy.forEach((text, i) => expect(text).toBe(unicode[i]));
    expect(file.messages.map((m) => m.rule)).toEqual(['read:legacy-encoding']);
  });

  test('the typed 003.docx keeps the header table, bold headings and no legacy messages', async () => {
    const file = load(`${CORPUS}/003.docx`);
    const raw = (await readDocx(file)).raw;
    expect(raw[0]).toMatchObject({ text: 'UBND TỈNH NINH THUẬN', unit: 'paragraph', page: 1, table: { table: 1, row: 1, cell: 1 } });
    const heading = raw.find((b) => b.text.startsWith('I. '));
    expect(heading?.bold).toBe(true);
    expect(raw.find((b) => b.text === 'BÁO CÁO')?.align).toBe('center');
    expect(file.messages).toEqual([]);
  });

  const dongthap = `${REAL}/dongthap_THPTCaoLanh2_58-KH_sinh-hoat-Lich-su_2026.docx`;
  (existsSync(dongthap) ? test : test.skip)(
    `a real file with drawing anchors yields only w:t text and two pages${existsSync(dongthap) ? '' : ` ${needs(dongthap)}`}`,
    async () => {
      const result = await readDocx(load(dongthap));
      const texts = result.raw.map((b) => b.text);
      expect(texts.some((t) => /\d{6,}/.test(t.replace(/\s/g, '')) && !/[a-zà-ỹ]/i.test(t))).toBe(false);
      expect(texts).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(texts.some((t) => t.startsWith('III. '))).toBe(true);
      expect(result.pages).toHaveLength(2);
      expect(result.raw.find((b) => b.text.startsWith('III. '))?.page).toBe(2);
    },
  );
});

describe('readDocx numbering built in memory', () => {
  const outline =
    `<w:abstractNum w:abstractNumId="0">${lvl(0, 'upperRoman', '%1.')}${lvl(1, 'decimal', '%2.')}` +
    `${lvl(2, 'decimal', '%2.%3.')}${lvl(3, 'lowerLetter', '%4)')}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="1">${lvl(0, 'bullet', '\uF0B7')}${lvl(1, 'bullet', '+')}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="2">${lvl(0, 'decimal', 'Điều %1.')}</w:abstractNum>` +
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>' +
    '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>' +
    '<w:num w:numId="4"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>';

  test('levels render as Word shows them, deeper levels restart, bullets become - and +', async () => {
    const body = [
      para('Một', num(1, 0)),
      para('Hai', num(1, 1)),
      para('Ba', num(1, 2)),
      para('Bốn', num(1, 2)),
      para('Năm', num(1, 3)),
      para('Sáu', num(1, 3)),
      para('Bảy', num(1, 1)),
      para('Tám', num(1, 2)),
      para('Chín', num(1, 0)),
      para('Mười', num(1, 1)),
      para('chấm', num(2, 0)),
      para('cộng', num(2, 1)),
      para('không số', num(0, 0)),
    ].join('');
    const { blocks } = await read(await buildDocx(body, { numbering: outline }));
    expect(blocks.map((b) => b.label ?? '')).toEqual(['I.', '1.', '1.1.', '1.2.', 'a)', 'b)', '2.', '2.1.', 'II.', '1.', '-', '+', '']);
  });

  test('two instances of one list continue each other unless one restarts with startOverride', async () => {
    const body = [para('a', num(3, 0)), para('b', num(3, 0)), para('c', num(4, 0)), para('d', num(4, 0)), para('e', num(3, 0))].join('');
    const { blocks } = await read(await buildDocx(body, { numbering: outline }));
    expect(blocks.map((b) => b.label)).toEqual(['Điều 1.', 'Điều 2.', 'Điều 5.', 'Điều 6.', 'Điều 7.']);
  });

  test('numbering linked through the paragraph style applies, and a paragraph can switch it off', async () => {
    const styles =
      `<w:style w:type="paragraph" w:styleId="Normal" w:default="1"><w:name w:val="Normal"/></w:style>` +
      `<w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Normal"/><w:pPr>${num(1, 0)}</w:pPr><w:rPr><w:b/></w:rPr></w:style>` +
      `<w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr><w:jc w:val="center"/></w:pPr></w:style>`;
    const body = [
      para('Chương', '<w:pStyle w:val="Heading1"/>'),
      para('Mục', '<w:pStyle w:val="Heading2"/>'),
      para('Không', '<w:pStyle w:val="Heading2"/><w:numPr><w:numId w:val="0"/></w:numPr>'),
      para('Mục hai', '<w:pStyle w:val="Heading2"/>'),
    ].join('');
    const { blocks } = await read(await buildDocx(body, { numbering: outline, styles }));
    expect(blocks.map((b) => [b.label, b.style, b.bold, b.align])).toEqual([
      ['I.', 'Heading1', true, undefined],
      ['1.', 'Heading2', true, 'center'],
      [undefined, 'Heading2', true, 'center'],
      ['2.', 'Heading2', true, 'center'],
    ]);
  });

  test('an undefined list is reported once and gives no label', async () => {
    const { file, blocks } = await read(await buildDocx(para('x', num(9, 0)) + para('y', num(9, 0)), { numbering: outline }));
    expect(blocks.map((b) => b.label)).toEqual([undefined, undefined]);
    expect(file.messages.map((m) => m.rule)).toEqual(['read:docx-numbering']);
  });
});

describe('readDocx runs, text boxes and pages', () => {
  test('a VNI-Times run is decoded, a .VnTime run holding Unicode is kept', async () => {
    const vni = encodeLegacy('Độc lập - Tự do - Hạnh phúc', 'vni');
    const body =
      para(vni, '', '<w:rFonts w:ascii="VNI-Times" w:hAnsi="VNI-Times"/>') + para('Người dân', '', '<w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/>');
    const { file, blocks } = await read(await buildDocx(body));
    expect(blocks.map((b) => b.text)).toEqual(['Độc lập - Tự do - Hạnh phúc', 'Người dân']);
    expect(file.messages.map((m) => m.rule)).toEqual(['read:legacy-encoding', 'read:legacy-font-unicode']);
  });

  test('a .VnTimeH run reads as capitals and runs inherit the legacy font from the style', async () => {
    const styles = '<w:style w:type="paragraph" w:styleId="Title"><w:rPr><w:rFonts w:ascii=".VnTimeH" w:hAnsi=".VnTimeH"/></w:rPr></w:style>';
    const { blocks } = await read(await buildDocx(para('b¸o c¸o', '<w:pStyle w:val="Title"/>'), { styles }));
    expect(blocks[0].text).toBe('BÁO CÁO');
  });

  test('a text box is read once (not its VML fallback) and drawing offsets are never text', async () => {
    const box =
      '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:positionH><wp:posOffset>765810</wp:posOffset></wp:positionH>' +
      `<wps:txbx><w:txbxContent>${para('SỞ THÔNG TIN')}</w:txbxContent></wps:txbx></wp:anchor></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:textbox><w:txbxContent>${para('SỞ THÔNG TIN')}</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    const body = `<w:p>${box}<w:r><w:t>Thân</w:t></w:r></w:p>`;
    const { blocks } = await read(await buildDocx(body));
    expect(blocks.map((b) => b.text)).toEqual(['Thân', 'SỞ THÔNG TIN']);
  });

  test('page breaks and rendered page marks count pages without double counting', async () => {
    const body =
      para('một') +
      '<w:p><w:r><w:br w:type="page"/></w:r></w:p>' +
      '<w:p><w:r><w:lastRenderedPageBreak/><w:t>hai</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>vẫn hai</w:t></w:r><w:r><w:lastRenderedPageBreak/><w:t>ba</w:t></w:r></w:p>' +
      para('ba tiếp');
    const file = new SourceFile('p.docx', await buildDocx(body));
    const result = await readDocx(file);
    expect(result.raw.map((b) => [b.text, b.page])).toEqual([
      ['một', 1],
      ['hai', 2],
      ['vẫn haiba', 2],
      ['ba tiếp', 3],
    ]);
    expect(result.pages.map((p) => p.page)).toEqual([1, 2, 3]);
  });

  test('tables give table, row, cell and grid column positions', async () => {
    const cell = (t: string) => `<w:tc>${para(t)}</w:tc>`;
    const body = `<w:tbl><w:tr>${cell('a')}${cell('b')}</w:tr><w:tr>${cell('c')}</w:tr></w:tbl>${para('sau')}`;
    const { blocks } = await read(await buildDocx(body));
    expect(blocks.map((b) => b.table)).toEqual([
      { table: 1, row: 1, cell: 1, col: 0 },
      { table: 1, row: 1, cell: 2, col: 1 },
      { table: 1, row: 2, cell: 1, col: 0 },
      undefined,
    ]);
  });
});

describe('readDocx on bad input', () => {
  async function failure(bytes: Buffer): Promise<{ rule: string; reason: string; messages: SourceFile['messages'] }> {
    const file = new SourceFile('bad.docx', bytes);
    try {
      await readDocx(file);
    } catch (err) {
      if (err instanceof DocumentFailure) return { rule: err.rule, reason: err.reason, messages: file.messages };
      throw err;
    }
    throw new Error('readDocx did not fail');
  }

  test('a file that is not a zip fails as corrupt', async () => {
    const f = await failure(Buffer.from('this is plain text, not a docx'));
    expect(f.rule).toBe('read:corrupt');
    expect(f.reason).toMatch(/^not a valid \.docx \(not a zip archive/);
    expect(f.messages).toHaveLength(1);
  });

  test('a zip without word/document.xml fails as corrupt', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'xin chào');
    const f = await failure(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(f).toMatchObject({ rule: 'read:corrupt', reason: 'not a valid .docx (no word/document.xml in the archive)' });
  });

  test('an empty file fails as empty', async () => {
    expect(await failure(Buffer.alloc(0))).toMatchObject({ rule: 'read:empty', reason: 'file is empty' });
  });

  test('malformed document XML fails as corrupt', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document xmlns:w="x"><w:body><w:p>');
    const f = await failure(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(f.rule).toBe('read:corrupt');
    expect(f.reason).toMatch(/malformed XML/);
  });
});
