// Who is in each team, from Teams' own events: Valued added (welcome, then read the roster),
// members added and removed, Valued removed or the team deleted. Teams is answered first; the
// roster work runs in the background, since a large team's roster takes many requests.
import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../bot-deps';
import type { RosterService } from '../../services/roster-service';
import type { PersonRef } from '../../domain/person';
import type { TeamsSender } from '../outbound/teams-sender';
import { personOf, teamOf, tenantOf } from '../activity-info';
import { turnLog } from '../turn-log';
import { welcomeOnInstall } from './welcome';

export interface TeamMembershipDeps {
  bot: BotDeps;
  roster: RosterService;
  sender: TeamsSender;
}

const isBot = (context: TurnContext, id: string | undefined) => !!id && id === context.activity.recipient?.id;

export function register(app: Application, deps: TeamMembershipDeps): void {
  const inBackground = (context: TurnContext, what: string, work: Promise<unknown>) => {
    void deps.sender
      .background(work)
      .catch((e) => turnLog(context, deps.bot.logger).error(`${what} failed`, { err: (e as Error).message }));
  };

  app.conversationUpdate('membersAdded', async (context) => {
    const a = context.activity;
    const team = teamOf(a);
    const added = a.membersAdded ?? [];
    if (added.some((m) => isBot(context, m.id))) {
      await welcomeOnInstall(context, deps.bot);
      if (team) inBackground(context, 'reading the roster', deps.roster.sync(team.id, { force: true }));
      return;
    }
    if (!team) return;
    const people = added.map((m) => personOf(m)).filter((p): p is PersonRef => !!p && !p.teamsId.startsWith('28:'));
    inBackground(context, 'recording new members', deps.roster.membersAdded(team.id, tenantOf(a), people));
  });

  app.conversationUpdate('membersRemoved', async (context) => {
    const a = context.activity;
    const team = teamOf(a);
    if (!team) return;
    const removed = a.membersRemoved ?? [];
    if (removed.some((m) => isBot(context, m.id))) {
      inBackground(context, 'forgetting the team', deps.roster.teamRemoved(team.id));
      return;
    }
    const people = removed.map((m) => personOf(m)).filter((p): p is PersonRef => !!p);
    inBackground(context, 'recording members who left', Promise.all(people.map((p) => deps.roster.memberRemoved(team.id, p.id))));
  });

  for (const event of ['teamDeleted', 'teamHardDeleted'] as const) {
    app.conversationUpdate(event, async (context) => {
      const team = teamOf(context.activity);
      if (team) inBackground(context, 'forgetting the team', deps.roster.teamRemoved(team.id));
    });
  }
}
