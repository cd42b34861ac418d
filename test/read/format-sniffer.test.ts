import { openSync, readdirSync, readSync, closeSync, existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import {
  DEFAULT_MAX_BYTES,
  isSupportedPath,
  SUPPORTED_EXTENSIONS,
  sizePastLimit,
  sizeRefusal,
  sniffFormat,
  supportedExtensionsText,
} from '../../src/read/format-sniffer.js';

const SHARED = join(process.cwd(), '..', 'shared');
const CORPORA = [join(SHARED, 'corpus'), join(SHARED, 'corpus-real')];

/** The first bytes of a file, as the read stage gives them to the sniffer. */
function head(path: string, n = 4096): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    return buf.subarray(0, readSync(fd, buf, 0, n, 0));
  } finally {
    closeSync(fd);
  }
}

const realFiles = CORPORA.filter(existsSync).flatMap((dir) => readdirSync(dir).map((name) => join(dir, name)));

describe('the one list of supported extensions', () => {
  it('names every supported extension in messages, in the list order, from the list itself', () => {
    expect(supportedExtensionsText()).toBe('.pdf, .docx, .doc, .txt or .md');
    expect(supportedExtensionsText('and')).toBe('.pdf, .docx, .doc, .txt and .md');
    for (const ext of Object.keys(SUPPORTED_EXTENSIONS)) expect(supportedExtensionsText()).toContain(ext);
  });

  it('tells supported paths by extension in any case, and nothing else', () => {
    expect(isSupportedPath('/a/bao-cao.PDF')).toBe(true);
    expect(isSupportedPath('ghi-chu.md')).toBe(true);
    expect(isSupportedPath('bang.xlsx')).toBe(false);
    expect(isSupportedPath('README')).toBe(false);
    expect(isSupportedPath('bao-cao.pdf.bak')).toBe(false);
  });

  it('refuses an unsupported file with the list in the message', () => {
    const r = sniffFormat('bang-tinh.xlsx', Buffer.from('PK\u0003\u0004'));
    expect(r).toEqual({ error: `unsupported file type ".xlsx" (solieu reads ${supportedExtensionsText()})`, rule: 'read:unsupported' });
    expect(sniffFormat('Makefile', Buffer.from('all:'))).toMatchObject({ error: expect.stringContaining('"(no extension)"'), rule: 'read:unsupported' });
  });
});

describe('sniffing the real corpora', () => {
  const readable = realFiles.filter(isSupportedPath);

  it('finds files of every supported format in ../shared', () => {
    const formats = new Set(readable.map((p) => SUPPORTED_EXTENSIONS[extname(p).toLowerCase()]));
    expect([...formats].sort()).toEqual(['doc', 'docx', 'pdf', 'text']);
  });

  it('reads every supported corpus file as the format its extension names', () => {
    for (const path of readable) {
      expect({ path, sniffed: sniffFormat(path, head(path)) }).toEqual({ path, sniffed: { format: SUPPORTED_EXTENSIONS[extname(path).toLowerCase()] } });
    }
  });

  it('reads a Word file by its bytes when its extension says the other Word format', () => {
    const docx = readable.find((p) => p.endsWith('.docx'));
    const doc = readable.find((p) => p.endsWith('.doc'));
    if (!docx || !doc) throw new Error('the corpora in ../shared have a .docx and a .doc');
    expect(sniffFormat('renamed.doc', head(docx))).toEqual({ format: 'docx' });
    expect(sniffFormat('renamed.docx', head(doc))).toEqual({ format: 'doc' });
  });

  it('refuses a real file under a name its bytes deny', () => {
    const docx = readable.find((p) => p.endsWith('.docx'));
    const pdf = readable.find((p) => p.endsWith('.pdf'));
    if (!docx || !pdf) throw new Error('the corpora in ../shared have a .docx and a .pdf');
    expect(sniffFormat('renamed.pdf', head(docx))).toEqual({ error: 'not a PDF (no %PDF- header)', rule: 'read:corrupt' });
    expect(sniffFormat('renamed.docx', head(pdf))).toEqual({ error: 'not a valid .docx (not a zip archive)', rule: 'read:corrupt' });
  });

  it('refuses empty files, binary text and RTF named .doc', () => {
    expect(sniffFormat('a.pdf', Buffer.alloc(0))).toEqual({ error: 'file is empty', rule: 'read:empty' });
    expect(sniffFormat('a.txt', Buffer.from([0x41, 0x00, 0x00, 0x00, 0x42, 0x43, 0x00, 0x00]))).toEqual({
      error: 'binary data in a text file',
      rule: 'read:corrupt',
    });
    expect(sniffFormat('a.doc', Buffer.from('{\\rtf1\\ansi'))).toMatchObject({ rule: 'read:unsupported', error: expect.stringContaining('RTF') });
  });
});

describe('the one size limit and check', () => {
  it('lets a file up to the limit through', () => {
    expect(sizeRefusal(0, DEFAULT_MAX_BYTES)).toBeUndefined();
    expect(sizeRefusal(DEFAULT_MAX_BYTES, DEFAULT_MAX_BYTES)).toBeUndefined();
    expect(DEFAULT_MAX_BYTES).toBe(200 * 1024 * 1024);
  });

  it('refuses a larger one, in megabytes, saying how to raise the limit', () => {
    expect(sizeRefusal(3 * 1024 * 1024, 2 * 1024 * 1024)).toEqual({
      error: 'file is too large (3.0 MB > 2.0 MB limit; raise --max-size)',
      rule: 'read:too-large',
    });
    expect(sizeRefusal(DEFAULT_MAX_BYTES + 1, DEFAULT_MAX_BYTES)?.rule).toBe('read:too-large');
  });

  it('says "more than" the limit when a read stopped there without knowing the size', () => {
    expect(sizePastLimit(1024 * 1024)).toEqual({
      error: 'file is too large (more than the 1.0 MB limit; raise --max-size)',
      rule: 'read:too-large',
    });
  });
});
