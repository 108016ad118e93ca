// Starts the local stack step by step (storage, the bot, the Playground) and stops it newest
// first; stop() may be called at any time, even while it is still starting.
import fs from 'node:fs';
import path from 'node:path';
import { findFreePort } from './free-ports';
import { ManagedProcess } from './managed-process';
import { addValuedToPlaygroundTeam } from './playground-team';
import { readPlaygroundUser } from './playground-user';
import { portInUseMessage } from './port-holder';
import { canConnect, httpStatus, isPortFree, sleep } from './probes';
import { capitalised, displayName } from './stack-messages';
import {
  DEFAULT_AZURITE_TABLE_PORT,
  DEFAULT_BOT_PORT,
  DEFAULT_PLAYGROUND_PORT,
  azuriteConnectionString,
  defaultPlaygroundConfig,
  findRepoRoot,
  portFromEnv,
} from './stack-settings';
import {
  LocalStackError,
  StackStoppedError,
  type ChildExit,
  type LocalStack,
  type LocalStackOptions,
  type PlaygroundHandle,
} from './stack-types';

export class LocalStackRunner {
  private readonly processes: ManagedProcess[] = [];
  private stopping = false;
  /** Set when a process stopped by itself; everything else is then stopped. */
  private crashed?: ManagedProcess;
  private stopPromise?: Promise<void>;
  private resolveUnexpected!: (exit: ChildExit) => void;
  readonly unexpectedExit = new Promise<ChildExit>((resolve) => (this.resolveUnexpected = resolve));
  private readonly rootDir: string;
  private readonly dataDir: string;
  private readonly log: (message: string) => void;
  readonly logFiles: Record<string, string> = {};
  private readonly killOnExit = () => this.processes.forEach((p) => p.killNow());
  /** Set by start(), once it has checked the build is there. */
  private watchdogPreload = '';

  constructor(private readonly options: LocalStackOptions) {
    this.rootDir = options.rootDir ?? findRepoRoot();
    this.dataDir = options.dataDir ?? path.join(this.rootDir, '.data');
    this.log = options.log ?? ((message) => console.log(message));
  }

  private logFileFor(name: string): string | undefined {
    if (!this.options.logDir) return undefined;
    fs.mkdirSync(this.options.logDir, { recursive: true });
    const file = path.join(this.options.logDir, `${name}.log`);
    this.logFiles[name] = file;
    return file;
  }

  private launch(
    name: string,
    args: string[],
    cwd: string,
    env: NodeJS.ProcessEnv,
    output: 'inherit' | 'prefix',
    stopSignal: NodeJS.Signals,
  ): ManagedProcess {
    if (this.stopping) throw new StackStoppedError();
    if (this.processes.length === 0) process.once('exit', this.killOnExit);
    const proc = new ManagedProcess(name, args, {
      cwd,
      env,
      output,
      logFile: this.logFileFor(name),
      stopSignal,
      watchdogPreload: this.watchdogPreload,
    });
    this.processes.push(proc);
    void proc.exited.then((exit) => {
      if (this.stopping) return;
      this.crashed = proc;
      this.resolveUnexpected(exit);
      void this.stop();
    });
    return proc;
  }

