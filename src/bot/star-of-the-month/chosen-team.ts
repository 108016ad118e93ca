// Which team a star of the month action is for: the channel's team, else the chosen one if it
// is one of the person's teams, else their last used (or only) team.
import type { TurnContext } from 'botbuilder';
import { actorOf, teamOf } from '../activity-info';
import type { BoxChooser } from '../../services/box-chooser';

export interface ChosenTeam {
  teamId: string;
  teamName: string;
  /** The person's teams, when they chose from a chat outside a channel. */
  teams: Array<{ id: string; name: string }>;
}

export async function chosenTeam(context: TurnContext, boxes: BoxChooser, requestedTeamId = ''): Promise<ChosenTeam | undefined> {
  const team = teamOf(context.activity);
  if (team) return { teamId: team.id, teamName: team.name, teams: [] };
  const actor = actorOf(context.activity);
  if (!actor) return undefined;
  const choice = await boxes.choicesFor(actor.id);
  const chosen = choice.teams.find((t) => t.id === requestedTeamId) ?? choice.teams.find((t) => t.id === choice.defaultTeamId);
  return chosen && { teamId: chosen.id, teamName: chosen.name, teams: choice.teams };
}

export const NO_TEAM_YET =
  'I don’t know your team yet. Please use Valued once in your team’s channel (for example, type @Valued help there), then try again here.';
