import type { Slip } from '../domain/slip';

export interface SlipRepository {
  /** Creates the slip; when one with the same id exists it is returned untouched. */
  create(slip: Slip): Promise<{ slip: Slip; created: boolean }>;
  get(teamId: string, month: string, slipId: string): Promise<Slip | undefined>;
  /** ETag-guarded read-modify-write with retry; `change` returns undefined to write nothing. */
  update(
    teamId: string,
    month: string,
    slipId: string,
    change: (slip: Slip) => Slip | undefined,
  ): Promise<{ slip: Slip; changed: boolean } | undefined>;
  /** Every slip in a box: one partition. */
  listBox(teamId: string, month: string): Promise<Slip[]>;
  delete(teamId: string, month: string, slipId: string): Promise<void>;
}
