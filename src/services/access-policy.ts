// Who may do what, decided in one place so the rules cannot drift between features:
// - a person's own recognition and data (history, profile, export, erase, portfolio, CSV):
//   that person only, and only where no one else reads the answer;
// - a private slip: its sender and recipients only;
// - a box's nominations, review, award steps, digest and read-out, and a team's settings: that
//   team's governance leads;
// - taking part in a box (nominating, being nominated, voting): that team's members, as the
//   team's roster from Teams says (plus anyone seen using Valued in the team's channels).
// Every handler and page asks here; none decides for itself.
//
// Teams does not tell a bot who a team's owners are: the roster's `userRole` says only user,
// guest or anonymous, and owners need Microsoft Graph. So a lead is
// someone named in FIRST_LEAD_IDS (always, for every team) or in the team's own list of leads,
// which leads keep up to date in the settings card. "Team owners" are those leads.
import { CodedError } from '../domain/errors';
import type { Slip } from '../domain/slip';
import type { TeamSettings } from '../domain/team-settings';
import type { TeamSettingsRepository } from '../storage/team-settings-repository';
import type { MembershipRepository } from '../storage/membership-repository';

export type LeadAction = 'settings' | 'review' | 'shortlist' | 'vote' | 'award' | 'close' | 'digest';

const REFUSALS: Record<LeadAction, string> = {
  settings: 'Only your team’s governance leads can change Valued’s settings.',
  review: 'Only your team’s governance leads can see all the nominations.',
  shortlist: 'Only your team’s governance leads can make the shortlist.',
  vote: 'Only your team’s governance leads can open or close the team vote.',
  award: 'Only your team’s governance leads can choose and announce the star of the month.',
  close: 'Only your team’s governance leads can close the month’s nominations.',
  digest: 'Only your team’s governance leads can see the monthly digest and read-out.',
};

const ASK = 'If you think you should be one, a lead can add you in the settings card.';

/** What only the person it is about may see or change. */
export type SelfAction = 'history' | 'profile' | 'export' | 'erase' | 'portfolio' | 'history-csv' | 'reflect';

/** Who reads the answer: only the person asking (their personal chat, their own browser), or others too (a group chat or channel). */
export type Audience = 'asker only' | 'others too';

export const PRIVATE_ONLY =
  'Your recognition is just for you, so I only show it in our personal chat. Open a chat with Valued and type **my recognition**.';

const NOT_YOURS: Record<SelfAction, string> = {
  history: 'Sorry, you can only see your own recognition.',
  profile: 'Sorry, you can only change your own profile. Nothing was changed.',
  export: 'Sorry, you can only download your own data.',
  erase: 'Sorry, you can only erase your own data. Nothing was erased.',
  portfolio: 'Sorry, this link only opens the portfolio of the person it was made for.',
  'history-csv': 'Sorry, this link only downloads the recognition of the person it was made for.',
  reflect: 'Sorry, only the person who received a thank-you can tag it or reflect on it. Nothing was saved.',
};

/** What only a team's members may do in its box. */
export type MemberAction = 'vote' | 'nominate' | 'be nominated';

const NOT_A_MEMBER: Record<MemberAction, string> = {
  vote: 'Sorry, this vote is for members of the team, so I couldn’t count yours. Nothing was changed.',
  nominate: 'Sorry, only members of the team can nominate for its star of the month. Nothing was saved.',
  'be nominated':
    'isn’t a member of this team, so they can’t be nominated here. Please choose a colleague from the team. Nothing was saved.',
};

export const SLIP_NOT_FOUND = 'Sorry, I couldn’t find that slip. It may have been removed.';

export class AccessPolicy {
  private readonly firstLeads: ReadonlySet<string>;

  constructor(
    private readonly teamSettings: TeamSettingsRepository,
    firstLeadIds: readonly string[],
    private readonly memberships?: Pick<MembershipRepository, 'get'>,
  ) {
    this.firstLeads = new Set(firstLeadIds.map((id) => id.toLowerCase()));
  }

  /** Leads named in configuration: leads of every team, whatever its list says. */
  get alwaysLeads(): string[] {
    return [...this.firstLeads];
  }

