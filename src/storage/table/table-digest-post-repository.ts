// The digest lease: create-only insert for the first claim, ETag-conditional replace for every
// later change (DocTable.update re-reads and re-decides after losing a race, so a loser sees the
// winner's claim and backs off).
import type { DigestPost } from '../../domain/digest';
import type { DigestPostRepository } from '../digest-post-repository';
import { DocTable } from './doc-table';
import { keys } from './keys';

const EPOCH = new Date(0).toISOString();
const done = (p: DigestPost) => Boolean(p.postedAt || p.postedActivityId);

export class TableDigestPostRepository implements DigestPostRepository {
  constructor(private readonly t: DocTable<DigestPost>) {}

  async get(teamId: string, month: string) {
    return (await this.t.get(keys.team(teamId), month))?.doc;
  }

  async claim(teamId: string, month: string, instanceId: string, leaseUntil: Date, now: Date) {
    const pk = keys.team(teamId);
    const claim: DigestPost = { teamId, month, claimedBy: instanceId, leaseUntil: leaseUntil.toISOString() };
    // Twice: if the record vanished between a lost create and the update (retention), try again.
    for (let attempt = 0; attempt < 2; attempt++) {
      if (await this.t.create(pk, month, claim)) return true;
      const r = await this.t.update(pk, month, (p) =>
        done(p) || new Date(p.leaseUntil).getTime() > now.getTime() ? undefined : { ...p, ...claim },
      );
      if (r) return r.changed;
    }
    return false;
  }

  private async finish(teamId: string, month: string, instanceId: string, change: Partial<DigestPost>) {
    const r = await this.t.update(keys.team(teamId), month, (p) =>
      p.claimedBy !== instanceId || done(p) ? undefined : { ...p, ...change },
    );
    return r?.changed === true;
  }

  markPosted(teamId: string, month: string, instanceId: string, activityId: string, now: Date) {
    return this.finish(teamId, month, instanceId, { postedActivityId: activityId, postedAt: now.toISOString() });
  }

  markNothingToPost(teamId: string, month: string, instanceId: string, now: Date) {
    return this.finish(teamId, month, instanceId, { nothingToPost: true, postedAt: now.toISOString() });
  }

  async release(teamId: string, month: string, instanceId: string) {
    // A lease that ended at the epoch: anyone may claim it at once.
    await this.t.update(keys.team(teamId), month, (p) =>
      p.claimedBy !== instanceId || done(p) ? undefined : { ...p, claimedBy: '', leaseUntil: EPOCH },
    );
  }

  remove(teamId: string, month: string) {
    return this.t.delete(keys.team(teamId), month);
  }

  removeBefore(teamId: string, month: string) {
    return this.t.deletePartition(keys.team(teamId), { to: month });
  }
}
