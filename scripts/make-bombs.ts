/**
 * Hostile inputs that are small on disk and huge once unpacked (issue 15, fault probe), for the
 * tests and the bench: `npx tsx scripts/make-bombs.ts <dir>` writes
 * - `bomb.docx`: a 1 MB DOCX whose word/document.xml inflates to 300 MB of paragraphs;
 * - `flate-bomb.pdf`: a 0.5 MB PDF whose page content stream inflates to 512 MB;
 * - `image-bomb.pdf`: a 1.6 MB PDF whose page is one 40000 × 40000 grayscale image (1.6 GB decoded).
 * Built by hand, streaming: the generator itself never holds the unpacked bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDeflate, createDeflateRaw, crc32, deflateRawSync, type Deflate, type DeflateRaw } from 'node:zlib';

const MB = 1024 * 1024;

const NOTHING = Buffer.alloc(0);

/** Compress `head`, `count` copies of `chunk` and `tail` in one zlib (or raw deflate) stream, without holding them. */
async function deflateRepeated(stream: Deflate | DeflateRaw, chunk: Buffer, count: number, head = NOTHING, tail = NOTHING): Promise<Buffer> {
  const out: Buffer[] = [];
  stream.on('data', (d: Buffer) => out.push(d));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', () => resolve());
    stream.on('error', reject);
  });
  stream.write(head);
  for (let i = 0; i < count; i++) {
    if (!stream.write(chunk)) await new Promise((r) => stream.once('drain', r));
  }
  stream.end(tail);
  await done;
  return Buffer.concat(out);
}

interface ZipEntry {
  name: string;
  deflated: Buffer;
  crc: number;
  size: number;
}

function entryOf(name: string, text: string): ZipEntry {
  const data = Buffer.from(text, 'utf8');
  return { name, deflated: deflateRawSync(data), crc: crc32(data), size: data.length };
}

/** An entry's CRC, compressed and unpacked sizes and name length, as the local header and the central directory both write them from `at`. */
function writeSizes(header: Buffer, at: number, e: ZipEntry, nameLength: number): void {
  header.writeUInt32LE(e.crc >>> 0, at);
  header.writeUInt32LE(e.deflated.length, at + 4);
  header.writeUInt32LE(e.size, at + 8);
  header.writeUInt16LE(nameLength, at + 12);
}

/** A zip archive of deflated entries (local headers, data, central directory). */
function zip(entries: ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    writeSizes(local, 14, e, name.length);
    parts.push(local, name, e.deflated);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    writeSizes(dir, 16, e, name.length);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dirBytes, end]);
}

export async function docxBomb(unpackedMb = 300): Promise<Buffer> {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>`);
  const tail = Buffer.from('</w:body></w:document>');
  const para = '<w:p><w:r><w:t>Doanh thu đạt 1.150 tỷ đồng, tăng 5% so với cùng kỳ.</w:t></w:r></w:p>';
  const chunk = Buffer.from(para.repeat(Math.floor(MB / Buffer.byteLength(para))));
  const count = unpackedMb;
  const deflated = await deflateRepeated(createDeflateRaw({ level: 9 }), chunk, count, head, tail);
  let crc = crc32(head);
  for (let i = 0; i < count; i++) crc = crc32(chunk, crc);
  crc = crc32(tail, crc);
  const document: ZipEntry = { name: 'word/document.xml', deflated, crc, size: head.length + chunk.length * count + tail.length };
  return zip([
    entryOf(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    entryOf(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    document,
  ]);
}

/** A PDF of one A4 page from its objects (numbered from 1; object 1 the catalog), xref computed. */
function pdf(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0].length;
  objects.forEach((o, i) => {
    const body = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      typeof o === 'string' ? Buffer.from(o, 'latin1') : o,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    offsets.push(at);
    parts.push(body);
    at += body.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

function stream(dict: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);
}

export async function flateBombPdf(unpackedMb = 512): Promise<Buffer> {
  // a page whose content stream is 512 MB of spaces: it draws nothing, and takes all of it to read
  const content = await deflateRepeated(createDeflate({ level: 9 }), Buffer.alloc(MB, 0x20), unpackedMb);
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    stream('/Filter /FlateDecode', content),
  ]);
}

export async function imageBombPdf(side = 40_000): Promise<Buffer> {
  const rows = await deflateRepeated(createDeflate({ level: 9 }), Buffer.alloc(side * 100, 0xff), side / 100);
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>',
    stream('', Buffer.from('q 595 0 0 842 0 0 cm /Im0 Do Q', 'latin1')),
    stream(`/Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`, rows),
  ]);
}

/** Write the three bombs into `dir`; returns their paths. */
export async function makeBombs(dir: string): Promise<{ docx: string; flate: string; image: string }> {
  mkdirSync(dir, { recursive: true });
  const paths = { docx: join(dir, 'bomb.docx'), flate: join(dir, 'flate-bomb.pdf'), image: join(dir, 'image-bomb.pdf') };
  writeFileSync(paths.docx, await docxBomb());
  writeFileSync(paths.flate, await flateBombPdf());
  writeFileSync(paths.image, await imageBombPdf());
  return paths;
}

if (process.argv[1] && /make-bombs\.ts$/.test(process.argv[1])) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: npx tsx scripts/make-bombs.ts <dir>');
    process.exit(2);
  }
  makeBombs(dir).then((p) => console.log(Object.values(p).join('\n')));
}
