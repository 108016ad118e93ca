// Inbound Bot Framework authentication over real HTTP, outside local mode. The Bot Framework's
// OpenID metadata and signing keys are served by a tiny local server, and tokens are signed here
// with a locally generated RSA key, so the real check runs end to end (it is never switched off).
// Only activities whose handling needs no outbound call are posted (there is no internet here).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type KeyLike } from 'jose';
import { startHarness, type Harness } from '../support/harness';
import { TENANT, people } from '../support/teams';

const APP_ID = '6e1c4f2a-3b5d-4c7e-8f90-123456789abc';
const STRANGER = '0badc0de-0000-4000-8000-00000000beef';
let h: Harness;
let keyServer: http.Server;
let signingKey: KeyLike;
let otherKey: KeyLike;
let keyRequests = 0;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  signingKey = pair.privateKey;
  otherKey = (await generateKeyPair('RS256')).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'test-key-1', use: 'sig', alg: 'RS256', endorsements: ['msteams'] };
  keyServer = http.createServer((req, res) => {
    keyRequests++;
    const base = `http://127.0.0.1:${(keyServer.address() as AddressInfo).port}`;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/v1/.well-known/openidconfiguration')
      res.end(
        JSON.stringify({
          issuer: 'https://api.botframework.com',
          jwks_uri: `${base}/v1/.well-known/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
        }),
      );
    else if (req.url === '/v1/.well-known/keys') res.end(JSON.stringify({ keys: [jwk] }));
    else res.writeHead(404).end('{}');
  });
  await new Promise<void>((r) => keyServer.listen(0, '127.0.0.1', r));
  const metadata = `http://127.0.0.1:${(keyServer.address() as AddressInfo).port}/v1/.well-known/openidconfiguration`;
  h = await startHarness({
    LOCAL_MODE: 'false',
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'not-a-real-password',
    MicrosoftAppType: 'MultiTenant',
    PUBLIC_URL: 'https://valued.example.nhs.uk',
    LINK_SECRET: 'a-test-link-secret-that-is-long-enough-0123456789',
    BOT_OPENID_METADATA_URL: metadata,
    ALLOWED_TENANTS: TENANT,
  });
});
afterAll(async () => {
  await h?.stop();
  await new Promise((r) => keyServer.close(r));
});

/** A typing activity: handled without any outbound call. From a stranger tenant it leaves a warning, which proves the turn ran. */
function typing(tenantId = TENANT) {
  return {
    type: 'typing',
    id: `f:${Math.random().toString(36).slice(2)}`,
    channelId: 'msteams',
    serviceUrl: h.serviceUrl,
    from: { id: people.amara.id, name: people.amara.name, aadObjectId: people.amara.aadObjectId },
    recipient: { id: `28:${APP_ID}`, name: 'Valued' },
    conversation: { id: 'a:1personal-chat', conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
  };
}

async function token(
  claims: { aud?: string; iss?: string; serviceurl?: string; exp?: string; kid?: string } = {},
  key: KeyLike = signingKey,
): Promise<string> {
  return new SignJWT({ serviceurl: claims.serviceurl ?? h.serviceUrl })
    .setProtectedHeader({ alg: 'RS256', kid: claims.kid ?? 'test-key-1', typ: 'JWT' })
    .setIssuer(claims.iss ?? 'https://api.botframework.com')
    .setAudience(claims.aud ?? APP_ID)
    .setIssuedAt()
    .setNotBefore('1 minute ago')
    .setExpirationTime(claims.exp ?? '10 minutes')
    .sign(key);
}

async function post(activity: unknown, authorization?: string): Promise<number> {
  const res = await fetch(`${h.valued.http.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(activity),
    signal: AbortSignal.timeout(10_000),
  });
  await res.text();
  return res.status;
}

const refusalsLogged = () => h.logs.entries.filter((e) => e.msg === 'request refused: Bot Framework authentication failed').length;
const turnsRan = (tenantId: string) => h.logs.entries.filter((e) => e.level === 'warn' && e.data?.tenantId === tenantId).length;

test('a request with a valid Bot Framework token is processed', async () => {
  expect(await post(typing(), `Bearer ${await token()}`)).toBe(200);
  const before = turnsRan(STRANGER);
  expect(await post(typing(STRANGER), `Bearer ${await token()}`)).toBe(200);
  expect(turnsRan(STRANGER)).toBe(before + 1);
  expect(keyRequests).toBeGreaterThanOrEqual(2);
}, 15_000);

test.each([
  ['no token at all', async () => undefined],
  ['a token that is not a JWT', async () => 'Bearer not-a-token'],
  ['a token for another app', async () => `Bearer ${await token({ aud: '11111111-2222-4333-8444-555555555555' })}`],
  ['a token from another issuer', async () => `Bearer ${await token({ iss: 'https://sts.example.com' })}`],
  ['a token for another serviceUrl', async () => `Bearer ${await token({ serviceurl: 'https://smba.example.com/' })}`],
  ['an expired token', async () => `Bearer ${await token({ exp: '5 minutes ago' })}`],
])(
  '%s gets 401 and the turn never runs',
  async (_name, auth) => {
    const before = turnsRan(STRANGER);
    const refusals = refusalsLogged();
    expect(await post(typing(STRANGER), await auth())).toBe(401);
    expect(turnsRan(STRANGER)).toBe(before);
    expect(refusalsLogged()).toBe(refusals + 1);
  },
  15_000,
);

// botbuilder's adapter alone answers a bad signature with 500 (the JWT library's error is not an
// AuthenticationError); the check in front of it makes every refusal a 401.
test('a token signed with a key the Bot Framework never published gets 401 and the turn never runs', async () => {
  const before = turnsRan(STRANGER);
  const refusals = refusalsLogged();
  expect(await post(typing(STRANGER), `Bearer ${await token({}, otherKey)}`)).toBe(401);
  expect(turnsRan(STRANGER)).toBe(before);
  expect(refusalsLogged()).toBe(refusals + 1);
}, 15_000);

test('a token whose key id is not in the published keys gets 401', async () => {
  const before = turnsRan(STRANGER);
  expect(await post(typing(STRANGER), `Bearer ${await token({ kid: 'unknown-key' }, otherKey)}`)).toBe(401);
  expect(turnsRan(STRANGER)).toBe(before);
}, 15_000);

test('an unsigned token (alg "none") gets 401', async () => {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${enc({ alg: 'none', typ: 'JWT', kid: 'test-key-1' })}.${enc({ iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: h.serviceUrl, iat: now, nbf: now - 60, exp: now + 600 })}.`;
  const before = turnsRan(STRANGER);
  expect(await post(typing(STRANGER), `Bearer ${unsigned}`)).toBe(401);
  expect(turnsRan(STRANGER)).toBe(before);
}, 15_000);

test('a refusal is logged with the reason and never the token', async () => {
  const bad = await token({}, otherKey);
  await post(typing(STRANGER), `Bearer ${bad}`);
  const entry = h.logs.entries.filter((e) => e.msg === 'request refused: Bot Framework authentication failed').pop();
  expect(entry?.level).toBe('warn');
  expect(String(entry?.data?.reason)).toMatch(/signature/i);
  expect(JSON.stringify(h.logs.entries)).not.toContain(bad.split('.')[2]);
}, 15_000);

describe('local mode without an app id', () => {
  let local: Harness;
  beforeAll(async () => {
    local = await startHarness();
  });
  afterAll(async () => {
    await local?.stop();
  });

  test('still accepts a request with no token at all', async () => {
    expect(local.valued.http.url).not.toBe(h.valued.http.url);
    const res = await fetch(`${local.valued.http.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...typing(STRANGER), serviceUrl: local.serviceUrl }),
      signal: AbortSignal.timeout(10_000),
    });
    await res.text();
    expect(res.status).toBe(200);
    expect(local.logs.entries.some((e) => e.msg === 'request refused: Bot Framework authentication failed')).toBe(false);
  }, 15_000);
});

describe('when the Bot Framework’s signing keys cannot be fetched', () => {
  let down: Harness;
  let brokenServer: http.Server;
  let healthy = false;

  beforeAll(async () => {
    // Its own metadata address, so no keys are cached for it; it fails until `healthy`.
    const jwk = {
      ...(await exportJWK((await generateKeyPair('RS256')).publicKey)),
      kid: 'other',
      use: 'sig',
      alg: 'RS256',
      endorsements: ['msteams'],
    };
    brokenServer = http.createServer((req, res) => {
      const base = `http://127.0.0.1:${(brokenServer.address() as AddressInfo).port}`;
      if (!healthy) {
        // (restify, loaded in this process, changes what writeHead returns, so no chaining.)
        res.statusCode = 503;
        return void res.end('{}');
      }
      res.setHeader('content-type', 'application/json');
      if (req.url === '/v1/.well-known/openidconfiguration')
        res.end(
          JSON.stringify({
            issuer: 'https://api.botframework.com',
            jwks_uri: `${base}/v1/.well-known/keys`,
            id_token_signing_alg_values_supported: ['RS256'],
          }),
        );
      else res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((r) => brokenServer.listen(0, '127.0.0.1', r));
    down = await startHarness({
      LOCAL_MODE: 'false',
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-a-real-password',
      MicrosoftAppType: 'MultiTenant',
      PUBLIC_URL: 'https://valued.example.nhs.uk',
      LINK_SECRET: 'a-test-link-secret-that-is-long-enough-0123456789',
      BOT_OPENID_METADATA_URL: `http://127.0.0.1:${(brokenServer.address() as AddressInfo).port}/v1/.well-known/openidconfiguration`,
    });
  });
  const postSigned = async () => {
    const res = await fetch(`${down.valued.http.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await token({}, signingKey)}` },
      body: JSON.stringify({ ...typing(), serviceUrl: down.serviceUrl }),
      signal: AbortSignal.timeout(10_000),
    });
    await res.text();
    return res;
  };
  afterAll(async () => {
    brokenServer.closeAllConnections();
    await down?.stop();
    await new Promise((r) => brokenServer.close(r));
  });

  test('the request gets 503 with Retry-After (so Teams sends it again), not 401, and it is logged as an error', async () => {
    const res = await postSigned();
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('10');
    expect(down.logs.entries.some((e) => e.level === 'error' && e.msg.includes('signing keys could not be fetched'))).toBe(true);
    expect(down.logs.entries.some((e) => e.msg === 'request refused: Bot Framework authentication failed')).toBe(false);
  }, 15_000);

  test('once the keys can be fetched again, a token they do not cover gets 401', async () => {
    healthy = true;
    const res = await postSigned();
    expect(res.status).toBe(401);
  }, 15_000);
});
