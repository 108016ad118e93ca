import { ConfigError, readEnvOptions } from '../../src/config';

const storage = { STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' };

test('local mode without an app id starts, with pretty logs on loopback', () => {
  const c = readEnvOptions({ LOCAL_MODE: 'true', ...storage });
  expect(c.localMode).toBe(true);
  expect(c.bot.appId).toBe('');
  expect(c.host).toBe('127.0.0.1');
  expect(c.log.format).toBe('pretty');
  expect(c.port).toBe(3978);
});

test('without an app id and without local mode, start-up stops and names MicrosoftAppId', () => {
  expect(() => readEnvOptions({ ...storage })).toThrow(ConfigError);
  expect(() => readEnvOptions({ ...storage })).toThrow(/MicrosoftAppId.*LOCAL_MODE=true/);
});

test.each([
  [{ PORT: 'eighty' }, /PORT/],
  [{ PORT: '70000' }, /PORT/],
  [{ LOCAL_MODE: 'perhaps' }, /LOCAL_MODE/],
  [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
  [{ LOG_FORMAT: 'xml' }, /LOG_FORMAT/],
  [{ TIME_ZONE: 'Mars/Olympus' }, /TIME_ZONE/],
  [{ TABLE_PREFIX: '1bad-prefix' }, /TABLE_PREFIX/],
  [{ MicrosoftAppType: 'Sometimes' }, /MicrosoftAppType/],
])('a malformed value stops start-up naming the variable: %j', (bad, name) => {
  expect(() => readEnvOptions({ LOCAL_MODE: 'true', ...storage, ...bad })).toThrow(name);
});

test('no storage configured names the variable to set', () => {
  expect(() => readEnvOptions({ LOCAL_MODE: 'true' })).toThrow(/STORAGE_CONNECTION_STRING/);
  expect(() => readEnvOptions({ LOCAL_MODE: 'true', STORAGE_ACCOUNT_URL: 'not a url' })).toThrow(/STORAGE_ACCOUNT_URL/);
});

test('production with a managed identity needs the tenant but no password, and logs JSON', () => {
  const env = {
    MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
    MicrosoftAppType: 'UserAssignedMSI',
    STORAGE_ACCOUNT_URL: 'https://acct.table.core.windows.net',
    PUBLIC_URL: 'https://valued.example.org/',
    LINK_SECRET: 'x'.repeat(40),
  };
  expect(() => readEnvOptions(env)).toThrow(/MicrosoftAppTenantId/);
  const c = readEnvOptions({ ...env, MicrosoftAppTenantId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' });
  expect(c.storage).toEqual({ kind: 'accountUrl', accountUrl: 'https://acct.table.core.windows.net', tablePrefix: 'valued' });
  expect(c.log.format).toBe('json');
  expect(c.host).toBe('0.0.0.0');
  expect(c.publicUrl).toBe('https://valued.example.org');
});

test('outside local mode, links need PUBLIC_URL and a long LINK_SECRET', () => {
  const env = { MicrosoftAppId: 'a', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 't', ...storage };
  expect(() => readEnvOptions(env)).toThrow(/PUBLIC_URL/);
  expect(() => readEnvOptions({ ...env, PUBLIC_URL: 'https://v.example' })).toThrow(/LINK_SECRET/);
  expect(() => readEnvOptions({ ...env, PUBLIC_URL: 'https://v.example', LINK_SECRET: 'short' })).toThrow(/LINK_SECRET/);
  expect(readEnvOptions({ LOCAL_MODE: 'true', ...storage }).linkSecret.length).toBeGreaterThanOrEqual(32);
});

test('a multi-tenant app id needs its password', () => {
  expect(() => readEnvOptions({ MicrosoftAppId: 'x', ...storage })).toThrow(/MicrosoftAppPassword/);
});

test('tenant allow-list, hourly sending limit and the Bot Framework metadata address are read and checked', () => {
  const c = readEnvOptions({
    LOCAL_MODE: 'true',
    ...storage,
    ALLOWED_TENANTS: ' 72F988BF-0000-4000-8000-00000000A001 ,, ',
    SLIP_RATE_LIMIT_PER_HOUR: '5',
    BOT_OPENID_METADATA_URL: 'http://127.0.0.1:4000/v1/.well-known/openidconfiguration',
  });
  expect(c.allowedTenants).toEqual(['72f988bf-0000-4000-8000-00000000a001']);
  expect(c.slipRateLimitPerHour).toBe(5);
  expect(c.bot.openIdMetadataUrl).toBe('http://127.0.0.1:4000/v1/.well-known/openidconfiguration');
  const d = readEnvOptions({ LOCAL_MODE: 'true', ...storage });
  expect(d.allowedTenants).toEqual([]);
  expect(d.slipRateLimitPerHour).toBe(30);
  expect(d.bot.openIdMetadataUrl).toBeUndefined();
  for (const [bad, name] of [
    [{ ALLOWED_TENANTS: 'contoso.onmicrosoft.com' }, /ALLOWED_TENANTS/],
    [{ SLIP_RATE_LIMIT_PER_HOUR: '0' }, /SLIP_RATE_LIMIT_PER_HOUR/],
    [{ SLIP_RATE_LIMIT_PER_HOUR: '1001' }, /SLIP_RATE_LIMIT_PER_HOUR/],
    [{ BOT_OPENID_METADATA_URL: 'http://keys.example.com/openid' }, /BOT_OPENID_METADATA_URL/],
  ] as const) {
    expect(() => readEnvOptions({ LOCAL_MODE: 'true', ...storage, ...bad })).toThrow(name);
  }
});

test('JOBS_SECRET is optional, and at least 32 characters when given', () => {
  expect(readEnvOptions({ LOCAL_MODE: 'true', ...storage }).jobsSecret).toBeUndefined();
  expect(readEnvOptions({ LOCAL_MODE: 'true', ...storage, JOBS_SECRET: '  ' }).jobsSecret).toBeUndefined();
  const secret = 'j'.repeat(32);
  expect(readEnvOptions({ LOCAL_MODE: 'true', ...storage, JOBS_SECRET: ` ${secret} ` }).jobsSecret).toBe(secret);
  expect(() => readEnvOptions({ LOCAL_MODE: 'true', ...storage, JOBS_SECRET: 'j'.repeat(31) })).toThrow(
    /JOBS_SECRET.*at least 32 characters/,
  );
});
