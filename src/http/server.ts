// The HTTP front door: Bot Framework messages, health, and a graceful stop.
import type http from 'node:http';
import restify from 'restify';
import type { Bot } from '../bot/create-bot';
import type { ILogger } from '../logger';
import { throttleWarnings } from '../log-throttle';
import type { StorageHealth } from '../storage/repositories';
import { envelopeProblem } from './activity-envelope';
import { registerInfoPages } from './info-routes';
import type { PageDeps } from './page-deps';
import { registerExportRoute } from './export-route';
import { registerMyPages } from './my-pages';
import { registerReflectionRoutes } from './reflection-routes';
import { registerDigestPages } from './digest-pages';
import { registerDigestJobRoute } from './digest-job-route';
import { inboundAuthFor } from './inbound-auth';

export interface HttpServer {
  url: string;
  port: number;
  /** Node's own server underneath restify (its timeouts are checked in tests). */
  node: http.Server;
  /** Stops accepting, waits for turns in flight (up to the grace period), then closes. */
  stop(graceMs?: number): Promise<void>;
}

/** How long a client may take to send a whole request, headers and body. */
export const REQUEST_TIMEOUT_MS = 30_000;

export interface HttpServerOptions {
  host: string;
  port: number;
  bot: Bot;
  health: StorageHealth;
  logger: ILogger;
  pages: PageDeps;
  /** Default REQUEST_TIMEOUT_MS; tests use a short one. */
  requestTimeoutMs?: number;
}

export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const { bot, health, logger } = options;
  const server = restify.createServer({ name: 'valued', handleUncaughtExceptions: false });
  // Node lets a client take 300 s to send a request, so a slow sender holds a socket (and the
  // body parser) that long. Nothing we accept is big: 30 s is plenty. Node looks for overdue
  // requests on an interval (30 s by default), so look more often than the limit itself.
  const timeoutMs = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  Object.assign(server.server, {
    requestTimeout: timeoutMs,
    headersTimeout: timeoutMs,
    connectionsCheckingInterval: Math.max(10, Math.min(5_000, Math.floor(timeoutMs / 4))),
  });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));

  const inboundAuth = inboundAuthFor(bot.adapter, logger.child('inbound-auth'));
  let inFlight = 0;
  let stopping = false;
  let drained: (() => void) | undefined;

  server.post('/api/messages', async (req, res) => {
    if (stopping) {
      res.send(503, { error: 'shutting down' });
      return;
    }
    const problem = envelopeProblem(req.body);
    if (problem) {
      logger.warn('malformed activity refused', { problem });
      res.send(400, { error: problem });
      return;
    }
    inFlight++;
    try {
      const verdict = await inboundAuth.check(req);
      if (verdict !== 'allowed') {
        if (verdict === 'unavailable') res.setHeader('retry-after', '10');
        res.send(verdict === 'refused' ? 401 : 503, {
          error: verdict === 'refused' ? 'unauthorised' : 'authentication unavailable, please retry',
        });
        return;
      }
      await bot.adapter.process(req, res, (context) => bot.handle(context));
    } catch (e) {
      logger.error('request failed', { err: (e as Error).message });
      if (!res.headersSent) res.send(500);
    } finally {
      inFlight--;
      if (stopping && inFlight === 0) drained?.();
    }
  });

  // The Agents Playground probes readiness this way.
  server.head('/api/messages', async (_req, res) => {
    res.send(200);
  });

  registerInfoPages(server);

  registerExportRoute(server, options.pages, logger);
  registerMyPages(server, options.pages, logger.child('me'));
  registerReflectionRoutes(server, options.pages, logger.child('reflections'));
  registerDigestPages(server, options.pages, logger.child('digest'));
  // Anyone can call the jobs endpoint and each refusal is a warning, so a flood of them is
  // bounded: the first few in full, then one line a minute with a count.
  registerDigestJobRoute(server, options.pages, throttleWarnings(logger.child('jobs')));

  server.get('/healthz', async (_req, res) => {
    const result = await health.check();
    if (result.ok) res.send(200, { status: 'ok' });
    else res.send(503, { status: 'degraded', reason: result.reason });
  });

  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const address = server.address();
  const url = `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${address.port}`;

  return {
    url,
    port: address.port,
    node: server.server,
    async stop(graceMs = 10_000) {
      stopping = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeIdleConnections?.();
      if (inFlight > 0) {
        await Promise.race([new Promise<void>((r) => (drained = r)), new Promise((r) => setTimeout(r, graceMs))]);
      }
      server.server.closeAllConnections?.();
      await closed;
    },
  };
}
