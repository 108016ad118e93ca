// A person's data rights: export everything Valued stores about them, and erase it. Reads are
// bounded: their own history partition, plus the boxes of the teams they belong to within the
// retention period (never a table scan). Erasure keeps slips they sent for their recipients,
// shown as from "a former colleague", and is safe to run again.
import { noticeScope } from '../storage/notice-log-repository';
import { monthOf, previousMonth } from '../domain/box';
import type { PersonRef } from '../domain/person';
import { boxSummaryOf, type PersonSummary } from '../domain/summaries';
import type { Slip } from '../domain/slip';
import { mapInParallel } from '../storage/in-parallel';
import type { Repositories } from '../storage/repositories';
import { historyEntry } from './slip-service';

export const FORMER_COLLEAGUE: PersonRef = { id: 'former-colleague', teamsId: 'former-colleague', name: 'a former colleague' };

const DEFAULT_RETENTION_MONTHS = 24;

export interface PersonalExport {
  about: string;
  exportedAt: string;
  person: { id: string; name?: string };
  profile: unknown;
  teams: unknown[];
  received: unknown[];
  sent: Slip[];
  thanksAdded: Array<{ slipId: string; teamId: string; month: string; to: string[] }>;
  nominationsReceived: unknown[];
  nominationsMade: unknown[];
  votes: unknown[];
  awards: unknown[];
  /** Their own tags (framework domains) and reflections on thank-yous they received. */
  reflections: unknown[];
  /** The totals kept of what they received (their summary row). */
  receivedTotals: PersonSummary;
}

