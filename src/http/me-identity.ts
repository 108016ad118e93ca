// Who is asking for "my" recognition. The answer comes only from a checked Teams SSO token
// (its `oid`), or, in local mode with no token at all, from the development identity. A token
// that is presented is always fully checked, even locally; nothing in the URL is ever trusted.
import type { Config } from '../config';
import type { SsoTokenValidator } from './sso-token';

export interface Caller {
  personId: string;
  name: string;
  via: 'sso' | 'dev';
}

export type CallerCheck = { ok: true; caller: Caller } | { ok: false; message: string; reason: string };

export const NOT_IN_TEAMS = 'Please open My recognition from Valued in Microsoft Teams, so we know it’s you.';
export const NOT_CONFIRMED =
  'We couldn’t confirm it’s you, so your recognition isn’t shown. Please close the tab and open it again. If this keeps happening, let your IT team know.';
export const SSO_NOT_SET_UP =
  'Sign-in for Valued isn’t set up yet, so your recognition can’t be shown here. Your IT team can turn it on. Meanwhile, type “my recognition” in your chat with Valued.';

export class CallerIdentity {
  constructor(
    private readonly validator: SsoTokenValidator | undefined,
    private readonly config: Pick<Config, 'localMode' | 'devUser'>,
  ) {}

  async identify(authorization: string | undefined): Promise<CallerCheck> {
    if (authorization === undefined || authorization === '') {
      const dev = this.config.localMode ? this.config.devUser : undefined;
      if (dev) return { ok: true, caller: { personId: dev.id, name: dev.name, via: 'dev' } };
      return { ok: false, message: NOT_IN_TEAMS, reason: 'no token' };
    }
    const m = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!m) return { ok: false, message: NOT_CONFIRMED, reason: 'not a bearer token' };
    if (!this.validator) return { ok: false, message: SSO_NOT_SET_UP, reason: 'sso not configured' };
    const result = await this.validator.verify(m[1]);
    if (!result.ok) return { ok: false, message: NOT_CONFIRMED, reason: result.reason };
    return { ok: true, caller: { personId: result.identity.personId, name: result.identity.name, via: 'sso' } };
  }
}
