import type { Document } from '../../schemas/document.js';
import { DocumentFailure, SourceFile } from './source-file.js';
import { newDocument } from './new-document.js';
import type { NamedStage } from './stage.js';

/**
 * Run a document through the stages. Bad input never escapes: a `DocumentFailure` (or any
 * error a stage throws on this file) ends the document as `failed` with the reason as a
 * message; the caller's batch goes on.
 */
export async function runPipeline(stages: NamedStage[], file: SourceFile): Promise<Document> {
  let doc = newDocument(file);
  for (const stage of stages) {
    try {
      doc = await stage.run(doc, file);
    } catch (err) {
      if (!(err instanceof DocumentFailure)) {
        const reason = err instanceof Error ? err.message : String(err);
        file.messages.push({ severity: 'fail', reason: `${stage.name} failed: ${firstLine(reason)}`, rule: `${stage.name}:error` });
      }
      return { ...doc, messages: [...file.messages], status: 'failed' };
    }
  }
  return { ...doc, messages: [...file.messages], status: finalStatus(doc, file) };
}

/** ok, or partial when part of the document could not be read (pages lost, OCR off). */
function finalStatus(doc: Document, file: SourceFile): Document['status'] {
  const lostPage = doc.pages.some((p) => p.chars === 0);
  const degraded = file.messages.some((m) => m.severity === 'warn' && /^read:(needs-ocr|no-text-layer|partial)/.test(m.rule));
  return lostPage || degraded ? 'partial' : 'ok';
}

function firstLine(s: string): string {
  return s.split('\n')[0].slice(0, 300);
}

/** Convenience for tests and scripts: read a path's bytes into a SourceFile. */
export { SourceFile };
