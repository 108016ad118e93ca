// Checks a request's Bot Framework token before the adapter sees it, so that every failure is a
// 401. The adapter checks too, but answers 500 when the JWT library's own error escapes (a token
// signed by a key the Bot Framework never published is such a case).
import type { Request } from 'restify';
import type { Activity, CloudAdapterBase } from 'botbuilder';
import type { ILogger } from '../logger';

/** The one method of botframework-connector's BotFrameworkAuthentication this needs. */
interface RequestAuthenticator {
  authenticateRequest(activity: Activity, authHeader: string): Promise<unknown>;
}

export interface InboundAuth {
  /** True when the request may be handed to the adapter; false when it has been refused (401, logged). */
  allows(req: Request): Promise<boolean>;
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
    async allows(req) {
      const header = req.headers.authorization ?? '';
      try {
        await auth.authenticateRequest(req.body as Activity, header);
        return true;
      } catch (e) {
        // Never log the token itself: it is a bearer credential until it expires.
        const err = e as Error;
        logger.warn('request refused: Bot Framework authentication failed', {
          reason: err.message,
          errorName: err.name,
          hasToken: header.length > 0,
          channelId: (req.body as Partial<Activity>)?.channelId,
          serviceUrl: (req.body as Partial<Activity>)?.serviceUrl
        });
        return false;
      }
    }
  };
}
