// Install, first contact and `help`: say what Valued is and remember where people are.
// (Members added and removed, Valued's own install among them, are in team-membership.ts.)
import type { TurnContext } from 'botbuilder';
import { TurnContext as TC } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { welcomeCard } from '../../cards/welcome-card';
import { commandsFor } from '../commands';
import type { BotDeps } from '../bot-deps';
import { actorOf, channelIdOf, scopeOf, teamOf, tenantOf } from '../activity-info';

export async function rememberConversation(context: TurnContext, deps: BotDeps, force = false): Promise<boolean> {
  const a = context.activity;
  const ref = TC.getConversationReference(a) as unknown as Record<string, unknown>;
  const person = actorOf(a);
  const team = teamOf(a);
  if (person) await deps.directory.rememberPerson(person);
  if (person && a.serviceUrl && scopeOf(a) !== 'personal') await deps.directory.refreshServiceUrl(person.id, a.serviceUrl);
  if (team) {
    // A channel is reached without naming anyone, so the person who happened to trigger this is not kept.
    const { user: _who, ...channelRef } = ref;
    await deps.directory.rememberTeam(
      { tenantId: tenantOf(a), teamId: team.id, teamName: team.name, channelId: channelIdOf(a) ?? team.id },
      channelRef,
      person,
      force,
    );
  }
  if (scopeOf(a) === 'personal' && person && a.conversation?.id) {
    return deps.directory.rememberPersonal(person.id, a.conversation.id, ref, force);
  }
  return false;
}

/** The welcome card for where the person is, listing that place's commands (as the Teams menu does). */
function welcomeFor(context: TurnContext) {
  const scope = scopeOf(context.activity);
  if (scope === 'personal') return welcomeCard(commandsFor('personal'), 'personal');
  return welcomeCard(commandsFor(scope === 'channel' ? 'team' : 'groupChat'), 'shared');
}

/** Valued was just added here: remember where, and welcome (a personal chat only once; Teams repeats this event). */
export async function welcomeOnInstall(context: TurnContext, deps: BotDeps): Promise<void> {
  const isNew = await rememberConversation(context, deps, true);
  if (scopeOf(context.activity) !== 'personal' || isNew) {
    await context.sendActivity({ attachments: [welcomeFor(context)] });
  }
}

export function register(app: Application, deps: BotDeps): void {
  app.activity('installationUpdate', async (context) => {
    if (!context.activity.action?.startsWith('add')) return;
    // Teams sends this and membersAdded on install; whichever saves the personal chat first welcomes.
    const isNew = await rememberConversation(context, deps, true);
    if (scopeOf(context.activity) === 'personal' && isNew) await context.sendActivity({ attachments: [welcomeFor(context)] });
  });

  app.message(/^\s*(help|hello|hi|start)\s*[.!?]*\s*$/i, async (context) => {
    await context.sendActivity({ attachments: [welcomeFor(context)] });
  });
}
