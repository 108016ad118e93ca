// Single sign-on and development-identity settings: read, checked, and named when wrong.
import { readEnvOptions } from '../../src/config';
import { parsePlaygroundUser, readPlaygroundUser } from '../../src/local/playground-user';

const base = { LOCAL_MODE: 'true', STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' };
const ID = '0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b';

test('no sign-in app configured: no SSO (the tab explains it is not set up)', () => {
  expect(readEnvOptions(base).sso).toBeUndefined();
});

test('client id and Application ID URI are both accepted audiences; keys default to Entra ID', () => {
  const c = readEnvOptions({ ...base, SSO_CLIENT_ID: ID.toUpperCase(), SSO_AUDIENCE: `api://valued.example.nhs.uk/botid-${ID}` });
  expect(c.sso).toEqual({
    audiences: [ID, `api://valued.example.nhs.uk/botid-${ID}`],
    keysUrl: 'https://login.microsoftonline.com/{tenant}/discovery/v2.0/keys',
    allowedTenants: [],
  });
});

test('SSO_CLIENT_ID falls back to AAD_APP_CLIENT_ID, which the Azure templates set', () => {
  expect(readEnvOptions({ ...base, AAD_APP_CLIENT_ID: ID }).sso?.audiences).toEqual([ID]);
});

test('tenant allow-list', () => {
  expect(readEnvOptions({ ...base, SSO_CLIENT_ID: ID, SSO_ALLOWED_TENANTS: ` ${ID} ,${ID}` }).sso?.allowedTenants).toEqual([ID]);
});

test.each([
  [{ SSO_CLIENT_ID: 'valued' }, /SSO_CLIENT_ID/],
  [{ SSO_AUDIENCE: 'api://x/botid-y' }, /SSO_CLIENT_ID: is required when SSO_AUDIENCE/],
  [{ SSO_CLIENT_ID: ID, SSO_AUDIENCE: 'https://evil.example' }, /SSO_AUDIENCE/],
  [{ SSO_CLIENT_ID: ID, SSO_KEYS_URL: 'https://login.microsoftonline.com/common/keys' }, /SSO_KEYS_URL.*\{tenant\}/],
  [{ SSO_CLIENT_ID: ID, SSO_KEYS_URL: 'http://keys.example/{tenant}/keys' }, /SSO_KEYS_URL/],
  [{ SSO_CLIENT_ID: ID, SSO_ALLOWED_TENANTS: 'contoso.onmicrosoft.com' }, /SSO_ALLOWED_TENANTS/],
  [{ DEV_USER_ID: 'amara' }, /DEV_USER_ID/],
])('a malformed value stops start-up naming the variable: %j', (bad, name) => {
  expect(() => readEnvOptions({ ...base, ...bad })).toThrow(name);
});

test('a key endpoint on this machine may be plain http (tests)', () => {
  expect(readEnvOptions({ ...base, SSO_CLIENT_ID: ID, SSO_KEYS_URL: 'http://127.0.0.1:4567/{tenant}/keys' }).sso?.keysUrl).toBe(
    'http://127.0.0.1:4567/{tenant}/keys',
  );
});

test('the development identity exists only in local mode', () => {
  expect(readEnvOptions({ ...base, DEV_USER_ID: '8948D2EC-5A7E-4A13-A211-1D4406320A2B', DEV_USER_NAME: 'Amara Okafor' }).devUser).toEqual({
    id: '8948d2ec-5a7e-4a13-a211-1d4406320a2b',
    name: 'Amara Okafor',
  });
  const production = {
    MicrosoftAppId: ID,
    MicrosoftAppType: 'UserAssignedMSI',
    MicrosoftAppTenantId: ID,
    STORAGE_ACCOUNT_URL: 'https://a.table.core.windows.net',
    PUBLIC_URL: 'https://valued.example.org',
    LINK_SECRET: 'x'.repeat(40),
  };
  expect(readEnvOptions(production).devUser).toBeUndefined();
  expect(() => readEnvOptions({ ...production, DEV_USER_ID: '8948d2ec-5a7e-4a13-a211-1d4406320a2b' })).toThrow(
    /DEV_USER_ID: is only allowed with LOCAL_MODE=true/,
  );
});

test('npm start takes the development identity from the Playground’s current user', () => {
  expect(readPlaygroundUser(`${__dirname}/../../.m365agentsplayground.yml`)).toEqual({
    aadObjectId: '8948d2ec-5a7e-4a13-a211-1d4406320a2b',
    name: 'Amara Okafor',
  });
  expect(
    parsePlaygroundUser('currentUser:\n  name: "Sam Patel"\n  aadObjectId: 1771d369-1c38-4c75-ba0d-bf8c184e7778\nusers:\n  - name: X\n'),
  ).toEqual({ aadObjectId: '1771d369-1c38-4c75-ba0d-bf8c184e7778', name: 'Sam Patel' });
  expect(parsePlaygroundUser('users: []\n')).toBeUndefined();
});