  /** Waits for `check` to pass, giving up if the process dies, the stack stops, or time runs out. */
  private async waitUntil(proc: ManagedProcess, what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // A crash explains itself; a requested stop (Ctrl+C) is not an error; then our own process.
      if (this.crashed) throw this.diedWhileStarting(this.crashed, this.crashed === proc ? what : `${displayName(proc.name)} to start`);
      if (this.stopping) throw new StackStoppedError();
      if (proc.hasExited) throw this.diedWhileStarting(proc, what);
      if (await check()) return;
      if (Date.now() > deadline) {
        throw new LocalStackError(
          `${capitalised(displayName(proc.name))} did not become ready within ${Math.round(timeoutMs / 1000)} s (${what}).${this.outputHint(proc)}`,
        );
      }
      await sleep(200);
    }
  }

  private diedWhileStarting(proc: ManagedProcess, what: string): LocalStackError {
    const code = proc.child.exitCode;
    const how = code !== null ? `exit code ${code}` : `signal ${proc.child.signalCode ?? 'unknown'}`;
    return new LocalStackError(
      `${capitalised(displayName(proc.name))} stopped before it was ready (${how}) while we waited for ${what}.${this.outputHint(proc)}`,
    );
  }

  private outputHint(proc: ManagedProcess): string {
    const file = this.logFiles[proc.name];
    const tail = proc.lastOutput.filter((l) => l.trim()).slice(-15);
    return (tail.length ? `\nLast output:\n  ${tail.join('\n  ')}` : '') + (file ? `\nFull output: ${file}` : '');
  }

  private async requireFreePort(port: number, what: string, envName: string): Promise<void> {
    if (!(await isPortFree(port, '127.0.0.1'))) throw new LocalStackError(await portInUseMessage(port, what, envName));
  }

  async start(): Promise<LocalStack> {
    const botPort = this.options.botPort ?? portFromEnv('PORT', DEFAULT_BOT_PORT);
    const playgroundPort = this.options.playgroundPort ?? portFromEnv('PLAYGROUND_PORT', DEFAULT_PLAYGROUND_PORT);
    const azuritePort = this.options.azuriteTablePort ?? portFromEnv('AZURITE_TABLE_PORT', DEFAULT_AZURITE_TABLE_PORT);
    const botEntry = this.options.botEntry ?? path.join(this.rootDir, 'dist', 'src', 'index.js');
    const configPath = this.options.playgroundConfigPath ?? defaultPlaygroundConfig(this.rootDir);

    // Compiled with the bot; every child loads it (also when this file runs from source in tests).
    this.watchdogPreload = path.join(this.rootDir, 'dist', 'src', 'local', 'watchdog-preload.js');
    for (const file of [botEntry, this.watchdogPreload]) {
      if (!fs.existsSync(file)) throw new LocalStackError(`The bot is not built yet (${file} is missing). Run: npx tsc -p tsconfig.json`);
    }
    if (!fs.existsSync(configPath)) {
      throw new LocalStackError(`The Playground config ${configPath} is missing.`);
    }

    const useEnvStorage =
      (this.options.storage ?? 'auto') === 'auto' &&
      !!(process.env.STORAGE_CONNECTION_STRING?.trim() || process.env.STORAGE_ACCOUNT_URL?.trim());
    // Check ports before starting anything, so a clash is one clear message and not a crash.
    if (!useEnvStorage) await this.requireFreePort(azuritePort, 'Azurite table storage', 'AZURITE_TABLE_PORT');
    await this.requireFreePort(botPort, 'the bot', 'PORT');

    // 1. Storage
    const botEnv: NodeJS.ProcessEnv = { ...process.env };
    let storageConnectionString: string | undefined;
    if (useEnvStorage) {
      this.log('Using the storage account from STORAGE_CONNECTION_STRING / STORAGE_ACCOUNT_URL.');
    } else {
      const location = path.join(this.dataDir, 'azurite');
      fs.mkdirSync(location, { recursive: true });
      this.log(`Starting table storage (Azurite) on port ${azuritePort}…`);
      const azurite = this.launch(
        'azurite',
        [
          path.join(this.rootDir, 'node_modules', 'azurite', 'dist', 'src', 'table', 'main.js'),
          '--tableHost',
          '127.0.0.1',
          '--tablePort',
          String(azuritePort),
          '--location',
          location,
          '--skipApiVersionCheck',
          '--disableTelemetry', // otherwise it logs failed telemetry look-ups when offline
          '--silent',
        ],
        this.rootDir,
        { ...process.env },
        'prefix',
        'SIGINT',
      );
      await this.waitUntil(azurite, `port ${azuritePort} to accept connections`, 30_000, () => canConnect(azuritePort, '127.0.0.1'));
      storageConnectionString = azuriteConnectionString(azuritePort);
      botEnv.STORAGE_CONNECTION_STRING = storageConnectionString;
      delete botEnv.STORAGE_ACCOUNT_URL;
    }

    // 2. The bot
    this.log(`Starting the Valued bot on port ${botPort}…`);
    Object.assign(botEnv, {
      LOCAL_MODE: 'true',
      PORT: String(botPort),
      HOST: '127.0.0.1',
      LOG_FORMAT: process.env.LOG_FORMAT ?? 'pretty',
    });
    // The "My recognition" tab, opened in a browser, shows the Playground's current user.
    const playgroundUser = readPlaygroundUser(configPath);
    if (playgroundUser && !botEnv.DEV_USER_ID)
      Object.assign(botEnv, { DEV_USER_ID: playgroundUser.aadObjectId, DEV_USER_NAME: playgroundUser.name });
    // Locally the one person in the Playground is also a governance lead, so the lead-only parts
    // (nominations, settings, the digest) can be tried; set FIRST_LEAD_IDS to choose otherwise.
    if (playgroundUser && botEnv.FIRST_LEAD_IDS === undefined) botEnv.FIRST_LEAD_IDS = playgroundUser.aadObjectId;
    for (const [key, value] of Object.entries(this.options.botEnv ?? {})) {
      if (value === undefined) delete botEnv[key];
      else botEnv[key] = value;
    }
    // The bot's own output goes straight to the terminal (or its log file in tests).
    const bot = this.launch('bot', [botEntry], this.rootDir, botEnv, 'inherit', 'SIGTERM');
    const botUrl = `http://127.0.0.1:${botPort}`;
    await this.waitUntil(bot, `${botUrl}/healthz to answer 200`, 60_000, async () => (await httpStatus(`${botUrl}/healthz`)) === 200);

    // 3. Agents Playground
    const messagesUrl = `${botUrl}/api/messages`;
    const playground = await this.startPlayground('playground', configPath, playgroundPort, messagesUrl);
    if (playground.port !== playgroundPort) {
      this.log(`Port ${playgroundPort} was busy, so the Playground took port ${playground.port}.`);
    }
    // As Teams does when an owner adds the app: Valued reads the team's roster from the Playground.
    const added = await addValuedToPlaygroundTeam(configPath, messagesUrl, `http://localhost:${playground.port}/_connector`).catch(
      (e: Error) => ({ ok: false, reason: e.message }),
    );
    if (!added.ok)
      this.log(`Valued could not be added to the Playground's team (${added.reason}); use it once in the team's channel instead.`);

    let extra = 0;
    return {
      botUrl,
      messagesUrl,
      playgroundUrl: playground.url,
      storageConnectionString,
      logFiles: this.logFiles,
      unexpectedExit: this.unexpectedExit,
      addPlayground: async (extraConfigPath: string, port?: number) =>
        this.startPlayground(`playground-${++extra}`, extraConfigPath, port ?? (await findFreePort()), messagesUrl),
      stop: () => this.stop(),
    };
  }

  private async startPlayground(name: string, configPath: string, port: number, messagesUrl: string): Promise<PlaygroundHandle> {
    const workDir = path.join(this.dataDir, name);
    fs.mkdirSync(workDir, { recursive: true });
    const proc = this.launch(
      name,
      [
        path.join(this.rootDir, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js'),
        '-e',
        messagesUrl,
        '-c',
        'msteams',
        '-p',
        String(port),
        '--disable-telemetry',
      ],
      // Its working folder is under .data/ because it writes a log relative to it.
      workDir,
      {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none', // we print the address; no browser to open on a server
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: path.resolve(configPath),
        M365_AGENTS_PLAYGROUND_LOGFILE: path.join(workDir, 'm365agentsplayground.log'),
      },
      'prefix',
      'SIGTERM',
    );
    // It falls back to a random port when the asked-for one is busy, and says which it took.
    // Note: it listens on all network interfaces (not only 127.0.0.1), so others on the same
    // network could open it while it runs. Acceptable for a local try-out; nothing to fix here.
    let actualPort: number | undefined;
    void proc.waitForLine(/Listening on (\d+)/).then((p) => (actualPort = Number(p)));
    await this.waitUntil(proc, 'it to say which port it listens on', 30_000, async () => actualPort !== undefined);
    const url = `http://localhost:${actualPort}`;
    await this.waitUntil(proc, `${url} to answer`, 30_000, async () => (await httpStatus(`http://127.0.0.1:${actualPort}/`)) === 200);
    return { url, port: actualPort as number, configPath, stop: () => proc.stop(5_000) };
  }

  stop(): Promise<void> {
    this.stopping = true;
    this.stopPromise ??= (async () => {
      // Newest first: Playgrounds, then the bot (it may still write to storage), then Azurite.
      for (const proc of [...this.processes].reverse()) {
        await proc.stop(proc.name === 'bot' ? 10_000 : 5_000);
      }
      process.removeListener('exit', this.killOnExit);
    })();
    return this.stopPromise;
  }
}