  /** Every lead of the team: those named in configuration, then the team's own list. */
  leadsOf(settings: Pick<TeamSettings, 'leadIds'>): string[] {
    return [...new Set([...this.firstLeads, ...settings.leadIds.map((id) => id.toLowerCase())])];
  }

  isLead(personId: string, settings: Pick<TeamSettings, 'leadIds'> | undefined): boolean {
    const id = personId.toLowerCase();
    return this.firstLeads.has(id) || (settings?.leadIds ?? []).some((l) => l.toLowerCase() === id);
  }

  /** The team's settings when the person is a lead; otherwise a kind refusal to show them. */
  async requireLead(personId: string, teamId: string, action: LeadAction): Promise<TeamSettings> {
    const settings = teamId ? await this.teamSettings.get(teamId) : undefined;
    if (!settings)
      throw new CodedError(
        'not_found',
        'I don’t know that team yet. Please use Valued in one of the team’s channels first, for example by typing @Valued help there.',
      );
    if (!this.isLead(personId, settings)) throw new CodedError('not_allowed', `${REFUSALS[action]} ${ASK}`);
    return settings;
  }

  /** Whether the person is in the team: on its roster, or seen using Valued in its channels. */
  async isMember(personId: string, teamId: string): Promise<boolean> {
    if (!this.memberships || !teamId) return false;
    return (await this.memberships.get(personId, teamId)) !== undefined;
  }

  /**
   * The kind refusal for someone outside the team, or undefined for a member. `name`: the
   * person's name, for the nominee's refusal, which is shown to the nominator.
   */
  async memberRefusal(personId: string, teamId: string, action: MemberAction, name?: string): Promise<CodedError | undefined> {
    if (await this.isMember(personId, teamId)) return undefined;
    const text = action === 'be nominated' ? `${name || 'That colleague'} ${NOT_A_MEMBER[action]}` : NOT_A_MEMBER[action];
    return new CodedError('not_allowed', text, action === 'be nominated' ? 'nominee' : undefined);
  }

  /** Refuses anyone outside the team (see memberRefusal). */
  async requireMember(personId: string, teamId: string, action: MemberAction, name?: string): Promise<void> {
    const refusal = await this.memberRefusal(personId, teamId, action, name);
    if (refusal) throw refusal;
  }

  /**
   * The person whose own data a request may touch: always the one the request proves is asking
   * (the sender of the activity, the signed-in caller, a signed link's subject), and only when
   * the answer is for their eyes alone. A request that names someone else (`subjectId`) is
   * refused rather than quietly answered about the asker, so the attempt is visible in the logs.
   */
  requireSelf(actorId: string | undefined, subjectId: string | undefined, what: SelfAction, audience: Audience = 'asker only'): string {
    if (!actorId || audience !== 'asker only') throw new CodedError('not_allowed', PRIVATE_ONLY);
    if (subjectId !== undefined && subjectId.toLowerCase() !== actorId.toLowerCase()) throw new CodedError('not_allowed', NOT_YOURS[what]);
    return actorId;
  }

  /** Whether a person may see a slip: anyone for a team slip; only its sender and recipients for a private one. */
  canSeeSlip(personId: string, slip: Pick<Slip, 'visibility' | 'sender' | 'recipients'>): boolean {
    if (slip.visibility !== 'private') return true;
    const id = personId.toLowerCase();
    return slip.sender.id.toLowerCase() === id || slip.recipients.some((r) => r.id.toLowerCase() === id);
  }

  /** The slip when the person may see it; otherwise "not found", so a private slip's existence is not given away. */
  requireSlipViewer<S extends Pick<Slip, 'visibility' | 'sender' | 'recipients'>>(personId: string | undefined, slip: S | undefined): S {
    if (!slip || !personId || !this.canSeeSlip(personId, slip)) throw new CodedError('not_found', SLIP_NOT_FOUND);
    return slip;
  }

  /** Of the given teams, those the person leads. */
  async teamsLedBy(personId: string, teams: Array<{ id: string; name: string }>): Promise<Array<{ id: string; name: string }>> {
    const led = await Promise.all(teams.map(async (t) => (this.isLead(personId, await this.teamSettings.get(t.id)) ? t : undefined)));
    return led.filter((t): t is { id: string; name: string } => !!t);
  }
}
