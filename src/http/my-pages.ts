// Routes of "My recognition" on the web: the personal tab (/me), its JSON and HTML-fragment
// API (/api/me/*, identity from the Teams SSO token only), and the portfolio and CSV reached
// by a signed link (/me/portfolio, /me/history.csv). Registered from server.ts. Whose data a
// request gets is decided by AccessPolicy.requireSelf: the signed-in caller's or the link's
// subject's, and a request naming anyone else (?personId=) is refused with 403.
import fs from 'node:fs';
import type { Request, Response, Server } from 'restify';
import type { ILogger } from '../logger';
import { isCodedError } from '../domain/errors';
import { groupByDomain } from '../domain/portfolio-by-domain';
import type { SelfAction } from '../services/access-policy';
import type { SlipFilter } from '../storage/history-repository';
import { historyCsv } from './csv';
import { CallerIdentity, type Caller } from './me-identity';
import type { PageDeps } from './page-deps';
import { BAD_TOKEN_MESSAGE, isPagingToken, isTokenRefusedByStorage } from './paging-token';
import { HTML, JSON_TYPE, sendPrivate as send } from './respond';
import { serveAssets } from './assets';
import { linkRefusedPage } from './views/my/link-refused-page';
import { portfolioPage } from './views/my/portfolio-page';
import { slipsFragment } from './views/my/slips-fragment';
import { summaryFragment } from './views/my/summary-fragment';
import { tabNotice, tabShell } from './views/my/tab-shell';
import { SsoTokenValidator } from './sso-token';

// Personal pages carry PRIVATE_HEADERS (respond.ts): our own files only, Teams may frame the
// tab, no Referer leaves the page, nothing is cached. The JSON answers carry them too.
const sendJson = (res: Response, status: number, body: unknown) => send(res, status, JSON_TYPE, JSON.stringify(body));

function query(req: Request): URLSearchParams {
  return new URL(req.url ?? '/', 'http://localhost').searchParams;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (d: string) =>
  DATE.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

/** from/to from the portfolio form: a date not understood is dropped, with a note to say so. */
export function readPeriod(q: URLSearchParams): { from?: string; to?: string; problem?: string } {
  const raw = { from: q.get('from')?.trim() ?? '', to: q.get('to')?.trim() ?? '' };
  let problem: string | undefined;
  const pick = (d: string) => {
    if (!d) return undefined;
    if (validDate(d)) return d;
    problem = 'One of the dates wasn’t recognised, so it has been left out. Please use the date pickers.';
    return undefined;
  };
  let from = pick(raw.from);
  let to = pick(raw.to);
  if (from && to && from > to) [from, to] = [to, from];
  return { from, to, problem };
}

/** value/year filter for the slip list; undefined when the year is not a year. */
export function readFilter(q: URLSearchParams): SlipFilter | undefined {
  const value = q.get('value')?.trim() || undefined;
  const yearText = q.get('year')?.trim() || undefined;
  const year = yearText ? Number(yearText) : undefined;
  if ((value && value.length > 100) || (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2200))) return undefined;
  return { value, year };
}

