// The roster lease: create-only insert for the first claim, ETag-conditional replace after.
import type { RosterState } from '../../domain/roster';
import type { RosterClaim, RosterRepository } from '../roster-repository';
import { DocTable } from './doc-table';
import { keys } from './keys';

const ROW = 'roster';
const EPOCH = new Date(0).toISOString();

export class TableRosterRepository implements RosterRepository {
  constructor(private readonly t: DocTable<RosterState>) {}

  async get(teamId: string) {
    return (await this.t.get(keys.team(teamId), ROW))?.doc;
  }

  async claim(
    teamId: string,
    instanceId: string,
    leaseUntil: Date,
    now: Date,
    due: (state: RosterState | undefined) => boolean,
  ): Promise<RosterClaim> {
    const pk = keys.team(teamId);
    const claim = { claimedBy: instanceId, leaseUntil: leaseUntil.toISOString(), updatedAt: now.toISOString() };
    const held = (s: RosterState) => Boolean(s.leaseUntil && Date.parse(s.leaseUntil) > now.getTime());
    for (let attempt = 0; attempt < 2; attempt++) {
      if (due(undefined) && (await this.t.create(pk, ROW, { teamId, ...claim }))) return 'claimed';
      // Why not, decided on the same read the ETag guards: no second read to find out.
      let refused: RosterClaim = 'not due';
      const r = await this.t.update(pk, ROW, (s) => {
        refused = held(s) ? 'claimed elsewhere' : 'not due';
        return held(s) || !due(s) ? undefined : { ...s, ...claim };
      });
      if (r) return r.changed ? 'claimed' : refused;
      if (!due(undefined)) return 'not due';
    }
    return 'not due';
  }

  async finish(teamId: string, instanceId: string, now: Date, memberCount: number) {
    const at = now.toISOString();
    await this.t.update(keys.team(teamId), ROW, (s) =>
      s.claimedBy !== instanceId
        ? undefined
        : { ...s, syncedAt: at, memberCount, failedAt: undefined, claimedBy: '', leaseUntil: EPOCH, updatedAt: at },
    );
  }

  async release(teamId: string, instanceId: string, now: Date, backOff: boolean) {
    const at = now.toISOString();
    await this.t.update(keys.team(teamId), ROW, (s) =>
      s.claimedBy !== instanceId
        ? undefined
        : { ...s, claimedBy: '', leaseUntil: EPOCH, ...(backOff ? { failedAt: at } : {}), updatedAt: at },
    );
  }

  remove(teamId: string) {
    return this.t.delete(keys.team(teamId), ROW);
  }
}
