import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createReportPipeline } from '../../pipelines/report-pipeline.js';
import { runPipeline, SourceFile } from '../../src/core/run-pipeline.js';
import type { Document } from '../../schemas/document.js';

/**
 * Every real document in ../shared/corpus-real (written by others: signed PDFs, re-typeset PDFs,
 * scans, .docx, legacy .doc) goes through the report pipeline without a crash and ends ok,
 * partial or failed with a stated reason. OCR is off here (the OCR tests cover scans), so the
 * scans must end saying they need OCR, never silently empty.
 */

const DIR = '../shared/corpus-real';
const files = readdirSync(DIR)
  .filter((f) => /\.(pdf|docx?|DOC)$/u.test(f))
  .sort();
const docs = new Map<string, Document>();

beforeAll(async () => {
  const stages = createReportPipeline({ read: { ocr: 'never' } });
  for (const name of files) {
    const path = join(DIR, name);
    docs.set(name, await runPipeline(stages, new SourceFile(path, readFileSync(path))));
  }
}, 300_000);

describe('the real documents of ../shared/corpus-real', () => {
  it('are all there (18 documents)', () => {
    expect(files.length).toBe(18);
  });

  it.each(files)('%s ends with a status and, unless ok, a stated reason', (name) => {
    const doc = docs.get(name) as Document;
    expect(['ok', 'partial', 'failed']).toContain(doc.status);
    if (doc.status !== 'ok') expect(doc.messages.some((m) => m.severity !== 'info' && m.reason.length > 10)).toBe(true);
    for (const m of doc.messages) expect(m.reason).not.toMatch(/TypeError|undefined is not|Cannot read prop/);
  });

  it('scans say they need OCR; text documents are ok, or lose only an image page', () => {
    for (const [name, doc] of docs) {
      if (/_scan\.pdf$/u.test(name)) {
        expect(doc.status).not.toBe('ok');
        expect(doc.messages.map((m) => m.reason).join(' ')).toMatch(/OCR/);
      } else {
        // a text document is ok, or partial only for a few pages without a text layer (an image page)
        const needsOcr = doc.messages.filter((m) => /^read:(no-text-layer|needs-ocr)$/u.test(m.rule));
        expect([name, doc.status === 'ok' || (needsOcr.length > 0 && needsOcr.length * 10 <= doc.pages.length)]).toEqual([name, true]);
        const warnings = doc.messages.filter((m) => m.severity === 'warn').map((m) => m.rule);
        // a heading tree to check (segment:doubtful-tree) is a finding about the document, not a reading fault
        expect(warnings.filter((r) => r !== 'read:no-text-layer' && r !== 'read:needs-ocr' && r !== 'segment:doubtful-tree')).toEqual([]);
        expect(doc.text.length).toBeGreaterThan(500);
      }
    }
  });

  it('keeps the running header of the re-typeset VIETTEL AI RACE pages out of the body', () => {
    const race = [...docs].filter(([name]) => name.startsWith('viettelrace_'));
    expect(race.length).toBe(6);
    for (const [, doc] of race) {
      const inBody = doc.blocks.filter((b) => b.role !== 'furniture' && /VIETTEL AI RACE|Lần ban hành/u.test(b.text));
      expect(inBody.map((b) => b.text)).toEqual([]);
      expect(doc.blocks.some((b) => b.role === 'furniture')).toBe(true);
    }
  });

  it('reads the heading trees a person reads in the Word files and the .doc drafts', () => {
    const paths = (name: string) => docs.get(name)?.sections.map((s) => s.path) ?? [];
    // KH tiếp đoàn STEM (.doc draft): I. MỤC ĐÍCH, YÊU CẦU / 1. Mục đích / 2. Yêu cầu / II. … / VI.
    expect(paths('dongthap_SGDDT_KH-tiep-doan-STEM_2026_draft.doc').slice(0, 4)).toEqual(['I', 'I/1', 'I/2', 'II']);
    expect(docs.get('dongthap_SGDDT_KH-tiep-doan-STEM_2026_draft.doc')?.sections[0].title).toBe('MỤC ĐÍCH, YÊU CẦU');
    // KH triển khai phần mềm QLVB (.doc, .VnTime in its font table but Unicode text): I., II. with 2. (its 1. is not in the
    // text) holding a)…đ), III. with 1.–5. (issue 17; the whole tree is in fixtures/golden/real/)
    expect(paths('phutho_STTTT_KH-trien-khai-phan-mem-QLVB_2011.doc')).toEqual([
      'I',
      'II',
      'II/2',
      'II/2/a',
      'II/2/b',
      'II/2/c',
      'II/2/d',
      'II/2/đ',
      'III',
      'III/1',
      'III/2',
      'III/3',
      'III/4',
      'III/5',
    ]);
    // Chỉ thị 09/2009 (.DOC): directives 1.–6. with lettered points
    expect(paths('binhduong_UBND_09-2009-CT-UBND.doc').filter((p) => !p.includes('/'))).toEqual(['1', '2', '3', '4', '5', '6']);
    // the signed PDF and the .docx of KH 58 give the same top of the tree
    const top = (name: string) => (docs.get(name)?.sections ?? []).filter((s) => s.level === 0).map((s) => `${s.path} ${s.title}`);
    expect(top('dongthap_THPTCaoLanh2_58-KH_sinh-hoat-Lich-su_2026_signed.pdf')).toEqual(top('dongthap_THPTCaoLanh2_58-KH_sinh-hoat-Lich-su_2026.docx'));
    expect(top('dongthap_THPTCaoLanh2_58-KH_sinh-hoat-Lich-su_2026.docx').length).toBeGreaterThanOrEqual(3);
  });

  it('reads the metadata of the real headers (province, type, number)', () => {
    const meta = (name: string) => docs.get(name)?.metadata;
    expect(meta('binhduong_UBND_09-2009-CT-UBND.doc')).toMatchObject({
      province: 'Bình Dương',
      reportType: 'chỉ thị',
      docNumber: '09/2009/CT-UBND',
      issueDate: '2009-04-15',
    });
    expect(meta('dongthap_SGDDT_355-BC-HDXTH_2026_signed.pdf')).toMatchObject({ province: 'Đồng Tháp', reportType: 'báo cáo' });
    expect(meta('phutho_STTTT_KH-trien-khai-phan-mem-QLVB_2011.doc')).toMatchObject({ province: 'Phú Thọ', reportType: 'kế hoạch' });
  });

  it('decodes no Unicode text as a legacy encoding (Aspose subset fonts, .VnTime font tables)', () => {
    for (const [, doc] of docs) {
      expect(doc.text).not.toMatch(/Cộng Hịa|cơng|thơng|Hịa/u);
    }
    expect(docs.get('dongthap_SGDDT_355-BC-HDXTH_2026_signed.pdf')?.text).toContain('trung học phổ thông công lập');
  });
});
