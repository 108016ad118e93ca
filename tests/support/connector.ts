// A local stand-in for the Bot Framework connector service. The bot is given this server's URL
// as `serviceUrl`, so every reply, card update and proactive message it sends lands here.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  path: string;
  conversationId: string;
  /** The activity id in the path: what was replied to (POST) or updated (PUT). */
  activityId?: string;
  body: any;
  /** The id the connector gave this activity. */
  id: string;
}

export type Fault = { status: number; retryAfter?: string; times: number; match?: (r: { method: string; path: string }) => boolean };

export class LocalConnector {
  readonly requests: Recorded[] = [];
  private server?: http.Server;
  private seq = 0;
  private waiters: Array<() => void> = [];
  private faults: Fault[] = [];
  members: Array<{ id: string; name: string; aadObjectId: string; userPrincipalName?: string; tenantId?: string }> = [];
  /** Members of a team by team id, served as Teams does: paged, with a continuation token. When unset, `members`. */
  teamMembers: Record<string, Array<{ id: string; name: string; aadObjectId: string; tenantId?: string }>> = {};
  /** Every members look-up (GET), to count how often a roster was read. */
  readonly memberReads: Array<{ conversationId: string; pageSize?: number; continuationToken?: string; memberId?: string }> = [];
  /** Answers POST /v3/conversations (starting a 1:1 chat) with this status instead, when set. */
  refuseNewConversations?: number;
  /** Team details the connector knows (GET /v3/teams/{id}), by team id. */
  teams: Record<string, string> = {};
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => this.server?.close(() => r()));
  }

  /** Answer the next `times` matching requests with an error status (for retry tests). */
  failNext(fault: Fault): void {
    this.faults.push(fault);
  }

  clear(): void {
    this.requests.length = 0;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const method = req.method ?? 'GET';
      const path = decodeURIComponent((req.url ?? '').split('?')[0]);
      const fault = this.faults.find((f) => f.times > 0 && (!f.match || f.match({ method, path })));
      if (fault) {
        fault.times--;
        res.writeHead(fault.status, {
          'content-type': 'application/json',
          ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}),
        });
        res.end(JSON.stringify({ error: { code: 'Fault', message: 'injected' } }));
        return;
      }
      const body = raw ? JSON.parse(raw) : undefined;
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      const m = path.match(/^\/v3\/conversations\/([^/]+)(?:\/activities(?:\/([^/]+))?)?(\/members|\/pagedmembers)?/);
      if (method === 'POST' && path === '/v3/conversations') {
        if (this.refuseNewConversations) {
          this.record({ method, path, conversationId: '', body, id: '' });
          return send(this.refuseNewConversations, {
            error: { code: 'ConversationBlockedByUser', message: 'User blocked the conversation with the bot.' },
          });
        }
        // Teams gives the same 1:1 chat for the same person and bot every time.
        const member = body?.members?.[0]?.id ?? '';
        const id = member ? `a:personal-${member}` : `a:conv-${++this.seq}`;
        ++this.seq;
        this.record({ method, path, conversationId: id, body, id });
        return send(200, { id, activityId: body?.activity ? `act-${this.seq}` : undefined });
      }
      const team = path.match(/^\/v3\/teams\/([^/]+)$/);
      if (team && method === 'GET') {
        const name = this.teams[team[1]];
        return name
          ? send(200, { id: team[1], name, aadGroupId: '0b0d6a5e-1111-4a5e-9a7b-000000000001' })
          : send(404, { error: { code: 'NotFound', message: 'team' } });
      }
      const single = path.match(/^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/);
      if (single && method === 'GET') {
        this.memberReads.push({ conversationId: single[1], memberId: single[2] });
        const found = this.membersOf(single[1]).find((x) => x.id === single[2] || x.aadObjectId === single[2]);
        return found ? send(200, found) : send(404, { error: { code: 'MemberNotFoundInConversation', message: 'not a member' } });
      }
      if (m && m[3]) {
        const query = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
        const all = this.membersOf(m[1]);
        if (m[3] === '/members') return send(200, all);
        // Paged as Teams pages: `pageSize` at a time, the token saying where the next page starts.
        const pageSize = Math.min(500, Math.max(1, Number(query.get('pageSize')) || 200));
        const token = query.get('continuationToken') ?? undefined;
        this.memberReads.push({ conversationId: m[1], pageSize, continuationToken: token });
        const start = token ? Number(token.replace('page-', '')) : 0;
        const page = all.slice(start, start + pageSize);
        const next = start + pageSize < all.length ? `page-${start + pageSize}` : undefined;
        return send(200, { members: page, ...(next ? { continuationToken: next } : {}) });
      }
      if (m && (method === 'POST' || method === 'PUT')) {
        const id = method === 'PUT' ? (m[2] ?? '') : `act-${++this.seq}`;
        this.record({ method, path, conversationId: m[1], activityId: m[2], body, id });
        return send(200, { id });
      }
      if (m && method === 'DELETE') return send(200, {});
      send(404, { error: { code: 'NotFound', message: path } });
    });
  }

  private membersOf(conversationId: string) {
    return this.teamMembers[conversationId] ?? this.members;
  }

  /** The 1:1 chats the bot started (POST /v3/conversations). */
  conversationsStarted(): Recorded[] {
    return this.requests.filter((r) => r.method === 'POST' && r.path === '/v3/conversations');
  }

  private record(r: Recorded): void {
    this.requests.push(r);
    const w = this.waiters;
    this.waiters = [];
    w.forEach((f) => f());
  }

  /** Activities sent (POST) to a conversation, in order. */
  sent(conversationId?: string): Recorded[] {
    return this.requests.filter(
      (r) => r.method === 'POST' && r.path !== '/v3/conversations' && (!conversationId || r.conversationId === conversationId),
    );
  }

  /** The content of the last card sent to a conversation. */
  lastCard(conversationId: string): any {
    return this.sent(conversationId)
      .filter((r) => r.body.attachments?.length)
      .at(-1)?.body.attachments[0].content;
  }

  updates(): Recorded[] {
    return this.requests.filter((r) => r.method === 'PUT');
  }

  /** Waits until `predicate` holds over what has been recorded. */
  async waitFor(predicate: (requests: Recorded[]) => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.requests)) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `connector: condition not met within ${timeoutMs} ms; saw ${JSON.stringify(this.requests.map((r) => `${r.method} ${r.path}`))}`,
        );
      await new Promise<void>((r) => {
        const t = setTimeout(r, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  }
}

/** Every text a card or message carries, flattened: for asserting on what a person would read. */
export function textOf(activity: any): string {
  const parts: string[] = [];
  const walk = (n: any) => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(walk);
    for (const [k, v] of Object.entries(n)) {
      if (typeof v === 'string' && ['text', 'title', 'value', 'label', 'placeholder', 'errorMessage'].includes(k)) parts.push(v);
      else walk(v);
    }
  };
  if (typeof activity?.text === 'string') parts.push(activity.text);
  walk(activity?.attachments);
  return parts.join('\n');
}
