import type { Slip } from '../../domain/slip';
import type { SlipRepository } from '../slip-repository';
import { DocTable } from './doc-table';
import { keys } from './keys';

export class TableSlipRepository implements SlipRepository {
  constructor(private readonly t: DocTable<Slip>) {}

  async create(slip: Slip): Promise<{ slip: Slip; created: boolean }> {
    const pk = keys.box(slip.teamId, slip.month);
    if (await this.t.create(pk, keys.slipRow(slip.id), slip)) return { slip, created: true };
    const existing = await this.t.get(pk, keys.slipRow(slip.id));
    return { slip: existing?.doc ?? slip, created: false };
  }

  async get(teamId: string, month: string, slipId: string): Promise<Slip | undefined> {
    return (await this.t.get(keys.box(teamId, month), keys.slipRow(slipId)))?.doc;
  }

  async update(teamId: string, month: string, slipId: string, change: (slip: Slip) => Slip | undefined) {
    const r = await this.t.update(keys.box(teamId, month), keys.slipRow(slipId), change);
    return r && { slip: r.doc, changed: r.changed };
  }

  delete(teamId: string, month: string, slipId: string): Promise<void> {
    return this.t.delete(keys.box(teamId, month), keys.slipRow(slipId));
  }

  listBox(teamId: string, month: string): Promise<Slip[]> {
    return this.t.list(keys.box(teamId, month));
  }
}
