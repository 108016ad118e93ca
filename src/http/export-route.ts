// "Export my data": one JSON file of everything about the person, reached by a signed link
// from their personal chat. The link names the person; nothing else in the request is trusted.
import type restify from 'restify';
import type { ILogger } from '../logger';
import type { PageDeps } from './page-deps';

export function registerExportRoute(server: restify.Server, deps: PageDeps, logger: ILogger): void {
  server.get('/me/export.json', async (req, res) => {
    const query = new URL(req.url ?? '', 'http://x').searchParams;
    const personId = deps.links.verify(query.get('link'), 'export', deps.now());
    if (!personId) {
      logger.warn('export link refused');
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.sendRaw(403, 'This link has expired or is not valid. Please type "export my data" in your chat with Valued for a new one.');
      return;
    }
    const data = await deps.dataRights.exportFor({ id: personId, teamsId: '', name: '' });
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('content-disposition', 'attachment; filename="valued-my-data.json"');
    res.setHeader('cache-control', 'no-store');
    res.sendRaw(200, JSON.stringify(data, null, 2));
  });
}
