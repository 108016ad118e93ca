// Tagging a thank-you with framework domains and reflecting on it, from "My recognition" in the
// personal chat: "Tag and reflect" on a slip opens a small card (portfolio.open) and Save stores
// it (portfolio.save). Only the person who received the slip, only in their personal chat: card
// data naming anyone else is refused by AccessPolicy, and a slip not in their own history by the service.
import type { AdaptiveCard, Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { guarded } from '../guarded';
import { actorOf, scopeOf } from '../activity-info';
import type { PersonRef } from '../../domain/person';
import { choicesFrom } from '../../domain/reflection';
import { isCodedError } from '../../domain/errors';
import type { AccessPolicy } from '../../services/access-policy';
import type { ReflectionService } from '../../services/reflection-service';
import type { ILogger } from '../../logger';
import { reflectCard } from '../../cards/reflect-card';
import { turnLog } from '../turn-log';

export interface PortfolioNotesDeps {
  reflections: ReflectionService;
  timeZone: string;
  logger: ILogger;
  policy: AccessPolicy;
}

const refOf = (data: Record<string, unknown>) => ({
  slipId: typeof data.slipId === 'string' ? data.slipId : undefined,
  createdAt: typeof data.createdAt === 'string' ? data.createdAt : undefined,
});

export function register(app: Application, deps: PortfolioNotesDeps): void {
  /** The person who pressed the button, when the policy lets them touch this; throws the refusal otherwise. */
  function self(context: TurnContext, data: Record<string, unknown>): PersonRef {
    const actor = actorOf(context.activity);
    const named = typeof data.personId === 'string' ? data.personId : undefined;
    deps.policy.requireSelf(actor?.id, named, 'reflect', scopeOf(context.activity) === 'personal' ? 'asker only' : 'others too');
    return actor!;
  }

  app.adaptiveCards.actionExecute(
    'portfolio.open',
    guarded(deps.logger, async (context, _state, data: Record<string, unknown>) => {
      const person = self(context, data);
      const { slip, note } = await deps.reflections.get(person.id, refOf(data));
      return reflectCard({ slip, note, framework: deps.reflections.framework, timeZone: deps.timeZone }).content as AdaptiveCard;
    }),
  );

  app.adaptiveCards.actionExecute(
    'portfolio.save',
    guarded(deps.logger, async (context, _state, data: Record<string, unknown>) => {
      const person = self(context, data);
      const ref = refOf(data);
      // The slip first: a slip that is not theirs is refused before anything about the input is said.
      const slip = await deps.reflections.receivedSlip(person.id, ref);
      const input = { domains: choicesFrom(data.domains ?? ''), reflection: data.reflection ?? '' };
      const framework = deps.reflections.framework;
      try {
        const saved = await deps.reflections.save(person.id, ref, input);
        turnLog(context, deps.logger).info('reflection saved', { domains: saved.domains.length, length: saved.reflection.length });
        return reflectCard({ slip, note: saved, framework, timeZone: deps.timeZone, message: 'Saved. Only you can see this.' })
          .content as AdaptiveCard;
      } catch (e) {
        if (!isCodedError(e) || e.code !== 'invalid_input') throw e;
        turnLog(context, deps.logger).info('reflection refused', { field: e.field });
        // Show what they wrote back to them, so nothing they typed is lost, with what to put right.
        const keep = {
          domains: (Array.isArray(input.domains) ? input.domains : []).filter((d): d is string => typeof d === 'string'),
          reflection: typeof input.reflection === 'string' ? input.reflection : '',
        };
        return reflectCard({ slip, note: keep, framework, timeZone: deps.timeZone, message: e.userMessage, ok: false })
          .content as AdaptiveCard;
      }
    }),
  );
}
