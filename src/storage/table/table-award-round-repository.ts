import type { AwardRound } from '../../domain/award-round';
import type { AwardRoundRepository } from '../award-round-repository';
import { DocTable } from './doc-table';
import { keys } from './keys';

export class TableAwardRoundRepository implements AwardRoundRepository {
  constructor(private readonly t: DocTable<AwardRound>) {}

  async get(teamId: string, month: string) {
    return (await this.t.get(keys.team(teamId), month))?.doc;
  }

  async update(initial: AwardRound, change: (r: AwardRound) => AwardRound | undefined) {
    const pk = keys.team(initial.teamId);
    // Two first writers race on create; the loser simply updates what the winner made.
    await this.t.create(pk, initial.month, initial);
    const r = await this.t.update(pk, initial.month, change);
    return r ? { round: r.doc, changed: r.changed } : { round: initial, changed: false };
  }

  async amend(teamId: string, month: string, change: (r: AwardRound) => AwardRound | undefined) {
    await this.t.update(keys.team(teamId), month, change);
  }

  remove(teamId: string, month: string) {
    return this.t.delete(keys.team(teamId), month);
  }
}
