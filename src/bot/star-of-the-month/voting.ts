// The team vote card's button: one secret vote per member, changeable until the vote closes. A
// vote after the closing time is refused, changes nothing, and the voter's card shows it closed.
import type { Application, AdaptiveCard } from '@microsoft/teams-ai';
import { guarded } from '../guarded';
import { actorOf } from '../activity-info';
import { turnLog } from '../turn-log';
import { safeName } from '../../cards/safe-text';
import { voteCard } from '../../cards/vote-card';
import { VoteClosedError } from '../../services/team-vote-service';
import { asRecord, readBoxRef } from './invoke-data';
import type { StarDeps } from './star-deps';

export function registerVoting(app: Application, deps: StarDeps): void {
  app.adaptiveCards.actionExecute(
    'som.vote',
    guarded(deps.logger, async (context, _state, data) => {
      const ref = readBoxRef(data);
      const voter = actorOf(context.activity);
      const nomineeId = asRecord(data).nomineeId;
      if (!ref || !voter) return 'Sorry, that vote didn’t come through. Please try again.';
      if (typeof nomineeId !== 'string' || !nomineeId) return 'Please choose one colleague, then press Vote.';
      try {
        const nominee = await deps.votes.cast(voter, ref.teamId, ref.month, nomineeId);
        // Who voted for whom is never logged: the vote is secret.
        turnLog(context, deps.logger).info('vote cast', { teamId: ref.teamId, month: ref.month });
        return `Thank you. Your vote for ${safeName(nominee.name)} is in. Nobody else can see it, and you can change it until the vote closes.`;
      } catch (e) {
        if (!(e instanceof VoteClosedError)) throw e;
        turnLog(context, deps.logger).info('late vote refused', { teamId: ref.teamId, month: ref.month });
        const closed = await deps.votes.closedVote(ref.teamId, ref.month);
        return voteCard({
          ...ref,
          teamName: closed.teamName,
          shortlist: [],
          open: false,
          timeZone: closed.timeZone,
          closesAt: closed.closedAt,
          notice: e.userMessage,
        }).content as AdaptiveCard;
      }
    }),
  );
}
