// "Export my data": one JSON file of everything about the person, reached by a signed link
// from their personal chat. The link names the person; nothing else in the request is trusted,
// and a request that also names someone else (?personId=) is refused by AccessPolicy.
import type restify from 'restify';
import type { ILogger } from '../logger';
import { isCodedError } from '../domain/errors';
import type { PageDeps } from './page-deps';

const REFUSED = 'This link has expired or is not valid. Please type "export my data" in your chat with Valued for a new one.';

export function registerExportRoute(server: restify.Server, deps: PageDeps, logger: ILogger): void {
  server.get('/me/export.json', async (req, res) => {
    const query = new URL(req.url ?? '', 'http://x').searchParams;
    // Browsers must take it as the type we say (JSON, or a plain refusal), never guess at HTML.
    res.setHeader('x-content-type-options', 'nosniff');
    const refuse = (message: string) => {
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.setHeader('cache-control', 'no-store');
      res.sendRaw(403, message);
    };
    const linked = deps.links.verify(query.get('link'), 'export', deps.now());
    if (!linked) {
      logger.warn('export link refused');
      return refuse(REFUSED);
    }
    let personId: string;
    try {
      personId = deps.policy.requireSelf(linked, query.get('personId') ?? undefined, 'export');
    } catch (e) {
      if (!isCodedError(e)) throw e;
      logger.warn('export of someone else’s data refused');
      return refuse(e.userMessage);
    }
    const data = await deps.dataRights.exportFor({ id: personId, teamsId: '', name: '' });
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('content-disposition', 'attachment; filename="valued-my-data.json"');
    res.setHeader('cache-control', 'no-store');
    res.sendRaw(200, JSON.stringify(data, null, 2));
  });
}
