// Links that open a person's own pages from a chat card (portfolio, CSV, data export) carry
// who and what they are for, signed with a secret and expiring. A forged, altered or expired
// link is refused; there is nothing else in the URL to trust. Digest links also carry the box
// (team and month) they open, so a lead's link to one box opens nothing else.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { BoxId } from '../domain/box';

export type LinkPurpose = 'portfolio' | 'history-csv' | 'export' | 'digest';

interface Claims {
  sub: string;
  pur: LinkPurpose;
  exp: number;
  box?: string;
}

export class LinkSigner {
  constructor(
    private readonly secret: string,
    private readonly ttlMinutes = 60,
  ) {
    if (secret.length < 32) throw new Error('the link secret must be at least 32 characters');
  }

  private mac(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }

  sign(personId: string, purpose: LinkPurpose, now: Date): string {
    return this.signClaims({ sub: personId, pur: purpose, exp: now.getTime() + this.ttlMinutes * 60_000 });
  }

  /** A link to one box's digest views for one lead; `ttlMinutes` defaults to the signer's. */
  signBox(personId: string, purpose: LinkPurpose, box: BoxId, now: Date, ttlMinutes = this.ttlMinutes): string {
    return this.signClaims({ sub: personId, pur: purpose, exp: now.getTime() + ttlMinutes * 60_000, box: `${box.teamId}|${box.month}` });
  }

  private signClaims(claims: Claims): string {
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  /** The person the link is for, or undefined when it is forged, for something else, or expired. */
  verify(token: unknown, purpose: LinkPurpose, now: Date): string | undefined {
    const claims = this.claims(token, purpose, now);
    return claims && !claims.box ? claims.sub : undefined;
  }

  /** The lead and box a digest link is for, or undefined when it is forged, for something else, or expired. */
  verifyBox(token: unknown, purpose: LinkPurpose, now: Date): ({ personId: string } & BoxId) | undefined {
    const claims = this.claims(token, purpose, now);
    if (!claims?.box) return undefined;
    const cut = claims.box.lastIndexOf('|');
    return { personId: claims.sub, teamId: claims.box.slice(0, cut), month: claims.box.slice(cut + 1) };
  }

  private claims(token: unknown, purpose: LinkPurpose, now: Date): Claims | undefined {
    if (typeof token !== 'string' || token.length > 2000) return undefined;
    const [body, mac] = token.split('.');
    if (!body || !mac) return undefined;
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Claims;
      if (claims.pur !== purpose || typeof claims.sub !== 'string' || typeof claims.exp !== 'number' || claims.exp < now.getTime())
        return undefined;
      if (claims.box !== undefined && typeof claims.box !== 'string') return undefined;
      return claims;
    } catch {
      return undefined;
    }
  }
}
