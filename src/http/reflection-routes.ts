// The JSON API for tags and reflections in the personal tab, and the portfolio CSV grouped by
// value or by framework domain. The API knows the person only from the Teams SSO token (as
// every /api/me route does); the CSV only from its signed link. A request naming anyone else
// (?personId=) is refused by AccessPolicy.requireSelf, and a slip the caller did not receive by
// ReflectionService: a person's notes can never be read or written by anyone but them.
//   GET /api/me/reflections                  every note of the caller, and the framework
//   GET /api/me/slips/:slipId/reflection     ?createdAt=… one slip's note (null when none)
//   PUT /api/me/slips/:slipId/reflection     body { createdAt, domains: [ids], reflection }
//   GET /me/portfolio.csv                    ?link=…&by=domain|value&from=&to=
import type { Request, Response, Server } from 'restify';
import type { ILogger } from '../logger';
import { isCodedError, type CodedError } from '../domain/errors';
import type { Framework } from '../domain/framework';
import type { SelfAction } from '../services/access-policy';
import { CallerIdentity, type Caller } from './me-identity';
import { readPeriod } from './my-pages';
import type { PageDeps } from './page-deps';
import { portfolioByDomainCsv, portfolioByValueCsv } from './portfolio-csv';
import { SsoTokenValidator } from './sso-token';

const HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
};

function send(res: Response, status: number, type: string, body: string, extra: Record<string, string> = {}): void {
  for (const [k, v] of Object.entries({ ...HEADERS, 'content-type': type, ...extra })) res.setHeader(k, v);
  res.sendRaw(status, body);
}
const sendJson = (res: Response, status: number, body: unknown) =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
const query = (req: Request) => new URL(req.url ?? '/', 'http://localhost').searchParams;
const STATUS: Partial<Record<CodedError['code'], number>> = { invalid_input: 400, not_allowed: 403, not_found: 404 };

/** The framework as the tab needs it: its source, and the domains to offer. */
export const frameworkJson = (f: Framework) => ({
  id: f.id,
  title: f.title,
  publisher: f.publisher,
  year: f.year,
  url: f.url,
  domains: f.domains.map((d) => ({ id: d.id, number: d.number, name: d.name })),
});

export function registerReflectionRoutes(server: Server, deps: PageDeps, logger: ILogger): void {
  const { reflections, config } = deps;
  const identity = new CallerIdentity(config.sso ? new SsoTokenValidator(config.sso) : undefined, config);

  /** The signed-in caller's request, or a kind 401/403/400/404; never a 5xx with details. */
  const api =
    (what: SelfAction, handler: (caller: Caller, req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
      try {
        const check = await identity.identify(req.header('authorization') || undefined);
        if (!check.ok) {
          logger.info('reflections: caller not identified', { reason: check.reason });
          return sendJson(res, 401, { message: check.message });
        }
        deps.policy.requireSelf(check.caller.personId, query(req).get('personId') ?? undefined, what);
        await handler(check.caller, req, res);
      } catch (e) {
        if (isCodedError(e) && STATUS[e.code]) {
          logger.info('reflections: refused', { code: e.code, field: e.field });
          return sendJson(res, STATUS[e.code]!, { message: e.userMessage, ...(e.field ? { field: e.field } : {}) });
        }
        logger.error('reflections request failed', { err: (e as Error).message });
        if (!res.headersSent) sendJson(res, 500, { message: 'Something went wrong. Nothing was lost; please try again in a minute.' });
      }
    };

  server.get(
    '/api/me/reflections',
    api('history', async (caller, _req, res) => {
      sendJson(res, 200, { framework: frameworkJson(reflections.framework), items: await reflections.list(caller.personId) });
    }),
  );

  server.get(
    '/api/me/slips/:slipId/reflection',
    api('history', async (caller, req, res) => {
      const ref = { slipId: String(req.params?.slipId ?? ''), createdAt: query(req).get('createdAt') ?? undefined };
      const { note } = await reflections.get(caller.personId, ref);
      sendJson(res, 200, { framework: frameworkJson(reflections.framework), reflection: note ?? null });
    }),
  );

  server.put(
    '/api/me/slips/:slipId/reflection',
    api('reflect', async (caller, req, res) => {
      const body: Record<string, unknown> = req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? req.body : {};
      const ref = { slipId: String(req.params?.slipId ?? ''), createdAt: typeof body.createdAt === 'string' ? body.createdAt : undefined };
      // The slip first: one the caller did not receive is refused whatever else was sent.
      await reflections.receivedSlip(caller.personId, ref);
      const saved = await reflections.save(caller.personId, ref, { domains: body.domains, reflection: body.reflection });
      sendJson(res, 200, { reflection: saved });
    }),
  );

  server.get('/me/portfolio.csv', async (req, res) => {
    const q = query(req);
    const personId = deps.links.verify(q.get('link') ?? '', 'history-csv', deps.now());
    try {
      if (!personId) throw new Error('link refused');
      deps.policy.requireSelf(personId, q.get('personId') ?? undefined, 'history-csv');
    } catch {
      logger.info('portfolio csv: link refused');
      return send(
        res,
        403,
        'text/plain; charset=utf-8',
        'This link has expired or is not valid. Please open My recognition for a new one.',
      );
    }
    try {
      const { from, to } = readPeriod(q);
      const by = q.get('by') === 'domain' ? 'domain' : 'value';
      const portfolio = await deps.myRecognition.portfolio(personId, { from, to });
      const csv =
        by === 'domain'
          ? portfolioByDomainCsv(await reflections.byDomain(personId, portfolio.slips), config.timeZone)
          : portfolioByValueCsv(
              portfolio,
              new Map((await reflections.list(personId)).map((n) => [n.slipId, n.reflection])),
              config.timeZone,
            );
      send(res, 200, 'text/csv; charset=utf-8', csv, { 'content-disposition': `attachment; filename="my-portfolio-by-${by}.csv"` });
    } catch (e) {
      logger.error('portfolio csv failed', { err: (e as Error).message });
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Something went wrong. Please try again in a minute.');
    }
  });
}
