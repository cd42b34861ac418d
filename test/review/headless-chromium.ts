import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Where `scripts/install-chromium.sh` (run by `.ci/run`) puts Chromium. */
export const CHROMIUM = '/usr/bin/chromium';
export const haveChromium = existsSync(CHROMIUM);

/** Chromium for the browser tests: headless, sandbox off (CI runs as root), nothing fetched from the network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
