// Star of the month: nominating, the lead's review and announcement, the team vote, and the
// team settings leads look after. Lead-only steps all go through AccessPolicy.
import type { Application } from '@microsoft/teams-ai';
import { Nominating } from '../star-of-the-month/nominating';
import { Reviewing } from '../star-of-the-month/reviewing';
import { registerVoting } from '../star-of-the-month/voting';
import { TeamSettingsFlow } from '../star-of-the-month/team-settings-flow';
import type { StarDeps } from '../star-of-the-month/star-deps';

export function register(app: Application, deps: StarDeps): void {
  new Nominating(deps).register(app);
  const reviewing = new Reviewing(deps);
  reviewing.register(app);
  registerVoting(app, deps);
  new TeamSettingsFlow(deps, reviewing).register(app);
}
