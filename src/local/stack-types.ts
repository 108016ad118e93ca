// What `npm start` and the browser tests ask of a local stack, and what they get back.
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
export class StackStoppedError extends LocalStackError {
  constructor() {
    super('Stopped while starting.');
    this.name = 'StackStoppedError';
  }
}
