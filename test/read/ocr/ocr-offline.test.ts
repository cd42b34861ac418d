import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { offlineWorkerOptions } from '../../../src/read/ocr/ocr-scheduler.js';

/** Makes every way out to the network throw, in the main thread and in worker threads (Node runs --require preloads in both). */
const PRELOAD = `
const blocked = (what) => function () { throw new Error('network disabled by test: ' + what); };
for (const name of ['node:net', 'node:tls', 'node:http', 'node:https', 'node:dns', 'node:http2']) require(name);
const net = require('node:net');
net.connect = net.createConnection = blocked('net.connect');
net.Socket.prototype.connect = blocked('socket.connect');
require('node:tls').connect = blocked('tls.connect');
for (const m of [require('node:http'), require('node:https')]) { m.request = blocked('http.request'); m.get = blocked('http.get'); }
require('node:http2').connect = blocked('http2.connect');
require('node:dns').lookup = blocked('dns.lookup');
require('node:dns').promises.lookup = blocked('dns.promises.lookup');
globalThis.fetch = () => Promise.reject(new Error('network disabled by test: fetch'));
`;

const child = (root: string): string => `
import { readFile } from 'node:fs/promises';
const { SourceFile } = await import(${JSON.stringify(join(root, 'src/core/source-file.ts'))});
const { ocrPdf } = await import(${JSON.stringify(join(root, 'src/read/ocr/ocr-reader.ts'))});
const probe = await fetch('https://cdn.jsdelivr.net/npm/@tesseract.js-data/vie/4.0.0_best_int/vie.traineddata.gz').then(() => 'reached', (e) => e.message);
const path = ${JSON.stringify(join(root, '../shared/corpus/003.scan.pdf'))};
const file = new SourceFile(path, await readFile(path));
const { createOcrScheduler } = await import(${JSON.stringify(join(root, 'src/read/ocr/ocr-scheduler.ts'))});
const scheduler = await createOcrScheduler({ workers: 1, engine: 'wasm' });
const result = await ocrPdf(file, { pages: [1], scheduler });
await scheduler.terminate();
console.log(JSON.stringify({ probe, text: result.raw.map((b) => b.text).join('\\n'), pages: result.pages, messages: file.messages }));
`;

function networkNamespaceAvailable(): boolean {
  return spawnSync('unshare', ['-n', 'true']).status === 0;
}

describe('OCR without a network', () => {
  it('points tesseract.js at the model on disk and turns its cache off', () => {
    const options = offlineWorkerOptions();
    expect(options.langPath).toMatch(/@tesseract\.js-data\/vie\/4\.0\.0_best_int$/);
    expect(options.cacheMethod).toBe('none');
  });

  it('reads a scanned page in a process that cannot reach the network', () => {
    const root = resolve('.');
    const dir = mkdtempSync(join(tmpdir(), 'solieu-ocr-offline-'));
    try {
      writeFileSync(join(dir, 'no-network.cjs'), PRELOAD);
      writeFileSync(join(dir, 'child.mts'), child(root));
      const node = [process.execPath, '--require', join(dir, 'no-network.cjs'), '--import', 'tsx', join(dir, 'child.mts')];
      // A process in its own empty network namespace when the system allows it; the preload either way.
      const [command, ...args] = networkNamespaceAvailable() ? ['unshare', '-n', ...node] : node;
      const run = spawnSync(command, args, { cwd: root, encoding: 'utf8', timeout: 90_000, env: { ...process.env, NODE_OPTIONS: '' } });
      expect(run.stderr).not.toMatch(/network disabled by test/);
      expect(run.status).toBe(0);
      const output = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}');
      expect(output.probe).toBe('network disabled by test: fetch');
      expect(output.text).toContain('BÁO CÁO');
      expect(output.pages).toEqual([expect.objectContaining({ page: 1, origin: 'ocr' })]);
      expect(output.messages.filter((m: { rule: string }) => m.rule !== 'ocr:number-repair' && m.rule !== 'read:ocr-engine')).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
