// Big data for a test to read, written quickly: the product's own rows (DocTable's shape, the
// repositories' keys) inserted in entity-group batches of up to 100 rows per partition, then
// each summary rebuilt once through the repository, as an upgrade rebuilds them. One request per
// slip through the write path costs a large box or history seconds on Azurite, which looks a
// row up by scanning its partition (twice for an upsert, once for an insert). Only for data
// whose writing is not what the test proves.
import type { Slip } from '../../src/domain/slip';
import type { SlipHistoryEntry } from '../../src/domain/history';
import { boxSummaryOf } from '../../src/domain/summaries';
import type { Repositories } from '../../src/storage/repositories';
import { DocTable } from '../../src/storage/table/doc-table';
import { keys } from '../../src/storage/table/keys';
import { slipRows } from '../../src/storage/table/table-history-repository';
import type { TableStore } from '../../src/storage/table/table-store';

const MAX_BATCH = 100;

/** Inserts one partition's rows, 100 to a request; any row that exists already fails the seeding. */
async function insertRows<T>(table: DocTable<T>, pk: string, rows: Array<{ rk: string; doc: T }>): Promise<void> {
  for (let i = 0; i < rows.length; i += MAX_BATCH) {
    const r = await table.batch(
      pk,
      rows.slice(i, i + MAX_BATCH).map((row) => ({ kind: 'create' as const, ...row })),
    );
    if (!r.ok) throw new Error(`seeding ${pk}: batch refused (${r.status})`);
  }
}

/** `entries` received by `personId`, as addSlips would leave them, then their summary. */
export async function seedHistory(
  store: TableStore,
  repos: Pick<Repositories, 'history'>,
  personId: string,
  entries: SlipHistoryEntry[],
): Promise<void> {
  await insertRows(new DocTable(store.table('history')), keys.person(personId), entries.flatMap(slipRows));
  await repos.history.rebuildSummary(personId);
}

/** `slips` in their boxes, as SlipRepository.create would leave them, then each box's summary. */
export async function seedSlips(store: TableStore, repos: Pick<Repositories, 'slips'>, slips: Slip[]): Promise<void> {
  const boxes = new Map<string, Slip[]>();
  for (const s of slips) {
    const pk = keys.box(s.teamId, s.month);
    if (!boxes.has(pk)) boxes.set(pk, []);
    boxes.get(pk)!.push(s);
  }
  const table = new DocTable<Slip>(store.table('slips'));
  await Promise.all(
    [...boxes].map(async ([pk, box]) => {
      await insertRows(
        table,
        pk,
        box.map((s) => ({ rk: keys.slipRow(s.id), doc: s })),
      );
      await repos.slips.rebuildSummary(box[0].teamId, box[0].month, boxSummaryOf);
    }),
  );
}
