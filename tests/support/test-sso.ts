// A stand-in for Entra ID's signing keys: a locally generated RSA key pair whose public half is
// served as a JWKS on a local port (SSO_KEYS_URL points at it), and a way to mint tokens the
// way Teams SSO does. Tests exercise the real token check; nothing is switched off.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type JWTPayload, type KeyLike } from 'jose';

export const TENANT = '6325792c-ff72-4a88-a65c-8b016953f193';
export const CLIENT_ID = '0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b';
export const APP_ID_URI = `api://valued.example.nhs.uk/botid-${CLIENT_ID}`;
export const KID = 'test-key-1';

export interface TestSso {
  /** SSO_KEYS_URL for the app under test. */
  keysUrl: string;
  /** How many times the key set was fetched. */
  fetches: number;
  /** A token as Teams would issue it for this person (v2 issuer, client-id audience), changed by `claims`/`options`. */
  mint(
    oid: string,
    claims?: JWTPayload,
    options?: { kid?: string; key?: KeyLike; issuer?: string; audience?: string; expiresIn?: string | number; notBefore?: string | number },
  ): Promise<string>;
  /** Another key pair, never published: tokens signed with it must fail. */
  strangerKey: KeyLike;
  stop(): Promise<void>;
}

export async function startTestSso(): Promise<TestSso> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const stranger = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: KID, use: 'sig', alg: 'RS256' };
  const state = { fetches: 0 };
  const server = http.createServer((req, res) => {
    if (!/^\/[0-9a-f-]{36}\/discovery\/v2\.0\/keys$/.test(req.url ?? '')) {
      res.writeHead(404);
      res.end();
      return;
    }
    state.fetches++;
    // Separate calls: restify's HTTP patching makes writeHead return nothing.
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    keysUrl: `http://127.0.0.1:${port}/{tenant}/discovery/v2.0/keys`,
    get fetches() {
      return state.fetches;
    },
    strangerKey: stranger.privateKey,
    async mint(oid, claims = {}, options = {}) {
      const tid = typeof claims.tid === 'string' ? claims.tid : TENANT;
      const jwt = new SignJWT({ oid, tid, name: 'Test Person', ver: '2.0', scp: 'access_as_user', ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? KID, typ: 'JWT' })
        .setIssuer(options.issuer ?? `https://login.microsoftonline.com/${tid}/v2.0`)
        .setAudience(options.audience ?? CLIENT_ID)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '1h');
      if (options.notBefore !== undefined) jwt.setNotBefore(options.notBefore);
      return jwt.sign(options.key ?? privateKey);
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
