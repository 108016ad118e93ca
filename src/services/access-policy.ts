// Who may do what: the one place that decides whether someone is a governance lead. Every
// lead-only action asks here, so the rule cannot drift between features.
//
// Teams does not tell a bot who a team's owners are (that needs Microsoft Graph), so a lead is
// someone named in FIRST_LEAD_IDS (always, for every team) or in the team's own list of leads,
// which leads keep up to date in the settings card.
import { CodedError } from '../domain/errors';
import type { TeamSettings } from '../domain/team-settings';
import type { TeamSettingsRepository } from '../storage/team-settings-repository';

export type LeadAction = 'settings' | 'review' | 'shortlist' | 'vote' | 'award' | 'close' | 'digest';

const REFUSALS: Record<LeadAction, string> = {
  settings: 'Only your team’s governance leads can change Valued’s settings.',
  review: 'Only your team’s governance leads can see all the nominations.',
  shortlist: 'Only your team’s governance leads can make the shortlist.',
  vote: 'Only your team’s governance leads can open or close the team vote.',
  award: 'Only your team’s governance leads can choose and announce the star of the month.',
  close: 'Only your team’s governance leads can close the month’s nominations.',
  digest: 'Only your team’s governance leads can see the monthly digest and read-out.'
};

const ASK = 'If you think you should be one, a lead can add you in the settings card.';

export class AccessPolicy {
  private readonly firstLeads: ReadonlySet<string>;

  constructor(private readonly teamSettings: TeamSettingsRepository, firstLeadIds: readonly string[]) {
    this.firstLeads = new Set(firstLeadIds.map((id) => id.toLowerCase()));
  }

  /** Leads named in configuration: leads of every team, whatever its list says. */
  get alwaysLeads(): string[] {
    return [...this.firstLeads];
  }

  isLead(personId: string, settings: Pick<TeamSettings, 'leadIds'> | undefined): boolean {
    const id = personId.toLowerCase();
    return this.firstLeads.has(id) || (settings?.leadIds ?? []).some((l) => l.toLowerCase() === id);
  }

  /** The team's settings when the person is a lead; otherwise a kind refusal to show them. */
  async requireLead(personId: string, teamId: string, action: LeadAction): Promise<TeamSettings> {
    const settings = teamId ? await this.teamSettings.get(teamId) : undefined;
    if (!settings) throw new CodedError('not_found', 'I don’t know that team yet. Please use Valued in one of the team’s channels first, for example by typing @Valued help there.');
    if (!this.isLead(personId, settings)) throw new CodedError('not_allowed', `${REFUSALS[action]} ${ASK}`);
    return settings;
  }

  /** Of the given teams, those the person leads. */
  async teamsLedBy(personId: string, teams: Array<{ id: string; name: string }>): Promise<Array<{ id: string; name: string }>> {
    const led = await Promise.all(teams.map(async (t) => (this.isLead(personId, await this.teamSettings.get(t.id)) ? t : undefined)));
    return led.filter((t): t is { id: string; name: string } => !!t);
  }
}
