// Checks the Teams single sign-on token the personal tab sends. Everything a token claims is
// checked before it is believed: signature against the tenant's published keys, issuer (v2 and
// v1 forms, for the token's own tenant), audience (our sign-in app), expiry and not-before.
// The only identity taken from it is `oid`, the person's Entra object id.
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { SsoConfig } from '../config';

export interface SsoIdentity {
  personId: string;
  name: string;
  tenantId: string;
}

export type SsoResult = { ok: true; identity: SsoIdentity } | { ok: false; reason: string };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Each tenant's key set is cached (jose refetches on an unknown key id, at most every 30 s).
// Bounded, so tokens naming made-up tenants cannot grow it without limit.
const MAX_TENANTS = 50;

export class SsoTokenValidator {
  private readonly keySets = new Map<string, JWTVerifyGetKey>();

  constructor(
    private readonly config: SsoConfig,
    private readonly clockToleranceSeconds = 60,
  ) {}

  private keysFor(tenantId: string): JWTVerifyGetKey {
    let keys = this.keySets.get(tenantId);
    if (!keys) {
      if (this.keySets.size >= MAX_TENANTS) this.keySets.clear();
      keys = createRemoteJWKSet(new URL(this.config.keysUrl.replace('{tenant}', tenantId)), {
        timeoutDuration: 5000,
        cooldownDuration: 30_000,
      });
      this.keySets.set(tenantId, keys);
    }
    return keys;
  }

  async verify(token: string): Promise<SsoResult> {
    if (token.length > 8000) return { ok: false, reason: 'token too long' };
    let tenantId: string;
    try {
      // Only to learn which tenant's keys and issuer to check against; nothing is trusted yet.
      const header = decodeProtectedHeader(token);
      if (header.alg !== 'RS256') return { ok: false, reason: `algorithm ${String(header.alg)} not accepted` };
      tenantId = String(decodeJwt(token).tid ?? '').toLowerCase();
    } catch {
      return { ok: false, reason: 'not a token' };
    }
    if (!GUID.test(tenantId)) return { ok: false, reason: 'no tenant id' };
    if (this.config.allowedTenants.length && !this.config.allowedTenants.includes(tenantId))
      return { ok: false, reason: 'tenant not allowed' };
    try {
      const { payload } = await jwtVerify(token, this.keysFor(tenantId), {
        algorithms: ['RS256'],
        issuer: [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`],
        audience: this.config.audiences,
        clockTolerance: this.clockToleranceSeconds,
        requiredClaims: ['exp', 'oid', 'tid'],
      });
      const personId = String(payload.oid).toLowerCase();
      // The signed tid must be the one whose keys and issuer we used.
      if (!GUID.test(personId) || String(payload.tid).toLowerCase() !== tenantId) return { ok: false, reason: 'bad oid or tid' };
      return { ok: true, identity: { personId, tenantId, name: typeof payload.name === 'string' ? payload.name : '' } };
    } catch (e) {
      return { ok: false, reason: e instanceof errors.JOSEError ? e.code : (e as Error).message };
    }
  }
}
