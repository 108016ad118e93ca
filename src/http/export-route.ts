// "Export my data": one JSON file of everything about the person, reached by a signed link
// from their personal chat. The link names the person; nothing else in the request is trusted,
// and a request that also names someone else (?personId=) is refused by AccessPolicy.
import type restify from 'restify';
import type { ILogger } from '../logger';
import { isCodedError } from '../domain/errors';
import type { PageDeps } from './page-deps';
import { JSON_TYPE, sendWith } from './respond';

const REFUSED = 'This link has expired or is not valid. Please type "export my data" in your chat with Valued for a new one.';

export function registerExportRoute(server: restify.Server, deps: PageDeps, logger: ILogger): void {
  server.get('/me/export.json', async (req, res) => {
    const query = new URL(req.url ?? '', 'http://x').searchParams;
    // Browsers must take it as the type we say (JSON, or a plain refusal), never guess at HTML.
    const headers = { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };
    const refuse = (message: string) => sendWith(res, 403, message, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
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
    sendWith(res, 200, JSON.stringify(data, null, 2), {
      ...headers,
      'content-type': JSON_TYPE,
      'content-disposition': 'attachment; filename="valued-my-data.json"',
    });
  });
}
