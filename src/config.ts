// All configuration comes from the environment through this one pure function. It validates
// everything up front and fails fast, naming the variable, so a bad deploy never half-starts.

export interface Config {
  localMode: boolean;
  host: string;
  port: number;
  bot: {
    appId: string;
    appPassword: string;
    appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    tenantId: string;
  };
  storage:
    | { kind: 'connectionString'; connectionString: string; tablePrefix: string }
    | { kind: 'accountUrl'; accountUrl: string; tablePrefix: string };
  log: { level: string; format: 'json' | 'pretty' };
  timeZone: string;
  /** How long processed activity ids are remembered, to ignore Teams redeliveries. */
  dedupeHours: number;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

function read(env: Env, name: string): string | undefined {
  const v = env[name]?.trim();
  return v ? v : undefined;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const v = read(env, name);
  if (v === undefined) return fallback;
  if (/^(true|1|yes)$/i.test(v)) return true;
  if (/^(false|0|no)$/i.test(v)) return false;
  throw new ConfigError(name, `expected true or false, got "${v}"`);
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const v = read(env, name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(name, `expected a whole number from ${min} to ${max}, got "${v}"`);
  }
  return n;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const v = read(env, name);
  if (v === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(v)) {
    throw new ConfigError(name, `expected one of ${allowed.join(', ')}, got "${v}"`);
  }
  return v as T;
}

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function readEnvOptions(env: Env = process.env): Config {
  const localMode = bool(env, 'LOCAL_MODE', false);
  const appId = read(env, 'MicrosoftAppId') ?? '';
  const appType = oneOf(env, 'MicrosoftAppType', APP_TYPES, 'MultiTenant');
  const tenantId = read(env, 'MicrosoftAppTenantId') ?? '';
  const appPassword = read(env, 'MicrosoftAppPassword') ?? '';

  // An empty app id switches inbound authentication off in botbuilder: only ever on purpose.
  if (!appId && !localMode) {
    throw new ConfigError('MicrosoftAppId', 'is not set. Set it to the bot\'s app id, or set LOCAL_MODE=true to run locally without authentication');
  }
  if (appId && appType !== 'UserAssignedMSI' && !appPassword) {
    throw new ConfigError('MicrosoftAppPassword', `is required when MicrosoftAppType is ${appType}`);
  }
  if (appId && appType !== 'MultiTenant' && !tenantId) {
    throw new ConfigError('MicrosoftAppTenantId', `is required when MicrosoftAppType is ${appType}`);
  }

  const tablePrefix = read(env, 'TABLE_PREFIX') ?? 'valued';
  if (!/^[A-Za-z][A-Za-z0-9]{0,29}$/.test(tablePrefix)) {
    throw new ConfigError('TABLE_PREFIX', 'must start with a letter and hold only letters and digits (at most 30)');
  }
  const connectionString = read(env, 'STORAGE_CONNECTION_STRING');
  const accountUrl = read(env, 'STORAGE_ACCOUNT_URL');
  let storage: Config['storage'];
  if (connectionString) {
    storage = { kind: 'connectionString', connectionString, tablePrefix };
  } else if (accountUrl) {
    if (!/^https?:\/\/\S+$/.test(accountUrl)) throw new ConfigError('STORAGE_ACCOUNT_URL', 'must be a URL such as https://<account>.table.core.windows.net');
    storage = { kind: 'accountUrl', accountUrl, tablePrefix };
  } else {
    throw new ConfigError('STORAGE_CONNECTION_STRING', 'is not set (nor STORAGE_ACCOUNT_URL). Set one of them; `npm start` sets it for you when it starts Azurite');
  }

  const timeZone = read(env, 'TIME_ZONE') ?? 'Europe/London';
  if (!validTimeZone(timeZone)) throw new ConfigError('TIME_ZONE', `"${timeZone}" is not a time zone name such as Europe/London`);

  return {
    localMode,
    host: read(env, 'HOST') ?? (localMode ? '127.0.0.1' : '0.0.0.0'),
    port: int(env, 'PORT', 3978, 0, 65535),
    bot: { appId, appPassword, appType, tenantId },
    storage,
    log: {
      level: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
      format: oneOf(env, 'LOG_FORMAT', ['json', 'pretty'] as const, localMode ? 'pretty' : 'json')
    },
    timeZone,
    dedupeHours: int(env, 'DEDUPE_HOURS', 24, 1, 24 * 14)
  };
}
