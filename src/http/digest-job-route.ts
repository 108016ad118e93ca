// POST /api/jobs/digest: lets an external scheduler (an Azure Logic App, a cron job) post the
// monthly digests that are due, close the votes and send the reminders that are due, as well
// as Valued's own timers. Only with JOBS_SECRET set; the caller sends it as a bearer token, compared in constant time. Posting is exactly-once in the
// scheduler itself, so a retried or doubled call does no harm.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { isCodedError } from '../domain/errors';
import type { ILogger } from '../logger';
import type { PageDeps } from './page-deps';
import { sendJson } from './respond';

// Hashing both sides first gives equal-length buffers, so neither the secret's length nor its
// content leaks through timing.
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  return match?.[1];
}

export function registerDigestJobRoute(
  server: Server,
  deps: Pick<PageDeps, 'config' | 'digestScheduler' | 'teamJobs'>,
  logger: ILogger,
): void {
  const secret = deps.config.jobsSecret;
  // Not configured: the route does not exist, and restify answers 404 like any unknown path.
  if (!secret) return;

  server.post('/api/jobs/digest', async (req: Request, res: Response) => {
    const given = bearerToken(req.header('authorization') || undefined);
    if (!given || !sameSecret(given, secret)) {
      logger.warn('digest job refused', { reason: given ? 'wrong secret' : 'no bearer secret', from: req.socket?.remoteAddress });
      sendJson(
        res,
        401,
        { message: 'Please send the jobs secret as Authorization: Bearer <JOBS_SECRET>.' },
        { 'www-authenticate': 'Bearer realm="valued-jobs"' },
      );
      return;
    }
    try {
      const result = await deps.digestScheduler.runDue();
      logger.info('digest job ran', { posted: result.posted.length, skipped: result.skipped.length, failed: result.failed.length });
      // Votes that are due to close and reminders that are due, in the same call.
      const jobs = deps.teamJobs ? await deps.teamJobs.runDue() : undefined;
      sendJson(res, 200, jobs ? { ...result, teamJobs: jobs } : result);
    } catch (e) {
      if (isCodedError(e) && e.code === 'storage_unavailable') {
        logger.warn('digest job: storage unavailable');
        sendJson(
          res,
          503,
          { message: 'Storage is not answering, so no digests were posted. Please try again later.', reason: 'storage unavailable' },
          { 'retry-after': '300' },
        );
        return;
      }
      logger.error('digest job failed', { err: (e as Error).message });
      sendJson(res, 500, { message: 'The digest job failed; see the service log.', reason: 'failed' });
    }
  });
}
