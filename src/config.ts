import { randomBytes } from 'node:crypto';

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
    /** Where the Bot Framework's OpenID metadata is (BOT_OPENID_METADATA_URL); undefined means the public cloud's. Tests and sovereign clouds only. */
    openIdMetadataUrl?: string;
  };
  storage:
    | { kind: 'connectionString'; connectionString: string; tablePrefix: string }
    | { kind: 'accountUrl'; accountUrl: string; tablePrefix: string };
  log: { level: string; format: 'json' | 'pretty' };
  timeZone: string;
  /** How long processed activity ids are remembered, to ignore Teams redeliveries. */
  dedupeHours: number;
  /** Entra object ids who are always governance leads of every team (FIRST_LEAD_IDS). */
  firstLeadIds: string[];
  /** Where people's browsers reach this service (links in cards, the personal tab); '' in local mode means this server's own address. */
  publicUrl: string;
  /** Signs links to a person's own pages; at least 32 characters. */
  linkSecret: string;
  /** Single sign-on for the "My recognition" tab; undefined when no sign-in app is configured. */
  sso?: SsoConfig;
  /** Local mode only: who the tab shows when opened outside Teams (DEV_USER_ID). */
  devUser?: { id: string; name: string };
  /** Tenant ids whose activities are handled (ALLOWED_TENANTS); empty means any tenant. */
  allowedTenants: string[];
  /** How many slips and nominations one person may send in an hour (SLIP_RATE_LIMIT_PER_HOUR). */
  slipRateLimitPerHour: number;
  /** Bearer secret an external scheduler sends to POST /api/jobs/digest (JOBS_SECRET); undefined turns the endpoint off. */
  jobsSecret?: string;
}

