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
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { watchedChild } from './parent-watchdog';
import { findFreePort } from './free-ports';
import { portInUseMessage } from './port-holder';
import { readPlaygroundUser } from './playground-user';
import { addValuedToPlaygroundTeam } from './playground-team';

/** The Azurite development account. Its key is public and documented: not a secret. */
const AZURITE_ACCOUNT = 'devstoreaccount1';
const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

const DEFAULT_BOT_PORT = 3978;
const DEFAULT_PLAYGROUND_PORT = 56150;
const DEFAULT_AZURITE_TABLE_PORT = 10002;

export function azuriteConnectionString(tablePort: number): string {
  return (
    `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};` +
    `TableEndpoint=http://127.0.0.1:${tablePort}/${AZURITE_ACCOUNT};`
  );
}

export interface LocalStackOptions {
  /** Repository root. Found from this file's location when not given. */
  rootDir?: string;
  botPort?: number;
  playgroundPort?: number;
  azuriteTablePort?: number;
  /** Where Azurite keeps its tables and the Playground its log. Default `<root>/.data`. */
  dataDir?: string;
  /**
   * 'auto' (default): use STORAGE_CONNECTION_STRING / STORAGE_ACCOUNT_URL from the environment
   * when set, otherwise start Azurite. 'azurite': always start a private Azurite (tests).
   */
  storage?: 'auto' | 'azurite';
  /** Playground config. Default: $M365_AGENTS_PLAYGROUND_CONFIG_PATH, else `<root>/.m365agentsplayground.yml`. */
  playgroundConfigPath?: string;
  /** The bot's compiled entry point. Default `<root>/dist/src/index.js`. */
  botEntry?: string;
  /** When set, each child's output goes to `<logDir>/<name>.log` instead of this terminal. */
  logDir?: string;
  /** Extra environment for the bot (undefined removes a variable). */
  botEnv?: Record<string, string | undefined>;
  /** Progress messages. Default: console.log. */
  log?: (message: string) => void;
}

export interface ChildExit {
  name: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The last lines the process wrote, when its output was captured. */
  lastOutput: string[];
}

export interface PlaygroundHandle {
  url: string;
  port: number;
  configPath: string;
  stop(): Promise<void>;
}

export interface LocalStack {
  /** e.g. http://127.0.0.1:3978 */
  botUrl: string;
  /** e.g. http://127.0.0.1:3978/api/messages */
  messagesUrl: string;
  /** e.g. http://localhost:56150 */
  playgroundUrl: string;
  /** Set when this stack started Azurite. */
  storageConnectionString?: string;
  /** Files holding the children's output, when `logDir` was given. */
  logFiles: Record<string, string>;
  /** Resolves only if a process stops by itself; by then the others are being stopped. */
  unexpectedExit: Promise<ChildExit>;
  /**
   * Start another Playground against the same bot, e.g. acting as a second person.
   * It is stopped with the stack.
   */
  addPlayground(configPath: string, port?: number): Promise<PlaygroundHandle>;
  /** Stops everything this stack started, newest first. Safe to call more than once. */
  stop(): Promise<void>;
}

export class LocalStackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalStackError';
  }
}

/** Thrown by start() when stop() was called while the stack was still starting. */
class StackStoppedError extends LocalStackError {
  constructor() {
    super('Stopped while starting.');
    this.name = 'StackStoppedError';
  }
}

/** Walks up from this file to the folder holding Valued's package.json (works from src/ and dist/). */
export function findRepoRoot(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if ((JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'valued') return dir;
      } catch {
        // not ours; keep walking
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new LocalStackError(`Could not find Valued's package.json above ${start}.`);
    dir = parent;
  }
}

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    throw new LocalStackError(`${name} should be a port number from 1 to 65535, not "${raw}".`);
  }
  return n;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function isPortFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

function canConnect(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

function httpStatus(url: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    // agent: false so no kept-alive socket holds the process open after we are done.
    const req = http.get(url, { agent: false, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve(undefined));
  });
}

