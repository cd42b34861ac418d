import { readFile } from 'node:fs/promises';
import { createReportPipeline } from '../../../pipelines/report-pipeline.js';
import { runPipeline, SourceFile } from '../../../src/core/run-pipeline.js';
import { alignToLines } from '../../../src/read/pdf/pdf-annotation-text.js';
import type { TextRun } from '../../../src/read/pdf/pdf-lines.js';
import { readPdf } from '../../../src/read/pdf/pdf-reader.js';

const SIGNED = '../shared/corpus-real/dongthap_SGDDT_355-BC-HDXTH_2026_signed.pdf';

describe('text drawn in signature widgets', () => {
  it('reads the number and the day a signing tool drew in the widgets of 355-BC-HDXTH into their lines', async () => {
    const file = new SourceFile(SIGNED, await readFile(SIGNED));
    const result = await readPdf(file);
    const lines = result.raw.filter((b) => b.page === 1).map((b) => b.text);
    expect(lines).toContain('Số: 355 /BC-HĐXTH');
    expect(lines).toContain('Đồng Tháp, ngày 13 tháng 4 năm 2026');
    expect(file.messages.filter((m) => m.rule === 'read:widget-text')).toEqual([
      { severity: 'info', rule: 'read:widget-text', reason: 'page 1: text drawn in signature or form widgets read (355, 13)', place: { page: 1 } },
    ]);
  });

  it('gives the signed report its number, its full issue date and an agency without the code', async () => {
    const doc = await runPipeline(createReportPipeline({ read: { ocr: 'never' } }), new SourceFile(SIGNED, await readFile(SIGNED)));
    expect(doc.metadata).toMatchObject({ docNumber: '355/BC-HĐXTH', issueDate: '2026-04-13', agency: 'SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH ĐỒNG THÁP' });
  });

  it('puts a widget run on the baseline of the line it is written into, and leaves one far from any line alone', () => {
    const line: TextRun[] = [
      { text: 'Đồng Tháp, ngày', x0: 314, x1: 400, baseline: 98.7, size: 13 },
      { text: 'tháng 4 năm 2026', x0: 432, x1: 519, baseline: 98.7, size: 13 },
    ];
    const day: TextRun = { text: '13', x0: 407.5, x1: 419, baseline: 100.5, size: 11.48 };
    const far: TextRun = { text: '99', x0: 100, x1: 110, baseline: 400, size: 11.48 };
    expect(alignToLines([day, far], line)).toEqual([{ ...day, baseline: 98.7, size: 13 }, far]);
  });
});
