// One private Valued stack per test file: Azurite with a throwaway data folder, the built bot,
// Agents Playground and Chromium, all on free ports so nothing clashes with `npm start`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { findFreePorts } from '../../../src/local/free-ports';
import { startLocalStack, type ChildExit, type LocalStack } from '../../../src/local/start-local';
import { assertChromium, launchChromium } from './chromium';
import { settle, setDiagnostics } from './playground-ui';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** The second person's Playground config: Sam Patel, physiotherapist. */
export const SAM_CONFIG = path.join(repoRoot, 'tests', 'e2e', 'playground-as-sam.yml');

export interface E2EStack {
  stack: LocalStack;
  browser: Browser;
  /** Opens the Playground (as Amara Okafor unless another Playground's url is given). */
  openPlayground(url?: string): Promise<Page>;
  /** Starts a second Playground as someone else (default: Sam Patel) and opens it. */
  openPlaygroundAs(configPath?: string): Promise<Page>;
  /** The last lines a process wrote: 'bot', 'azurite', 'playground'. */
  logTail(name: string, lines?: number): string;
  close(): Promise<void>;
}

export async function startE2EStack(options: { botEnv?: Record<string, string | undefined> } = {}): Promise<E2EStack> {
  assertChromium(); // before anything slow, so a missing browser fails at once
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'valued-e2e-'));
  let stack: LocalStack | undefined;
  let browser: Browser | undefined;
  let crashed: ChildExit | undefined;
  try {
    const [botPort, playgroundPort, azuriteTablePort] = await findFreePorts(3);
    stack = await startLocalStack({
      rootDir: repoRoot,
      // Always Amara, whatever the developer's own environment says.
      playgroundConfigPath: path.join(repoRoot, '.m365agentsplayground.yml'),
      storage: 'azurite',
      dataDir,
      logDir: path.join(dataDir, 'logs'),
      botPort,
      playgroundPort,
      azuriteTablePort,
      // Local mode never authenticates; make sure a developer's own settings cannot change that.
      botEnv: { MicrosoftAppId: undefined, MicrosoftAppPassword: undefined, LOG_FORMAT: 'pretty', ...options.botEnv },
      log: () => undefined,
    });
    void stack.unexpectedExit.then((exit) => (crashed = exit));
    browser = await launchChromium();
  } catch (error) {
    await browser?.close();
    await stack?.stop();
    throw error;
  }
  const started = stack;
  const chromium = browser;

  const logTail = (name: string, lines = 25): string => {
    const file = started.logFiles[name];
    if (!file || !fs.existsSync(file)) return '';
    return fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .slice(-lines)
      .join('\n');
  };

  const openPlayground = async (url = started.playgroundUrl): Promise<Page> => {
    const context = await chromium.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    // Offline: the Playground asks a CDN for fonts; refuse at once instead of waiting on DNS.
    await page.route(
      (u) => u.protocol === 'https:',
      (route) => route.abort(),
    );
    setDiagnostics(page, () => {
      const dead = crashed ? `The ${crashed.name} process has stopped (exit code ${crashed.code ?? crashed.signal}).\n` : '';
      return `${dead}Last lines from the bot:\n${logTail('bot') || '(none)'}`;
    });
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.locator('[contenteditable=true][role=textbox]').first().waitFor({ timeout: 60_000 });
    await settle(page);
    return page;
  };

  return {
    stack: started,
    browser: chromium,
    openPlayground,
    openPlaygroundAs: async (configPath = SAM_CONFIG) => openPlayground((await started.addPlayground(configPath)).url),
    logTail,
    close: async () => {
      await chromium.close().catch(() => undefined);
      await started.stop();
      if (process.env.KEEP_E2E_DATA) console.log(`Browser test data kept in ${dataDir}`);
      else fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
