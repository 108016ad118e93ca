// Links that open a person's own pages from a chat card (portfolio, CSV, data export) carry
// who and what they are for, signed with a secret and expiring. A forged, altered or expired
// link is refused; there is nothing else in the URL to trust.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type LinkPurpose = 'portfolio' | 'history-csv' | 'export';

interface Claims {
  sub: string;
  pur: LinkPurpose;
  exp: number;
}

export class LinkSigner {
  constructor(private readonly secret: string, private readonly ttlMinutes = 60) {
    if (secret.length < 32) throw new Error('the link secret must be at least 32 characters');
  }

  private mac(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }

  sign(personId: string, purpose: LinkPurpose, now: Date): string {
    const body = Buffer.from(JSON.stringify({ sub: personId, pur: purpose, exp: now.getTime() + this.ttlMinutes * 60_000 } satisfies Claims)).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  /** The person the link is for, or undefined when it is forged, for something else, or expired. */
  verify(token: unknown, purpose: LinkPurpose, now: Date): string | undefined {
    if (typeof token !== 'string' || token.length > 2000) return undefined;
    const [body, mac] = token.split('.');
    if (!body || !mac) return undefined;
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Claims;
      if (claims.pur !== purpose || typeof claims.sub !== 'string' || typeof claims.exp !== 'number' || claims.exp < now.getTime()) return undefined;
      return claims.sub;
    } catch {
      return undefined;
    }
  }
}
