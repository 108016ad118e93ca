// `npm start`: one command brings up everything needed to try Valued without a Teams tenant.
//   1. Azurite's Table service (unless STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_URL is set),
//   2. the bot (dist/src/index.js) in local mode,
//   3. Microsoft 365 Agents Playground, a Teams-like chat in the browser.
// Ctrl+C stops them in reverse order. The browser tests call startLocalStack() to run the very
// same stack on free ports with a throwaway data folder.
//
// Every process is a direct `node` child (never `npx`, which leaves a grandchild running when
// stopped) and is started in its own process group, so a terminal's Ctrl+C reaches only this
// script, which then stops the children in order instead of all of them dying at once. Each
// child also watches this process (parent-watchdog.ts) and stops by itself if it is killed
// outright, so nothing is left holding the ports for the next `npm start`.
import { LocalStackRunner } from './stack-runner';
import { currentUserName, displayName } from './stack-messages';
import { defaultPlaygroundConfig, findRepoRoot } from './stack-settings';
import { StackStoppedError, type LocalStack, type LocalStackOptions } from './stack-types';

export type { ChildExit, LocalStack, LocalStackOptions, PlaygroundHandle } from './stack-types';
export { LocalStackError } from './stack-types';
export { azuriteConnectionString, findRepoRoot } from './stack-settings';

/**
 * Starts storage (unless configured), the bot and the Playground, and resolves once all three
 * answer. On failure everything already started is stopped before the promise rejects.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const runner = new LocalStackRunner(options);
  try {
    return await runner.start();
  } catch (err) {
    await runner.stop();
    throw err;
  }
}

/** The `npm start` command. */
export async function main(options: LocalStackOptions = {}): Promise<void> {
  let runner: LocalStackRunner;
  try {
    runner = new LocalStackRunner(options);
  } catch (err) {
    console.error(`\nSorry, Valued could not start: ${(err as Error).message}`);
    process.exit(1);
  }
  let shuttingDown = false;

  const shutDown = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      console.log('\nStopping straight away.');
      process.exit(130); // the 'exit' hook kills whatever is left
    }
    shuttingDown = true;
    console.log(`\nStopping Valued (${signal})… press Ctrl+C again to stop at once.`);
    void runner.stop().then(() => {
      console.log('Everything has stopped. Thanks for trying Valued.');
      process.exit(0);
    });
  };
  process.on('SIGINT', shutDown);
  process.on('SIGTERM', shutDown);
  process.on('SIGHUP', shutDown);

  let stack: LocalStack;
  try {
    stack = await runner.start();
  } catch (err) {
    if (err instanceof StackStoppedError) return; // Ctrl+C while starting: shutDown finishes up
    await runner.stop();
    console.error(`\nSorry, Valued could not start: ${(err as Error).message}`);
    process.exit(1);
  }

  void stack.unexpectedExit.then(async (exit) => {
    if (shuttingDown) return;
    shuttingDown = true;
    const how = exit.code !== null ? `exit code ${exit.code}` : `signal ${exit.signal ?? 'unknown'}`;
    const tail = exit.lastOutput.filter((l) => l.trim()).slice(-15);
    console.error(
      `\nSorry, ${displayName(exit.name)} stopped unexpectedly (${how}), so everything else is being stopped too.` +
        (tail.length ? `\nIts last output:\n  ${tail.join('\n  ')}` : ''),
    );
    await stack.stop();
    process.exit(1);
  });

  const configPath = options.playgroundConfigPath ?? defaultPlaygroundConfig(options.rootDir ?? findRepoRoot());
  const who = currentUserName(configPath);
  console.log(
    [
      '',
      'Valued is ready.',
      `  Open ${stack.playgroundUrl} in your browser to chat with it${who ? ` as ${who}` : ''}.`,
      '  Type "help" in the Personal Chat to see what Valued can do.',
      '  Press Ctrl+C here to stop everything.',
      '',
    ].join('\n'),
  );
}

if (require.main === module) {
  void main();
}
