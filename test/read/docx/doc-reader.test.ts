import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import type { Document } from '../../../schemas/document.js';
import { SourceFile } from '../../../src/core/source-file.js';
import { bodyPieces, readDoc } from '../../../src/read/docx/doc-reader.js';
import { needs } from '../../needs.js';
import { readToExtract } from '../../fixtures/read-to-extract.js';

const REAL = '../shared/corpus-real';
const ABBREVIATIONS = `${REAL}/phutho_TTCNTT-TayBac_nhiem-vu-khao-sat-QLVB_2012.doc`;
const ANNEX = `${REAL}/dongthap_SGDDT_KH-tiep-doan-STEM_2026_draft.doc`;

const run = (path: string): Promise<Document> => readToExtract(path, readFileSync(path));

/** A table's rows as `a|b|c`. */
function rows(doc: Document, id: number): string[] {
  const t = doc.tables?.find((x) => x.id === id);
  if (!t) return [];
  return Array.from({ length: t.rows }, (_, r) =>
    Array.from({ length: t.cols }, (_, c) => t.cells.find((x) => x.row === r && x.col === c)?.text ?? '').join('|'),
  );
}

describe('.doc body: paragraphs and table rows from word-extractor text', () => {
  it('reads a row as its cells, each ended by the cell mark written as a tab', () => {
    expect(bodyPieces('Bảng 1\nTT\tChỉ tiêu\tGiá trị\t\n1\tDân số\t25.430\t\nSau bảng')).toEqual([
      { kind: 'paragraph', text: 'Bảng 1' },
      { kind: 'row', cells: ['TT', 'Chỉ tiêu', 'Giá trị'] },
      { kind: 'row', cells: ['1', 'Dân số', '25.430'] },
      { kind: 'paragraph', text: 'Sau bảng' },
    ]);
  });

  it('keeps a paragraph break inside a cell in its cell, and empty cells in their place', () => {
    expect(bodyPieces('Stt\tĐơn vị\nthực hiện\tThời gian\t\n4\tSở A\t\tTháng\n/2012\t')).toEqual([
      { kind: 'row', cells: ['Stt', 'Đơn vị\nthực hiện', 'Thời gian'] },
      { kind: 'row', cells: ['4', 'Sở A', '', 'Tháng\n/2012'] },
    ]);
  });

  it('reads a line with tab stops that no row end follows as a row of its own, not the start of a long row', () => {
    const pieces = bodyPieces('ỦY BAN NHÂN DÂN\tCỘNG HÒA\nTỈNH A\tĐộc lập\n\t\t\nSố: 09/CT-UBND\tA, ngày 15 tháng 4 năm 2009\n\nCHỈ THỊ');
    expect(pieces.slice(0, 2)).toEqual([
      { kind: 'row', cells: ['ỦY BAN NHÂN DÂN', 'CỘNG HÒA'] },
      { kind: 'row', cells: ['TỈNH A', 'Độc lập'] },
    ]);
    expect(pieces).toContainEqual({ kind: 'row', cells: ['Số: 09/CT-UBND', 'A, ngày 15 tháng 4 năm 2009'] });
    expect(pieces[pieces.length - 1]).toEqual({ kind: 'paragraph', text: 'CHỈ THỊ' });
  });
});

describe('.doc tables of the real corpus', () => {
  const missing = [ABBREVIATIONS, ANNEX].filter((f) => !existsSync(f));
  const maybe = missing.length > 0 ? it.skip : it;
  const suffix = missing.length > 0 ? ` ${needs(missing.join(', '))}` : '';

  maybe(`gives each cell paragraph of the Phú Thọ plan its 1-based row and cell and its grid column${suffix}`, async () => {
    const file = new SourceFile(ABBREVIATIONS, readFileSync(ABBREVIATIONS));
    const raw = (await readDoc(file)).raw;
    const cnt = raw.find((b) => b.text === 'CSDL');
    expect(cnt?.table).toMatchObject({ row: 4, cell: 2, col: 1 });
    // `Đơn vị` and `thực hiện` are two paragraphs of one header cell
    expect(raw.filter((b) => b.table && (b.text === 'Đơn vị' || b.text === 'thực hiện')).map((b) => [b.table?.row, b.table?.col])).toContainEqual([1, 2]);
  });

  maybe(
    `reads the abbreviation and schedule tables of the Phú Thọ plan as grids, and makes no facts of their row numbers${suffix}`,
    async () => {
      const doc = await run(ABBREVIATIONS);
      const abbreviations = doc.tables?.find((t) => t.caption === 'BẢNG CÁC TỪ VIẾT TẮT');
      expect(abbreviations).toMatchObject({ origin: 'doc', rows: 9, cols: 3, headerRows: 1 });
      expect(rows(doc, abbreviations?.id ?? 0).slice(0, 3)).toEqual([
        'TT|Từ viết tắt|Diễn giải',
        '1|CNTT|Công nghệ thông tin',
        '2|CNTT-TT|Công nghệ thông tin và truyền thong',
      ]);
      const schedule = doc.tables?.find((t) => t.cells.some((c) => c.text === 'Hạng mục công việc'));
      expect(rows(doc, schedule?.id ?? 0)[0]).toBe('Stt|Hạng mục công việc|Đơn vị thực hiện|Đơn vị phối hợp|Thời gian thực hiện');
      expect(rows(doc, schedule?.id ?? 0)[4]).toBe('4|Thực hiện khảo sát|Trung tâm CNTT Tây Bắc||Tháng /2012');
      const inTables = doc.facts.filter((f) =>
        doc.tables?.some((t) => t.start !== undefined && t.end !== undefined && f.prov.start >= t.start && f.prov.start < t.end),
      );
      expect(inTables).toEqual([]);
    },
    30_000,
  );

  maybe(
    `reads the annex list of the STEM draft: its STT column is not facts, the note under it is${suffix}`,
    async () => {
      const doc = await run(ANNEX);
      const list = doc.tables?.find((t) => t.cells.some((c) => c.text === 'Tên đơn vị'));
      expect(list).toMatchObject({ origin: 'doc', cols: 3, headerRows: 1 });
      expect(rows(doc, list?.id ?? 0)[1]).toBe('1|Trường TH Nguyễn Thị Tốt, xã Vĩnh Hựu|Tiểu học');
      const quotes = doc.facts.map((f) => f.quote);
      for (const n of ['1', '2', '3', '4', '5', '6', '7', '8', '9']) expect(quotes).not.toContain(n);
      const note = doc.facts.find((f) => f.quote === '09 trường');
      expect(note).toMatchObject({ value: 9, unit: 'trường' });
      expect(note?.row).toBeUndefined();
    },
    30_000,
  );
});
