// Each turn gets a child logger carrying the activity id, so one turn's lines can be found together.
import type { TurnContext } from 'botbuilder';
import type { ILogger } from '../logger';

const KEY = Symbol('valued.turnLog');

export function attachTurnLog(context: TurnContext, base: ILogger): ILogger {
  const a = context.activity;
  const log = base.child('turn', { activityId: a.id, type: a.type, name: a.name, conversationType: a.conversation?.conversationType });
  context.turnState.set(KEY, log);
  return log;
}

export function turnLog(context: TurnContext, fallback: ILogger): ILogger {
  return (context.turnState.get(KEY) as ILogger | undefined) ?? fallback;
}