export function registerMyPages(server: Server, deps: PageDeps, logger: ILogger): void {
  const { myRecognition, links, config } = deps;
  const identity = new CallerIdentity(config.sso ? new SsoTokenValidator(config.sso) : undefined, config);
  // The Teams JavaScript library, served from our own node_modules: no CDN, works offline.
  let teamsJs: Buffer | undefined;
  const teamsJsFile = (): Buffer => (teamsJs ??= fs.readFileSync(require.resolve('@microsoft/teams-js')));

  async function nameOf(personId: string, caller?: Caller): Promise<string> {
    if (caller?.name) return caller.name;
    if (config.devUser?.id === personId) return config.devUser.name;
    const ref = (await deps.conversations?.getPersonal(personId)) as { user?: { name?: unknown } } | undefined;
    return typeof ref?.user?.name === 'string' ? ref.user.name : '';
  }

  /** The refusal when a request names someone other than whoever it proves is asking; undefined when it is theirs. */
  const notTheirs = (actorId: string, q: URLSearchParams, what: SelfAction): string | undefined => {
    try {
      deps.policy.requireSelf(actorId, q.get('personId') ?? undefined, what);
      return undefined;
    } catch (e) {
      if (!isCodedError(e)) throw e;
      logger.warn('my recognition: request for someone else’s data refused', { what });
      return e.userMessage;
    }
  };

  /** Runs an API handler for the signed-in caller, or answers 401 (not identified) or 403 (not theirs) with a kind message. */
  const api =
    (what: SelfAction, handler: (caller: Caller, req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
      try {
        const check = await identity.identify(req.header('authorization') || undefined);
        if (!check.ok) {
          logger.info('my recognition: caller not identified', { reason: check.reason, path: req.path() });
          sendJson(res, 401, { message: check.message });
          return;
        }
        const refusal = notTheirs(check.caller.personId, query(req), what);
        if (refusal) return sendJson(res, 403, { message: refusal });
        await handler(check.caller, req, res);
      } catch (e) {
        logger.error('my recognition request failed', { err: (e as Error).message, path: req.path() });
        if (!res.headersSent)
          sendJson(res, 500, { message: 'Something went wrong loading your recognition. Please try again in a minute.' });
      }
    };

  /** The signed-link pages: the person comes from the link alone, or a kind 403 page. */
  const linked =
    (purpose: 'portfolio' | 'history-csv', handler: (personId: string, link: string, q: URLSearchParams, res: Response) => Promise<void>) =>
    async (req: Request, res: Response) => {
      const q = query(req);
      const link = q.get('link') ?? '';
      const personId = links.verify(link, purpose, deps.now());
      if (!personId) {
        logger.info('my recognition: link refused', { purpose });
        send(res, 403, HTML, linkRefusedPage());
        return;
      }
      if (notTheirs(personId, q, purpose)) {
        send(res, 403, HTML, linkRefusedPage());
        return;
      }
      try {
        await handler(personId, link, q, res);
      } catch (e) {
        logger.error('my recognition page failed', { err: (e as Error).message, purpose });
        if (!res.headersSent) send(res, 500, HTML, linkRefusedPage('Something went wrong'));
      }
    };

  /** One page of the caller's slips, or which part of the request was not understood. */
  async function slipPage(caller: Caller, q: URLSearchParams, path: string) {
    const filter = readFilter(q);
    if (!filter) return 'bad filter' as const;
    const token = q.get('token') || undefined;
    const badToken = (why: string) => {
      logger.warn('my recognition: paging token not recognised', { why, path, length: token?.length });
      return 'bad token' as const;
    };
    if (token && !isPagingToken(token)) return badToken('malformed');
    try {
      return { filter, page: await myRecognition.page(caller.personId, { continuationToken: token, filter }) };
    } catch (e) {
      if (token && isTokenRefusedByStorage(e)) return badToken('refused by storage');
      throw e;
    }
  }

  const BAD_FILTER = { message: 'That choice of value or year isn’t recognised. Please choose from the lists.' };
  const BAD_TOKEN = { error: 'bad_paging_token', message: BAD_TOKEN_MESSAGE };

  server.get('/me', async (_req, res) => send(res, 200, HTML, tabShell()));
  serveAssets(server, { '/me/styles.css': 'my.css', '/me/tab.js': 'tab.js', '/me/portfolio.js': 'print-button.js' });
  server.get('/me/teams-js.js', async (_req, res) =>
    send(res, 200, 'text/javascript; charset=utf-8', teamsJsFile(), { 'cache-control': 'public, max-age=86400' }),
  );

  server.get(
    '/api/me/summary',
    api('history', async (caller, _req, res) => {
      sendJson(res, 200, {
        person: { id: caller.personId, name: await nameOf(caller.personId, caller) },
        summary: await myRecognition.summary(caller.personId, deps.now()),
      });
    }),
  );

  server.get(
    '/api/me/slips',
    api('history', async (caller, req, res) => {
      const found = await slipPage(caller, query(req), req.path());
      if (found === 'bad filter') return sendJson(res, 400, BAD_FILTER);
      if (found === 'bad token') return sendJson(res, 400, BAD_TOKEN);
      sendJson(res, 200, { items: found.page.items, continuationToken: found.page.continuationToken });
    }),
  );

  server.get(
    '/api/me/view/summary',
    api('history', async (caller, _req, res) => {
      const summary = await myRecognition.summary(caller.personId, deps.now());
      send(res, 200, HTML, summaryFragment({ name: await nameOf(caller.personId, caller), summary, timeZone: config.timeZone }));
    }),
  );

  server.get(
    '/api/me/view/slips',
    api('history', async (caller, req, res) => {
      const q = query(req);
      const found = await slipPage(caller, q, req.path());
      if (found === 'bad filter') return sendJson(res, 400, BAD_FILTER);
      // A fragment the tab shows in place of the list, with the filter still there above it.
      if (found === 'bad token') return send(res, 400, HTML, tabNotice('That page can’t be shown', BAD_TOKEN_MESSAGE));
      send(
        res,
        200,
        HTML,
        slipsFragment({
          slips: found.page.items,
          olderToken: found.page.continuationToken,
          hasNewer: q.get('newer') === '1',
          filter: found.filter,
          timeZone: config.timeZone,
          notes: {
            framework: deps.reflections.framework,
            bySlip: new Map((await deps.reflections.list(caller.personId)).map((n) => [n.slipId, n])),
          },
        }),
      );
    }),
  );

  // The tab trades its SSO token for short-lived signed links, so the portfolio and CSV can open
  // in a browser tab (for printing and downloads), where there is no Teams token. Relative, so
  // they follow whatever address the tab itself was opened at.
  server.post(
    '/api/me/links',
    api('portfolio', async (caller, _req, res) => {
      const now = deps.now();
      sendJson(res, 200, {
        portfolioUrl: `/me/portfolio?link=${encodeURIComponent(links.sign(caller.personId, 'portfolio', now))}`,
        csvUrl: `/me/history.csv?link=${encodeURIComponent(links.sign(caller.personId, 'history-csv', now))}`,
      });
    }),
  );

  server.get(
    '/me/portfolio',
    linked('portfolio', async (personId, link, q, res) => {
      const { problem, ...period } = readPeriod(q);
      const by = q.get('by') === 'domain' ? 'domain' : 'value';
      const [portfolio, notes] = await Promise.all([myRecognition.portfolio(personId, period), deps.reflections.list(personId)]);
      const now = deps.now();
      const withPeriod = (params: Record<string, string>) =>
        new URLSearchParams({ ...params, ...(period.from ? { from: period.from } : {}), ...(period.to ? { to: period.to } : {}) });
      const pageUrl = (g: 'value' | 'domain') => `/me/portfolio?${withPeriod({ link, ...(g === 'domain' ? { by: g } : {}) })}`;
      send(
        res,
        200,
        HTML,
        portfolioPage({
          name: await nameOf(personId),
          portfolio,
          timeZone: config.timeZone,
          link,
          // The spreadsheet grouped as the page is (reflection-routes.ts), from its own signed link.
          csvUrl: `/me/portfolio.csv?${withPeriod({ link: links.sign(personId, 'history-csv', now), by })}`,
          by,
          byDomain: groupByDomain(portfolio.slips, notes, deps.reflections.framework),
          groupingUrls: { value: pageUrl('value'), domain: pageUrl('domain') },
          generatedAt: now,
          problem,
        }),
      );
    }),
  );

  server.get(
    '/me/history.csv',
    linked('history-csv', async (personId, _link, q, res) => {
      const { from, to } = readPeriod(q);
      const portfolio = await myRecognition.portfolio(personId, { from, to });
      const name = `my-recognition${from ? `-from-${from}` : ''}${to ? `-to-${to}` : ''}.csv`;
      send(res, 200, 'text/csv; charset=utf-8', historyCsv(portfolio.slips, config.timeZone), {
        'content-disposition': `attachment; filename="${name}"`,
      });
    }),
  );
}
