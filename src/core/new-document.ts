import type { Document } from '../../schemas/document.js';
import type { SourceFile } from './source-file.js';

/** An empty document for a source file: the starting point of every pipeline run. */
export function newDocument(file: SourceFile): Document {
  return {
    id: file.sha256.slice(0, 16),
    source: { path: file.path, name: file.name, sha256: file.sha256, size: file.bytes.length },
    pages: [],
    raw: [],
    text: '',
    blocks: [],
    sections: [],
    metadata: {},
    facts: [],
    messages: [],
    status: 'ok',
  };
}
