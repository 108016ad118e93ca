// Invokes must always be answered. A refusal we meant (CodedError) is shown as it is; anything
// unexpected is logged with the turn's id and answered with a kind apology, never a 5xx.
import type { TurnContext } from 'botbuilder';
import { isCodedError } from '../domain/errors';
import type { ILogger } from '../logger';
import { APOLOGY } from './turn-error';
import { turnLog } from './turn-log';

export function guarded<A extends unknown[], R>(
  logger: ILogger,
  handler: (context: TurnContext, ...args: A) => Promise<R>,
): (context: TurnContext, ...args: A) => Promise<R | string> {
  return async (context, ...args) => {
    try {
      return await handler(context, ...args);
    } catch (e) {
      const log = turnLog(context, logger);
      if (isCodedError(e)) {
        log.info('refused', { code: e.code, reason: e.userMessage });
        return e.userMessage;
      }
      log.error('handler failed', { err: (e as Error).message, stack: (e as Error).stack?.split('\n').slice(0, 5).join(' | ') });
      return APOLOGY;
    }
  };
}
