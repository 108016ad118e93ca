// Checks a request’s Bot Framework token before the adapter sees it, so that every invalid token is a
// 401. The adapter checks too, but answers 500 when the JWT library's own error escapes (a token
// signed by a key the Bot Framework never published is such a case).
import type { Request } from 'restify';
import type { Activity, CloudAdapterBase } from 'botbuilder';
import type { ILogger } from '../logger';

/** The one method of botframework-connector's BotFrameworkAuthentication this needs. */
interface RequestAuthenticator {
  authenticateRequest(activity: Activity, authHeader: string): Promise<unknown>;
}

export type InboundVerdict = 'allowed' | 'refused' | 'unavailable';

export interface InboundAuth {
  /**
   * 'allowed': hand the request to the adapter; 'refused': the token is not valid (401, logged);
   * 'unavailable': the Bot Framework's keys could not be fetched, so nothing can be checked just
   * now (503, logged) and Teams will send the activity again rather than drop it.
   */
  check(req: Request): Promise<InboundVerdict>;
}

/** Longer than a cold key fetch takes, well inside the 15 seconds Teams waits. */
const CHECK_TIMEOUT_MS = 5_000;

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

/** Failures to fetch the OpenID metadata or keys (botframework-connector marks them 500), or the network itself. */
function isUnavailable(e: unknown): boolean {
  const err = e as { statusCode?: number; code?: string; name?: string; message?: string; cause?: { code?: string } };
  if (typeof err?.statusCode === 'number' && err.statusCode >= 500) return true;
  if (NETWORK_CODES.has(String(err?.code)) || NETWORK_CODES.has(String(err?.cause?.code))) return true;
  return err?.name === 'FetchError' || (err?.name === 'TypeError' && /fetch failed/i.test(err.message ?? ''));
}

/**
 * Uses the adapter's own authenticator: the same app id, tenant, OpenID metadata and key cache,
 * so this check can never disagree with the adapter's. With no app id (local mode only, which
 * config enforces) it lets every request through, as the adapter does.
 */
export function inboundAuthFor(adapter: CloudAdapterBase, logger: ILogger): InboundAuth {
  // Protected in botbuilder's typings; read here rather than building a second authenticator
  // from the configuration, which could drift from the adapter's.
  const auth = (adapter as unknown as { botFrameworkAuthentication: RequestAuthenticator }).botFrameworkAuthentication;
  return {
    async check(req) {
      const header = req.headers.authorization ?? '';
      try {
        // While the keys can't be fetched the library keeps trying; Teams gives up at 15 seconds.
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(Object.assign(new Error('timed out fetching the Bot Framework signing keys'), { code: 'ETIMEDOUT' })),
            CHECK_TIMEOUT_MS,
          );
        });
        await Promise.race([auth.authenticateRequest(req.body as Activity, header), timedOut]).finally(() => clearTimeout(timer));
        return 'allowed';
      } catch (e) {
        // Never log the token itself: it is a bearer credential until it expires.
        const err = e as Error;
        if (isUnavailable(e)) {
          logger.error('request not checked: the Bot Framework signing keys could not be fetched', {
            reason: err.message,
            errorName: err.name,
          });
          return 'unavailable';
        }
        logger.warn('request refused: Bot Framework authentication failed', {
          reason: err.message,
          errorName: err.name,
          hasToken: header.length > 0,
          channelId: (req.body as Partial<Activity>)?.channelId,
          serviceUrl: (req.body as Partial<Activity>)?.serviceUrl,
        });
        return 'refused';
      }
    },
  };
}