export class DataRightsService {
  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date,
    private readonly timeZone: string,
  ) {}

  /** Every (team, month) box the person could appear in: their teams, and slips sent outside a team. */
  private async boxes(personId: string): Promise<Array<{ teamId: string; month: string }>> {
    const teams = await this.repos.memberships.list(personId);
    const out: Array<{ teamId: string; month: string }> = [];
    for (const teamId of [...teams.map((t) => t.teamId), '']) {
      const months = teamId
        ? ((await this.repos.teamSettings.get(teamId))?.retentionMonths ?? DEFAULT_RETENTION_MONTHS)
        : DEFAULT_RETENTION_MONTHS;
      let month = monthOf(this.now(), this.timeZone);
      for (let i = 0; i <= months; i++, month = previousMonth(month)) out.push({ teamId, month });
    }
    return out;
  }

  async exportFor(person: PersonRef): Promise<PersonalExport> {
    const id = person.id;
    const [profile, teams, received, sentIndex, nominationsReceived, awards, boxes, reflections, receivedTotals] = await Promise.all([
      this.repos.profiles.get(id),
      this.repos.memberships.list(id),
      this.repos.history.allSlips(id),
      this.repos.history.sent(id),
      this.repos.history.nominations(id),
      this.repos.history.awards(id),
      this.boxes(id),
      this.repos.reflections.list(id),
      this.repos.history.summary(id),
    ]);
    const sent = (await mapInParallel(sentIndex, (s) => this.repos.slips.get(s.teamId, s.month, s.slipId))).filter((s): s is Slip => !!s);
    const thanksAdded: PersonalExport['thanksAdded'] = [];
    const nominationsMade: unknown[] = [];
    const votes: unknown[] = [];
    for (const box of boxes) {
      const [slips, nominations, boxVotes] = await Promise.all([
        this.repos.slips.listBox(box.teamId, box.month),
        this.repos.nominations.listBox(box.teamId, box.month),
        this.repos.votes.listBox(box.teamId, box.month),
      ]);
      for (const s of slips)
        if (s.cosigners.some((c) => c.id === id))
          thanksAdded.push({ slipId: s.id, teamId: s.teamId, month: s.month, to: s.recipients.map((r) => r.name) });
      nominationsMade.push(...nominations.filter((n) => n.nominator.id === id));
      votes.push(...boxVotes.filter((v) => v.voterId === id));
    }
    return {
      about: 'Everything Valued stores about you, as of the time shown.',
      exportedAt: this.now().toISOString(),
      person: { id, ...(person.name ? { name: person.name } : {}) },
      profile: profile ?? null,
      teams: teams.map((t) => ({ teamId: t.teamId, teamName: t.teamName, lastUsedAt: t.lastUsedAt })),
      received,
      sent,
      thanksAdded,
      nominationsReceived,
      nominationsMade,
      votes,
      awards,
      reflections,
      receivedTotals,
    };
  }

  async erase(person: PersonRef): Promise<{ slipsReceived: number; slipsSentAnonymised: number }> {
    const id = person.id;
    const isThem = (p: PersonRef) => p.id === id || p.teamsId === person.teamsId;
    const [received, sentIndex, boxes] = await Promise.all([this.repos.history.allSlips(id), this.repos.history.sent(id), this.boxes(id)]);

    // Slips they sent stay for their recipients, from "a former colleague".
    for (const entry of sentIndex) {
      const r = await this.repos.slips.update(entry.teamId, entry.month, entry.slipId, (s) =>
        isThem(s.sender) ? { ...s, sender: FORMER_COLLEAGUE } : undefined,
      );
      if (r) await Promise.all(r.slip.recipients.map((rec) => this.repos.history.replaceSlip(rec.id, historyEntry(r.slip))));
    }

    // Slips they received lose them as a recipient; a slip left with nobody is removed.
    for (const entry of received) {
      const r = await this.repos.slips.update(entry.teamId, entry.month, entry.slipId, (s) => scrub(s, person));
      if (!r) continue;
      if (r.slip.recipients.length === 0) await this.repos.slips.delete(entry.teamId, entry.month, entry.slipId);
      const senderId = r.slip.sender.id;
      if (senderId !== FORMER_COLLEAGUE.id) {
        await this.repos.history.addSent(senderId, {
          kind: 'sent',
          slipId: r.slip.id,
          teamId: r.slip.teamId,
          month: r.slip.month,
          createdAt: r.slip.createdAt,
          recipientIds: r.slip.recipients.map((x) => x.id),
        });
      }
    }

    // Their traces in their teams' boxes: thanks added, nominations, votes.
    for (const box of boxes) {
      const [slips, nominations, votes] = await Promise.all([
        this.repos.slips.listBox(box.teamId, box.month),
        this.repos.nominations.listBox(box.teamId, box.month),
        this.repos.votes.listBox(box.teamId, box.month),
      ]);
      for (const s of slips) if (mentions(s, person)) await this.repos.slips.update(s.teamId, s.month, s.id, (x) => scrub(x, person));
      for (const n of nominations) {
        if (isThem(n.nominee)) await this.repos.nominations.remove(n);
        else if (isThem(n.nominator)) {
          await this.repos.nominations.remove(n);
          await this.repos.nominations.put({ ...n, nominator: FORMER_COLLEAGUE, anonymous: true });
          await this.repos.history.removeNomination(n.nominee.id, id, n);
          await this.repos.history.addNomination(n.nominee.id, FORMER_COLLEAGUE.id, {
            kind: 'nomination',
            teamId: n.teamId,
            month: n.month,
            createdAt: n.createdAt,
            reason: n.reason,
            values: n.values,
          });
        }
      }
      for (const v of votes) if (v.voterId === id || v.nomineeId === id) await this.repos.votes.remove(v.teamId, v.month, v.voterId);
      if (box.teamId) {
        const without = (ids: string[]) => ids.filter((x) => x !== id);
        await this.repos.awardRounds.amend(box.teamId, box.month, (r) =>
          [...r.shortlist, ...r.winners, ...r.highlyCommended].includes(id)
            ? { ...r, shortlist: without(r.shortlist), winners: without(r.winners), highlyCommended: without(r.highlyCommended) }
            : undefined,
        );
      }
    }

    // Awards and team roles name them; their own records go entirely.
    const teams = [...new Set(boxes.map((b) => b.teamId).filter(Boolean))];
    for (const teamId of teams) {
      for (const a of await this.repos.awards.listTeam(teamId)) {
        if ([...a.winners, ...a.highlyCommended].some(isThem)) {
          await this.repos.awards.put({
            ...a,
            winners: a.winners.map((w) => (isThem(w) ? FORMER_COLLEAGUE : w)),
            highlyCommended: a.highlyCommended.map((w) => (isThem(w) ? FORMER_COLLEAGUE : w)),
          });
        }
      }
      await this.repos.teamSettings.update(teamId, (s) =>
        s.leadIds.includes(id) ? { ...s, leadIds: s.leadIds.filter((l) => l !== id) } : undefined,
      );
    }
    await Promise.all([
      this.repos.profiles.delete(id),
      // The sending window is a row of the history partition: deleted after it, never beside it.
      this.repos.history.deleteAll(id).then(() => this.repos.rateLimits.deletePerson(id)),
      this.repos.reflections.deleteAll(id),
      this.repos.conversations.deletePerson(id, person.teamsId),
      this.repos.noticeLog.removeScope(noticeScope.person(id)),
    ]);
    await this.repos.memberships.remove(id);
    // Box summaries count people by id: every box they were in is summed again from its slips as they are now.
    const touched = new Map([...boxes, ...sentIndex, ...received].map((b) => [`${b.teamId}\n${b.month}`, b]));
    for (const b of touched.values()) await this.repos.slips.rebuildSummary(b.teamId, b.month, boxSummaryOf);
    return { slipsReceived: received.length, slipsSentAnonymised: sentIndex.length };
  }
}

function mentions(s: Slip, p: PersonRef): boolean {
  return (
    s.cosigners.some((c) => c.id === p.id) ||
    s.recipients.some((r) => r.id === p.id) ||
    (s.refreshUserIds ?? []).includes(p.teamsId) ||
    p.id in s.notified ||
    p.id in (s.recipientGroups ?? {})
  );
}

/** The slip without the person in it (as a recipient, a co-signer, or a refresh audience member). */
function scrub(s: Slip, p: PersonRef): Slip | undefined {
  if (!mentions(s, p)) return undefined;
  const notified = { ...s.notified };
  delete notified[p.id];
  const recipientGroups = { ...(s.recipientGroups ?? {}) };
  delete recipientGroups[p.id];
  return {
    ...s,
    recipients: s.recipients.filter((r) => r.id !== p.id),
    cosigners: s.cosigners.filter((c) => c.id !== p.id),
    refreshUserIds: (s.refreshUserIds ?? []).filter((u) => u !== p.teamsId),
    notified,
    recipientGroups,
  };
}