/** One child process we started and are responsible for stopping. */
class ManagedProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<ChildExit>;
  readonly lastOutput: string[] = [];
  hasExited = false;
  private readonly lineListeners = new Set<(line: string) => void>();
  private readonly logStream?: fs.WriteStream;

  private readonly stopSignal: NodeJS.Signals;

  constructor(
    readonly name: string,
    args: string[],
    options: {
      cwd: string;
      env: NodeJS.ProcessEnv;
      /** 'inherit': straight to this terminal; 'prefix': captured and echoed with a name prefix. */
      output: 'inherit' | 'prefix';
      /** When set, output is captured into this file instead of echoed. */
      logFile?: string;
      /** Azurite closes its store cleanly on SIGINT; the others stop on SIGTERM. */
      stopSignal: NodeJS.Signals;
      /** The compiled watchdog-preload.js, which stops the child if this process dies. */
      watchdogPreload: string;
    },
  ) {
    this.stopSignal = options.stopSignal;
    const capture = options.logFile !== undefined || options.output === 'prefix';
    const watchdog = watchedChild(options.watchdogPreload, options.stopSignal);
    this.child = spawn(process.execPath, [...watchdog.execArgv, ...args], {
      cwd: options.cwd,
      env: { ...options.env, ...watchdog.env },
      // Own process group: a terminal's Ctrl+C reaches only the parent, which stops us in order.
      detached: true,
      stdio: ['ignore', capture ? 'pipe' : 'inherit', capture ? 'pipe' : 'inherit'],
    });
    if (options.logFile) this.logStream = fs.createWriteStream(options.logFile, { flags: 'a' });
    const echo = options.logFile === undefined && options.output === 'prefix';
    for (const stream of [this.child.stdout, this.child.stderr]) {
      if (!stream) continue;
      let pending = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        this.logStream?.write(chunk);
        pending += chunk;
        const lines = pending.split(/\r?\n/);
        pending = lines.pop() ?? '';
        for (const line of lines) this.onLine(line, echo);
      });
    }
    this.exited = new Promise((resolve) => {
      // 'close' rather than 'exit': by then its last output has been read.
      this.child.once('close', (code, signal) => {
        this.hasExited = true;
        this.logStream?.end();
        resolve({ name: this.name, code, signal, lastOutput: [...this.lastOutput] });
      });
      // A spawn failure (e.g. bad cwd) emits 'error' and maybe no 'exit'.
      this.child.once('error', (err) => {
        this.hasExited = true;
        this.lastOutput.push(String(err));
        resolve({ name: this.name, code: null, signal: null, lastOutput: [...this.lastOutput] });
      });
    });
  }

  private onLine(line: string, echo: boolean): void {
    this.lastOutput.push(line);
    if (this.lastOutput.length > 40) this.lastOutput.shift();
    for (const listener of this.lineListeners) listener(line);
    if (echo && line.trim()) console.log(`[${this.name}] ${line}`);
  }

  /** Resolves with the first capture group of the first output line matching `pattern`. */
  waitForLine(pattern: RegExp): Promise<string> {
    return new Promise((resolve) => {
      const listener = (line: string) => {
        const match = pattern.exec(line);
        if (match) {
          this.lineListeners.delete(listener);
          resolve(match[1] ?? match[0]);
        }
      };
      this.lineListeners.add(listener);
    });
  }

  private signal(signal: NodeJS.Signals): void {
    if (this.hasExited || this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, signal); // the whole group: anything it started goes too
    } catch {
      try {
        this.child.kill(signal);
      } catch {
        // already gone
      }
    }
  }

  async stop(graceMs: number): Promise<void> {
    if (this.hasExited) return;
    this.signal(this.stopSignal);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      this.exited.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs))),
    ]);
    clearTimeout(timer); // a pending timer would keep Node (and Jest) running
    if (timedOut) {
      this.signal('SIGKILL');
      await this.exited;
    }
  }

  /** Last resort when this process itself is exiting: no waiting possible. */
  killNow(): void {
    this.signal('SIGKILL');
  }
}

/**
 * The Playground's own variable picks another config (e.g. to be Sam rather than Amara);
 * otherwise the one at the repository root.
 */
function defaultPlaygroundConfig(rootDir: string): string {
  const fromEnv = process.env.M365_AGENTS_PLAYGROUND_CONFIG_PATH?.trim();
  return fromEnv ? path.resolve(fromEnv) : path.join(rootDir, '.m365agentsplayground.yml');
}

/** Plain names for messages people will read. */
function displayName(name: string): string {
  if (name === 'azurite') return 'Azurite (table storage)';
  if (name === 'bot') return 'the Valued bot';
  if (name.startsWith('playground')) return 'Agents Playground';
  return name;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Reads the current user's name from a Playground config, for a friendlier welcome line. */
function currentUserName(configPath: string): string | undefined {
  try {
    const text = fs.readFileSync(configPath, 'utf8');
    const block = /^currentUser:\s*\n((?:[ \t]+.*\n?)+)/m.exec(text);
    const name = block && /^\s+name:\s*["']?(.+?)["']?\s*$/m.exec(block[1]);
    return name ? name[1] : undefined;
  } catch {
    return undefined;
  }
}

/** Starts the stack step by step; stop() may be called at any time, even mid-start. */
class LocalStackRunner {
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
