// "settings": the card a lead uses to change everything about their team's Valued, in the team
// channel or in their personal chat (choosing the team when they lead several).
import type { Application, AdaptiveCard } from '@microsoft/teams-ai';
import { TeamsInfo, type TurnContext } from 'botbuilder';
import { guarded } from '../guarded';
import { actorOf, channelIdOf, scopeOf, teamOf } from '../activity-info';
import { PeopleDirectory } from '../people-directory';
import { turnLog } from '../turn-log';
import type { TeamSettings } from '../../domain/team-settings';
import { teamSettingsCard } from '../../cards/team-settings-card';
import { teamChoiceCard } from '../../cards/team-choice-card';
import { readTeamId } from './invoke-data';
import { readTeamSettingsForm } from '../../domain/team-settings-form';
import type { StarDeps } from './star-deps';
import type { Reviewing } from './reviewing';

export const SETTINGS = /^\s*settings\s*[.!?]*\s*$/i;
const GROUP_CHAT = 'Settings belong to a team. Type settings in your team’s channel, or in your personal chat with Valued.';
const NOT_A_LEAD =
  'Only governance leads can change Valued’s settings. If you think you should be one, ask a lead of your team to add you.';

export class TeamSettingsFlow {
  constructor(
    private readonly deps: StarDeps,
    private readonly reviewing: Reviewing,
  ) {}

  private async channels(context: TurnContext, s: TeamSettings): Promise<Array<{ id: string; name: string }>> {
    const list: Array<{ id: string; name: string }> = [];
    try {
      for (const c of await TeamsInfo.getTeamChannels(context, s.teamId)) if (c.id) list.push({ id: c.id, name: c.name || 'General' });
    } catch (e) {
      // Outside the team (a personal chat) Teams may refuse; fall back to what we know.
      turnLog(context, this.deps.logger).debug('could not list channels', { err: (e as Error).message });
    }
    const here = teamOf(context.activity) ? channelIdOf(context.activity) : undefined;
    if (here && !list.some((c) => c.id === here)) list.push({ id: here, name: 'This channel' });
    if (s.governanceChannelId && !list.some((c) => c.id === s.governanceChannelId))
      list.push({ id: s.governanceChannelId, name: 'The current governance channel' });
    return list;
  }

  async card(context: TurnContext, s: TeamSettings, extra: { notice?: string; errors?: string[] } = {}): Promise<AdaptiveCard> {
    const members = await new PeopleDirectory(context, s.teamId, turnLog(context, this.deps.logger), this.deps.directory).choices('');
    const name = (id: string) => members.find((m) => m.id.toLowerCase() === id.toLowerCase())?.name ?? 'A colleague';
    const people = [...members];
    for (const id of s.leadIds) if (!people.some((p) => p.id === id)) people.unshift({ id, name: name(id) });
    return teamSettingsCard({
      settings: s,
      people,
      channels: await this.channels(context, s),
      alwaysLeads: this.deps.policy.alwaysLeads.map(name),
      ...extra,
    }).content as AdaptiveCard;
  }

  register(app: Application): void {
    const logger = this.deps.logger;

    app.message(SETTINGS, async (context) => {
      const actor = actorOf(context.activity);
      if (!actor) return;
      const team = teamOf(context.activity);
      if (team) {
        const settings = await this.deps.teamSettings.forLead(actor.id, team.id);
        await context.sendActivity({
          attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: await this.card(context, settings) }],
        });
        return;
      }
      if (scopeOf(context.activity) !== 'personal') {
        await context.sendActivity(GROUP_CHAT);
        return;
      }
      const teams = await this.reviewing.ledTeams(actor.id);
      if (teams.length === 0) {
        await context.sendActivity(NOT_A_LEAD);
        return;
      }
      if (teams.length > 1) {
        await context.sendActivity({
          attachments: [
            teamChoiceCard({
              heading: 'Which team’s settings?',
              text: 'You are a governance lead of more than one team.',
              button: 'Show settings',
              verb: 'settings.open',
              teams,
            }),
          ],
        });
        return;
      }
      const settings = await this.deps.teamSettings.forLead(actor.id, teams[0].id);
      await context.sendActivity({
        attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: await this.card(context, settings) }],
      });
    });

    app.adaptiveCards.actionExecute(
      'settings.open',
      guarded(logger, async (context, _state, data) => {
        const actor = actorOf(context.activity);
        const teamId = readTeamId(data);
        if (!actor || !teamId) return 'Sorry, that button didn’t work. Please type settings again.';
        return this.card(context, await this.deps.teamSettings.forLead(actor.id, teamId));
      }),
    );

    app.adaptiveCards.actionExecute(
      'settings.save',
      guarded(logger, async (context, _state, data) => {
        const actor = actorOf(context.activity);
        const teamId = readTeamId(data);
        if (!actor || !teamId) return 'Sorry, that button didn’t work. Please type settings again.';
        // Checked against what the card offered: the same channel list it was drawn with.
        const { settings, problems } = await this.deps.teamSettings.update(actor.id, teamId, async (current) =>
          readTeamSettingsForm(data, current, { channelIds: (await this.channels(context, current)).map((c) => c.id) }),
        );
        if (problems.length) return this.card(context, settings, { errors: problems.map((p) => p.userMessage) });
        return this.card(context, settings, { notice: 'Saved. Thank you for keeping Valued right for your team.' });
      }),
    );
  }
}
