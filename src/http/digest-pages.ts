// Routes of the governance digest on the web, each reached by a signed link for one lead and
// one box: the read-out (/digest/readout), the printable digest (/digest/print) and the CSV
// (/digest/export.csv). The link says who and which box; the access policy is asked again on
// every request, so a lead who has stepped down loses access even with a link still valid.
import type { Request, Response, Server } from 'restify';
import { isMonth, type BoxId } from '../domain/box';
import { isCodedError } from '../domain/errors';
import type { ILogger } from '../logger';
import { serveAssets } from './assets';
import { digestCsv, digestCsvFilename } from './digest-csv';
import type { PageDeps } from './page-deps';
import { HTML, sendPrivate as send } from './respond';
import type { DigestPageView } from './views/digest/digest-view';
import { printPage } from './views/digest/print-page';
import { readoutPage } from './views/digest/readout-page';
import { digestRefusedPage } from './views/digest/refused-page';

// Every answer carries PRIVATE_HEADERS (respond.ts, via send): this server's own files only,
// the signed link never leaves in a Referer, and nothing is cached (the pages hold colleagues' words).

type DigestView = 'readout' | 'print' | 'csv';

export function registerDigestPages(server: Server, deps: PageDeps, logger: ILogger): void {
  const { links, digests, policy } = deps;
  serveAssets(server, { '/digest/styles.css': 'digest.css', '/digest/readout.js': 'readout.js', '/digest/print.js': 'print-button.js' });

  /** Verifies the link and the lead, then runs the handler; every refusal is a kind page. */
  const boxRoute =
    (view: DigestView, handler: (box: BoxId, link: string, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
      const link = new URL(req.url ?? '/', 'http://localhost').searchParams.get('link') ?? '';
      const verified = links.verifyBox(link, 'digest', deps.now());
      if (!verified || !isMonth(verified.month)) {
        logger.info('digest: link refused', { view });
        send(res, 403, HTML, digestRefusedPage('link'));
        return;
      }
      const box = { teamId: verified.teamId, month: verified.month };
      try {
        await policy.requireLead(verified.personId, box.teamId, 'digest');
        await handler(box, link, res);
      } catch (e) {
        if (res.headersSent) return;
        if (isCodedError(e) && e.code === 'not_allowed') {
          logger.info('digest: not a lead of the box', { view, teamId: box.teamId, month: box.month });
          send(res, 403, HTML, digestRefusedPage('not_lead', e.userMessage));
        } else if (isCodedError(e) && e.code === 'not_found') {
          logger.info('digest: team not known', { view, teamId: box.teamId });
          send(res, 404, HTML, digestRefusedPage('unknown_team', e.userMessage));
        } else if (isCodedError(e) && e.code === 'storage_unavailable') {
          logger.warn('digest: storage unavailable', { view });
          send(res, 503, HTML, digestRefusedPage('unavailable'), { 'retry-after': '60' });
        } else {
          logger.error('digest page failed', { view, err: (e as Error).message });
          send(res, 500, HTML, digestRefusedPage('failed'));
        }
      }
    };

  async function pageView(box: BoxId, link: string): Promise<DigestPageView> {
    const [digest, trend] = await Promise.all([digests.build(box.teamId, box.month), digests.trend(box.teamId, box.month)]);
    const q = `link=${encodeURIComponent(link)}`;
    return {
      digest,
      trend,
      readoutUrl: `/digest/readout?${q}`,
      printUrl: `/digest/print?${q}`,
      csvUrl: `/digest/export.csv?${q}`,
      generatedAt: deps.now(),
    };
  }

  server.get(
    '/digest/readout',
    boxRoute('readout', async (box, link, res) => send(res, 200, HTML, readoutPage(await pageView(box, link)))),
  );

  server.get(
    '/digest/print',
    boxRoute('print', async (box, link, res) => send(res, 200, HTML, printPage(await pageView(box, link)))),
  );

  server.get(
    '/digest/export.csv',
    boxRoute('csv', async (box, _link, res) => {
      const [digest, nominations] = await Promise.all([digests.build(box.teamId, box.month), digests.nominations(box.teamId, box.month)]);
      send(res, 200, 'text/csv; charset=utf-8', digestCsv(digest, nominations), {
        'content-disposition': `attachment; filename="${digestCsvFilename(digest.teamName, digest.month)}"`,
      });
    }),
  );
}
