// The last line of defence: log the failure with the turn's id and apologise kindly, without
// sending any internals to the person.
import type { TurnContext } from 'botbuilder';
import type { ILogger } from '../logger';
import { isCodedError } from '../domain/errors';
import { turnLog } from './turn-log';

export const APOLOGY =
  'Sorry, something went wrong on our side and I couldn’t finish that. Nothing you had already sent has been lost. Please try again in a moment.';

export function onTurnError(logger: ILogger) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const log = turnLog(context, logger);
    log.error('turn failed', {
      err: error.message,
      stack: error.stack?.split('\n').slice(0, 6).join(' | '),
      code: (error as { code?: string }).code,
    });
    // Invokes answer through their own response; a stray message would land out of place.
    if (context.activity.type !== 'message') return;
    try {
      await context.sendActivity(isCodedError(error) ? error.userMessage : APOLOGY);
    } catch (sendError) {
      log.warn('could not send the apology', { err: (sendError as Error).message });
    }
  };
}
