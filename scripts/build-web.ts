/** `npm run build`'s second step: bundle the browser app (src/web/) into dist/web/app.js. */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildWebApp } from '../src/review/web-bundle.js';

const out = join(process.cwd(), 'dist', 'web', 'app.js');
mkdirSync(dirname(out), { recursive: true });
const text = await buildWebApp(out);
process.stdout.write(`web app: ${out} (${Math.round(text.length / 1024)} KB)\n`);
