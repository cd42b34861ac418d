/**
 * `npx tsx scripts/eval-peer.ts`: score the number parser on the peers' corpora
 * (../shared/peer/duckling-vi.jsonl, nemo-vi.jsonl), print a table per file and class with
 * every miss and skip and its reason, write out/eval-peer.json. Exit code 1 below the gate.
 * `scorePeers()` is re-exported for `npm run eval`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderPeerReport, scorePeers, type PeerReport } from '../src/extract/number-peer-eval.js';

export { scorePeers, renderPeerReport, type PeerReport };

function main(): void {
  const report = scorePeers();
  console.log(renderPeerReport(report));
  mkdirSync('out', { recursive: true });
  writeFileSync(join('out', 'eval-peer.json'), JSON.stringify(report, null, 2));
  console.log('\nwrote out/eval-peer.json');
  if (!report.pass) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
