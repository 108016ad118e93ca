// A person's own recognition in their personal chat: "my recognition" (paged, filterable),
// "profile", "export my data" and "erase my data". It is only ever the person's own: the
// person is always the one who sent the activity, and AccessPolicy.requireSelf decides every
// request (card data naming someone else is refused, and nothing is shown outside their chat).
import type { Application, AdaptiveCard } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { guarded } from '../guarded';
import { actorOf, scopeOf } from '../activity-info';
import type { PersonRef } from '../../domain/person';
import { DEFAULT_VALUES } from '../../domain/values';
import { isCodedError } from '../../domain/errors';
import { PRIVATE_ONLY, type AccessPolicy, type SelfAction } from '../../services/access-policy';
import type { MyRecognitionService } from '../../services/my-recognition-service';
import type { ReflectionService } from '../../services/reflection-service';
import type { LinkSigner } from '../../services/link-signer';
import type { ProfileService } from '../../services/profile-service';
import type { DataRightsService } from '../../services/data-rights-service';
import type { ILogger } from '../../logger';
import { myRecognitionCard } from '../../cards/my-recognition-card';
import { profileCard } from '../../cards/profile-card';
import { confirmEraseCard, linkCard } from '../../cards/link-card';
import { noticeCard } from '../../cards/notice-card';
import { turnLog } from '../turn-log';

export interface MyRecognitionDeps {
  myRecognition: MyRecognitionService;
  /** The person's own tags and reflections, shown with each slip. */
  reflections: ReflectionService;
  profiles: ProfileService;
  dataRights: DataRightsService;
  links: LinkSigner;
  publicUrl: () => string;
  timeZone: string;
  now: () => Date;
  logger: ILogger;
  /** Decides that only the person themselves, in their personal chat, gets their data. */
  policy: AccessPolicy;
}

export const MY_RECOGNITION = /^\s*(my\s+recognition|my\s+history|history|my\s+thank[\s-]?yous)\s*[.!?]*\s*$/i;
const PROFILE = /^\s*(my\s+)?profile\s*[.!?]*\s*$/i;
const EXPORT = /^\s*export\s+my\s+data\s*[.!?]*\s*$/i;
const ERASE = /^\s*(erase|delete)\s+my\s+data\s*[.!?]*\s*$/i;

export { PRIVATE_ONLY };
export const ERASE_BUTTON_FAILED = 'Sorry, that button didn’t work, so nothing was erased. Please type erase my data to start again.';

const str = (v: unknown, max: number): string => (typeof v === 'string' && v.length <= max ? v : '');