export interface SsoConfig {
  /** Accepted token audiences: the sign-in app's client id (v2 tokens) and its Application ID URI (v1). */
  audiences: string[];
  /** Where a tenant's signing keys are; `{tenant}` is replaced by the token's tenant id. */
  keysUrl: string;
  /** When not empty, only tokens from these tenants are accepted. */
  allowedTenants: string[];
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
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
    throw new ConfigError(
      'MicrosoftAppId',
      "is not set. Set it to the bot's app id, or set LOCAL_MODE=true to run locally without authentication",
    );
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
    if (!/^https?:\/\/\S+$/.test(accountUrl))
      throw new ConfigError('STORAGE_ACCOUNT_URL', 'must be a URL such as https://<account>.table.core.windows.net');
    storage = { kind: 'accountUrl', accountUrl, tablePrefix };
  } else {
    throw new ConfigError(
      'STORAGE_CONNECTION_STRING',
      'is not set (nor STORAGE_ACCOUNT_URL). Set one of them; `npm start` sets it for you when it starts Azurite',
    );
  }

  const firstLeadIds = [
    ...new Set(
      (read(env, 'FIRST_LEAD_IDS') ?? '')
        .split(',')
        .map((id) => id.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  const notIds = firstLeadIds.filter((id) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id));
  if (notIds.length)
    throw new ConfigError(
      'FIRST_LEAD_IDS',
      `expected Entra object ids (such as 8948d2ec-5a7e-4a13-a211-1d4406320a2b) separated by commas, got "${notIds[0]}"`,
    );

  const timeZone = read(env, 'TIME_ZONE') ?? 'Europe/London';
  if (!validTimeZone(timeZone)) throw new ConfigError('TIME_ZONE', `"${timeZone}" is not a time zone name such as Europe/London`);

  const port = int(env, 'PORT', 3978, 0, 65535);
  const publicUrl = (read(env, 'PUBLIC_URL') ?? '').replace(/\/+$/, '');
  if (!publicUrl && !localMode)
    throw new ConfigError(
      'PUBLIC_URL',
      'is not set. Set it to the https address of this service, for example https://valued.example.nhs.uk',
    );
  if (publicUrl && !/^https?:\/\/[^\s/]+(\/\S*)?$/.test(publicUrl))
    throw new ConfigError('PUBLIC_URL', `"${publicUrl}" is not a web address`);
  // Locally a fresh secret each run is fine: links only need to last while the bot runs.
  const linkSecret = read(env, 'LINK_SECRET') ?? (localMode ? randomBytes(32).toString('base64url') : '');
  if (linkSecret.length < 32)
    throw new ConfigError('LINK_SECRET', 'must be set to a random value of at least 32 characters (for example: openssl rand -base64 48)');

  const sso = readSso(env);
  const devUserId = read(env, 'DEV_USER_ID')?.toLowerCase();
  if (devUserId && !localMode)
    throw new ConfigError(
      'DEV_USER_ID',
      'is only allowed with LOCAL_MODE=true: outside local mode people are always identified by Teams single sign-on',
    );
  if (devUserId && !GUID.test(devUserId))
    throw new ConfigError('DEV_USER_ID', `expected an Entra object id such as 8948d2ec-5a7e-4a13-a211-1d4406320a2b, got "${devUserId}"`);

  const openIdMetadataUrl = read(env, 'BOT_OPENID_METADATA_URL');
  // Plain http only on this machine (tests); anywhere else the signing keys must come over https.
  if (openIdMetadataUrl && !/^(https:\/\/\S+|http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/\S*)$/.test(openIdMetadataUrl)) {
    throw new ConfigError(
      'BOT_OPENID_METADATA_URL',
      `must be an https address of an OpenID configuration document, got "${openIdMetadataUrl}"`,
    );
  }
  const allowedTenants = [
    ...new Set(
      (read(env, 'ALLOWED_TENANTS') ?? '')
        .split(',')
        .map((t) => t.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  const badAllowedTenant = allowedTenants.find((t) => !GUID.test(t));
  if (badAllowedTenant)
    throw new ConfigError('ALLOWED_TENANTS', `expected tenant ids (GUIDs) separated by commas, got "${badAllowedTenant}"`);
  const jobsSecret = read(env, 'JOBS_SECRET');
  if (jobsSecret !== undefined && jobsSecret.length < 32)
    throw new ConfigError(
      'JOBS_SECRET',
      'must be a random value of at least 32 characters (for example: openssl rand -base64 48), or left unset to turn the jobs endpoint off',
    );

  return {
    localMode,
    host: read(env, 'HOST') ?? (localMode ? '127.0.0.1' : '0.0.0.0'),
    port,
    bot: { appId, appPassword, appType, tenantId, ...(openIdMetadataUrl ? { openIdMetadataUrl } : {}) },
    storage,
    log: {
      level: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
      format: oneOf(env, 'LOG_FORMAT', ['json', 'pretty'] as const, localMode ? 'pretty' : 'json'),
    },
    timeZone,
    dedupeHours: int(env, 'DEDUPE_HOURS', 24, 1, 24 * 14),
    firstLeadIds,
    publicUrl,
    linkSecret,
    sso,
    devUser: devUserId ? { id: devUserId, name: read(env, 'DEV_USER_NAME') ?? 'Local test user' } : undefined,
    allowedTenants,
    slipRateLimitPerHour: int(env, 'SLIP_RATE_LIMIT_PER_HOUR', 30, 1, 1000),
    ...(jobsSecret ? { jobsSecret } : {}),
  };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// SSO_CLIENT_ID falls back to AAD_APP_CLIENT_ID, which the Azure templates already set.
function readSso(env: Env): SsoConfig | undefined {
  const clientId = (read(env, 'SSO_CLIENT_ID') ?? read(env, 'AAD_APP_CLIENT_ID'))?.toLowerCase();
  const audience = read(env, 'SSO_AUDIENCE');
  if (clientId && !GUID.test(clientId))
    throw new ConfigError('SSO_CLIENT_ID', `expected the sign-in app's client id (a GUID), got "${clientId}"`);
  if (audience && !/^(api:\/\/\S+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.test(audience)) {
    throw new ConfigError(
      'SSO_AUDIENCE',
      `expected the sign-in app's Application ID URI, such as api://valued.example.nhs.uk/botid-<bot id>, got "${audience}"`,
    );
  }
  if (audience && !clientId) throw new ConfigError('SSO_CLIENT_ID', 'is required when SSO_AUDIENCE is set');
  const keysUrl = read(env, 'SSO_KEYS_URL') ?? 'https://login.microsoftonline.com/{tenant}/discovery/v2.0/keys';
  // Plain http only for a key endpoint on this machine (tests); anywhere else keys must come over https.
  if (!keysUrl.includes('{tenant}') || !/^(https:\/\/\S+|http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/\S*)$/.test(keysUrl)) {
    throw new ConfigError(
      'SSO_KEYS_URL',
      `must be an https address containing {tenant}, such as https://login.microsoftonline.com/{tenant}/discovery/v2.0/keys, got "${keysUrl}"`,
    );
  }
  const allowedTenants = [
    ...new Set(
      (read(env, 'SSO_ALLOWED_TENANTS') ?? '')
        .split(',')
        .map((t) => t.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  const badTenant = allowedTenants.find((t) => !GUID.test(t));
  if (badTenant) throw new ConfigError('SSO_ALLOWED_TENANTS', `expected tenant ids (GUIDs) separated by commas, got "${badTenant}"`);
  if (!clientId) return undefined;
  return { audiences: [clientId, ...(audience ? [audience] : [])], keysUrl, allowedTenants };
}
