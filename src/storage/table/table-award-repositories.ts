// Star of the month records: nominations and votes per box, awards per team.
import type { Award, Nomination, Vote } from '../../domain/star-of-the-month';
import type { AwardRepository } from '../award-repository';
import type { NominationRepository } from '../nomination-repository';
import type { VoteRepository } from '../vote-repository';
import { DocTable } from './doc-table';
import { keys } from './keys';

export class TableNominationRepository implements NominationRepository {
  constructor(private readonly t: DocTable<Nomination>) {}
  async put(n: Nomination) {
    const pk = keys.box(n.teamId, n.month);
    const rk = keys.nominationRow(n.nominee.id, n.nominator.id);
    if (await this.t.create(pk, rk, n)) return { created: true };
    await this.t.update(pk, rk, (old) => ({ ...n, createdAt: old.createdAt }));
    return { created: false };
  }
  listBox(teamId: string, month: string) {
    return this.t.list(keys.box(teamId, month));
  }
  remove(n: Pick<Nomination, 'teamId' | 'month' | 'nominee' | 'nominator'>) {
    return this.t.delete(keys.box(n.teamId, n.month), keys.nominationRow(n.nominee.id, n.nominator.id));
  }
}

export class TableVoteRepository implements VoteRepository {
  constructor(private readonly t: DocTable<Vote>) {}
  cast(v: Vote) {
    return this.t.upsert(keys.box(v.teamId, v.month), keys.person(v.voterId), v);
  }
  listBox(teamId: string, month: string) {
    return this.t.list(keys.box(teamId, month));
  }
  remove(teamId: string, month: string, voterId: string) {
    return this.t.delete(keys.box(teamId, month), keys.person(voterId));
  }
}

export class TableAwardRepository implements AwardRepository {
  constructor(private readonly t: DocTable<Award>) {}
  async get(teamId: string, month: string) {
    return (await this.t.get(keys.team(teamId), month))?.doc;
  }
  put(a: Award) {
    return this.t.upsert(keys.team(a.teamId), a.month, a);
  }
  listTeam(teamId: string) {
    return this.t.list(keys.team(teamId));
  }
  remove(teamId: string, month: string) {
    return this.t.delete(keys.team(teamId), month);
  }
}