export function register(app: Application, deps: MyRecognitionDeps): void {
  const link = (person: PersonRef, purpose: 'portfolio' | 'history-csv' | 'export', path: string) =>
    `${deps.publicUrl()}${path}?link=${encodeURIComponent(deps.links.sign(person.id, purpose, deps.now()))}`;

  async function recognitionCard(person: PersonRef, paging: { token: string; previous: string[]; value?: string; year?: number }) {
    const filter = { value: paging.value || undefined, year: paging.year || undefined };
    const [summary, page, notes] = await Promise.all([
      deps.myRecognition.summary(person.id, deps.now()),
      deps.myRecognition.page(person.id, { continuationToken: paging.token || undefined, filter }),
      deps.reflections.list(person.id),
    ]);
    return myRecognitionCard({
      summary,
      slips: page.items,
      currentToken: paging.token,
      olderToken: page.continuationToken,
      previous: paging.previous,
      filter,
      portfolioUrl: link(person, 'portfolio', '/me/portfolio'),
      csvUrl: link(person, 'history-csv', '/me/history.csv'),
      timeZone: deps.timeZone,
      valueChoices: [...new Set([...DEFAULT_VALUES, ...summary.values.map((v) => v.value)])],
      notes: new Map(notes.map((n) => [n.slipId, n])),
      framework: deps.reflections.framework,
    });
  }

  /**
   * The person whose data this request may touch, as the policy decides: the sender, in their
   * personal chat. Card data may name whose data it means (`personId`); naming anyone else is
   * refused. Throws the refusal (a CodedError) otherwise.
   */
  function self(context: TurnContext, what: SelfAction, data?: Record<string, unknown>): PersonRef {
    const actor = actorOf(context.activity);
    const named = typeof data?.personId === 'string' ? data.personId : undefined;
    deps.policy.requireSelf(actor?.id, named, what, scopeOf(context.activity) === 'personal' ? 'asker only' : 'others too');
    return actor!;
  }

  /** For typed commands: the person, or undefined once they have been told the refusal. */
  async function me(context: TurnContext, what: SelfAction): Promise<PersonRef | undefined> {
    try {
      return self(context, what);
    } catch (e) {
      if (!isCodedError(e)) throw e;
      turnLog(context, deps.logger).info('refused', { what, reason: e.userMessage });
      await context.sendActivity(e.userMessage);
      return undefined;
    }
  }

  const showRecognition = async (context: TurnContext) => {
    const person = await me(context, 'history');
    if (person) await context.sendActivity({ attachments: [await recognitionCard(person, { token: '', previous: [] })] });
  };
  app.message(MY_RECOGNITION, showRecognition);
  app.adaptiveCards.actionSubmit('openHistory', showRecognition);

  app.adaptiveCards.actionExecute(
    'history.page',
    guarded(deps.logger, async (context, _state, data: Record<string, unknown>) => {
      const person = self(context, 'history', data);
      // "Show" reads the filter inputs; the paging buttons carry the filter their page was read with.
      const fromInputs = data.fromInputs === 'true';
      const value = str(fromInputs ? data.value : data.fValue, 100);
      const year = Number(str(fromInputs ? data.year : data.fYear, 4)) || undefined;
      const previous = str(data.previous, 50_000)
        .split(' ')
        .filter((t) => t && t.length <= 2000)
        .slice(0, 20);
      const card = await recognitionCard(person, {
        token: str(data.token, 2000),
        previous,
        value,
        year: year && year >= 2000 && year <= 2100 ? year : undefined,
      });
      return card.content as AdaptiveCard;
    }),
  );

  app.message(PROFILE, async (context) => {
    const person = await me(context, 'profile');
    if (person) await context.sendActivity({ attachments: [profileCard((await deps.profiles.get(person.id)) ?? {})] });
  });

  app.adaptiveCards.actionExecute(
    'profile.save',
    guarded(deps.logger, async (context, _state, data: Record<string, unknown>) => {
      const person = self(context, 'profile', data);
      try {
        const saved = await deps.profiles.save(person.id, data);
        return profileCard(saved, 'Saved. Thank you!').content as AdaptiveCard;
      } catch (e) {
        if (!isCodedError(e) || e.code !== 'invalid_input') throw e;
        turnLog(context, deps.logger).info('profile refused', { field: e.field });
        return profileCard(
          { ...(data as object), noReadOut: data.noReadOut === 'true', noNotifications: data.noNotifications === 'true' } as never,
          e.userMessage,
          false,
        ).content as AdaptiveCard;
      }
    }),
  );

  app.message(EXPORT, async (context) => {
    const person = await me(context, 'export');
    if (!person) return;
    const url = link(person, 'export', '/me/export.json');
    await context.sendActivity({
      attachments: [
        linkCard(
          'Your data',
          'Here is everything Valued stores about you, in one file you can keep. The link works for the next hour, and only for you.',
          'Download my data',
          url,
        ),
      ],
    });
  });

  app.message(ERASE, async (context) => {
    if (await me(context, 'erase')) await context.sendActivity({ attachments: [confirmEraseCard()] });
  });

  app.adaptiveCards.actionExecute(
    'erase.cancel',
    async () => noticeCard('Nothing was erased', 'Your data is just as it was.').content as AdaptiveCard,
  );

  app.adaptiveCards.actionExecute(
    'erase.confirm',
    guarded(deps.logger, async (context, _state, data: Record<string, unknown>) => {
      const person = self(context, 'erase', data);
      if (data.confirm !== 'erase') return ERASE_BUTTON_FAILED;
      const result = await deps.dataRights.erase(person);
      turnLog(context, deps.logger).info('data erased', result);
      return noticeCard(
        'Your data has been erased',
        'The thank-yous you received, your history and your profile are gone. Thank-yous you sent stay for the people you thanked, from “a former colleague”.',
        'good',
      ).content as AdaptiveCard;
    }),
  );
}
