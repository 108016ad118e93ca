// Headless Chromium for the browser tests: Debian's package, driven by playwright-core.
// Never `npx playwright install`: it downloads a browser, and CI machines here are offline.
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_MISSING = 'Chromium is needed for the browser tests: run `apt-get install -y chromium`';

/** Fails straight away (never skips) when Chromium is not installed. */
export function assertChromium(): void {
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(CHROMIUM_MISSING);
}

// Flags verified on this kind of machine (see STACK-NOTES): no sandbox as root in containers,
// no GPU, and no background calls home that would only time out offline.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Launches Chromium. Playwright gives every launch a brand-new temporary user-data dir and
 * removes it on close, so no state leaks between runs.
 */
export async function launchChromium(): Promise<Browser> {
  assertChromium();
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 60_000 });
}
