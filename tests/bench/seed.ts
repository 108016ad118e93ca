// Seeds the large data sets straight into the tables: batched inserts, 100 rows per transaction
// in one partition, with the product's key layout (keys.ts) and DocTable's row shape, checked
// by reading back through the product's own DocTable. Inserts rather than the product's upserts
// because Azurite looks a row up by scanning its partition, twice for an upsert and once for an
// insert, which makes seeding a 10,000-row partition quadratic.
import { createHash } from 'node:crypto';
import { TableTransaction, type TableClient } from '@azure/data-tables';
import type { Slip } from '../../src/domain/slip';
import type { SlipHistoryEntry } from '../../src/domain/history';
import type { PersonRef } from '../../src/domain/person';
import { DEFAULT_VALUES } from '../../src/domain/values';
import { defaultTeamSettings } from '../../src/domain/team-settings';
import { TableStore, type PipelinePolicy } from '../../src/storage/table/table-store';
import { DocTable } from '../../src/storage/table/doc-table';
import { createTableRepositories } from '../../src/storage/table/create-table-repositories';
import { invertedTime, keys, safeKey } from '../../src/storage/table/keys';
import type { Repositories } from '../../src/storage/repositories';
import { SummaryRebuild } from '../../src/services/summary-rebuild';
import { TENANT } from '../support/teams';

export const guid = (n: number, tag = 0): string => `00000000-${String(tag).padStart(4, '0')}-4000-8000-${String(n).padStart(12, '0')}`;
const personRef = (n: number, tag: number): PersonRef => ({
  id: guid(n, tag),
  teamsId: `29:bench-${tag}-${n}`,
  name: `Colleague ${tag}-${n}`,
});

const MESSAGES = [
  'Thank you for covering my clinic at short notice, the patients never noticed a thing',
  'Thank you for staying late to settle Mrs Khan, she slept well for the first time this week',
  'Thanks for talking me through the new discharge checklist so patiently',
  'Thank you for spotting the medication error before it reached the ward round',
];

/** Runs `tasks` with at most `limit` in flight. */
async function pool(limit: number, count: number, task: (i: number) => Promise<void>, onDone?: (done: number) => void): Promise<void> {
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < count) {
        const i = next++;
        await task(i);
        onDone?.(++done);
      }
    }),
  );
}

function slip(
  i: number,
  teamId: string,
  month: string,
  createdAt: string,
  sender: PersonRef,
  recipients: PersonRef[],
  values: string[],
): Slip {
  const id = createHash('sha256').update(`${teamId}|${month}|${i}`).digest('base64url').slice(0, 22);
  return {
    id,
    tenantId: TENANT,
    teamId,
    month,
    conversationId: `${teamId};messageid=17000000${i}`,
    createdAt,
    sender,
    recipients,
    message: MESSAGES[i % MESSAGES.length],
    values,
    visibility: i % 20 === 0 ? 'private' : 'team',
    cosigners: i % 3 === 0 ? [personRef((i * 7) % 300, 9)] : [],
    notified: Object.fromEntries(recipients.map((r) => [r.id, 'sent' as const])),
    postedActivityId: `act-${i}`,
  };
}

function entry(s: Slip): SlipHistoryEntry {
  return {
    kind: 'slip',
    slipId: s.id,
    teamId: s.teamId,
    month: s.month,
    createdAt: s.createdAt,
    sender: s.sender,
    message: s.message,
    values: s.values,
    visibility: s.visibility,
  };
}

/** A document as DocTable stores it: the JSON in `doc0` (…`docN` past 30,000 characters), and `parts`. */
function rowOf(pk: string, rk: string, doc: unknown): Record<string, unknown> & { partitionKey: string; rowKey: string } {
  const json = JSON.stringify(doc);
  const row: Record<string, unknown> & { partitionKey: string; rowKey: string } = {
    partitionKey: pk,
    rowKey: rk,
    parts: Math.ceil(json.length / 30000) || 1,
  };
  for (let i = 0; i * 30000 < json.length; i++) row[`doc${i}`] = json.slice(i * 30000, (i + 1) * 30000);
  return row;
}

/** The rows a received slip makes in a person's history: the slip, and one by-value copy per value. */
function historyRows(personId: string, e: SlipHistoryEntry) {
  const pk = keys.person(personId);
  return [
    rowOf(pk, keys.historySlip(e.createdAt, e.slipId), e),
    ...e.values.map((v) => rowOf(pk, `byvalue|${safeKey(v)}|${invertedTime(e.createdAt)}|${safeKey(e.slipId)}`, e)),
  ];
}

/** Inserts rows of one partition, 100 per transaction, `inFlight` transactions at a time. */
async function insertAll(client: TableClient, rows: Array<{ partitionKey: string; rowKey: string }>, inFlight = 4): Promise<void> {
  await pool(inFlight, Math.ceil(rows.length / 100), async (b) => {
    const tx = new TableTransaction();
    for (const r of rows.slice(b * 100, b * 100 + 100)) tx.createEntity(r);
    await client.submitTransaction(tx.actions);
  });
}

export class Seeder {
  readonly store: TableStore;
  readonly repos: Repositories;
  private readonly slips: DocTable<Slip>;
  private readonly history: DocTable<SlipHistoryEntry>;
  // Rows are seeded straight into their tables, so their summaries are made as an upgrade makes
  // them: by the rebuild. The history and digest cards then read summaries, as in production.
  private readonly rebuild: SummaryRebuild;

  /** `policies` are given to every client of the store (the bench's injected latency). */
  constructor(connectionString: string, tablePrefix: string, policies: PipelinePolicy[] = []) {
    this.store = new TableStore({ kind: 'connectionString', connectionString, tablePrefix }, policies);
    this.repos = createTableRepositories(this.store);
    this.slips = new DocTable<Slip>(this.store.table('slips'));
    this.history = new DocTable<SlipHistoryEntry>(this.store.table('history'));
    this.rebuild = new SummaryRebuild(this.repos, 'Europe/London');
  }

  /** A person who has received `count` slips over the last five years, one or two values each. */
  async personHistory(personId: string, count: number): Promise<void> {
    const now = Date.now();
    const span = 5 * 365 * 24 * 3600_000;
    const entries: SlipHistoryEntry[] = [];
    for (let i = 0; i < count; i++) {
      const at = new Date(now - Math.floor((span * i) / count) - 60_000);
      const values = i % 4 === 0 ? [DEFAULT_VALUES[i % 6], DEFAULT_VALUES[(i + 1) % 6]] : [DEFAULT_VALUES[i % 6]];
      const month = at.toISOString().slice(0, 7);
      entries.push(
        entry(
          slip(
            i,
            '19:bench-history-team@thread.tacv2',
            month,
            at.toISOString(),
            personRef(i % 300, 1),
            [{ id: personId, teamsId: '29:bench-me', name: 'Bench Person' }],
            values,
          ),
        ),
      );
    }
    await insertAll(
      this.history.client,
      entries.flatMap((e) => historyRows(personId, e)),
    );
    // Read back as the product reads it, so a change in DocTable's row shape cannot go unnoticed.
    const newest = await this.repos.history.slipPage(personId, 1);
    if (newest.items[0]?.slipId !== entries[0].slipId)
      throw new Error("seeded history does not read back through the product's repository");
    if ((await this.rebuild.person(personId)).received !== count)
      throw new Error('the rebuilt person summary does not count every seeded slip');
  }

  /** A team's box with `count` slips among `people` colleagues, and the team's settings. */
  async box(teamId: string, teamName: string, month: string, count: number, people = 300): Promise<void> {
    await this.repos.teamSettings.ensure(defaultTeamSettings(teamId, teamName, TENANT, new Date(`${month}-01T09:00:00Z`)));
    const [y, m] = month.split('-').map(Number);
    const start = Date.UTC(y, m - 1, 1, 8);
    const rows = Array.from({ length: count }, (_, i) => {
      const sender = personRef(i % people, 2);
      const recipients = [personRef((i * 7 + 1) % people, 2), ...(i % 3 === 0 ? [personRef((i * 11 + 2) % people, 2)] : [])].filter(
        (r) => r.id !== sender.id,
      );
      const s = slip(
        i,
        teamId,
        month,
        new Date(start + Math.floor((i * 27 * 24 * 3600_000) / count)).toISOString(),
        sender,
        recipients.length ? recipients : [personRef((i + 1) % people, 2)],
        [DEFAULT_VALUES[i % 6]],
      );
      return s;
    });
    await insertAll(
      this.slips.client,
      rows.map((s) => rowOf(keys.box(teamId, month), keys.slipRow(s.id), s)),
    );
    const back = await this.repos.slips.get(teamId, month, rows[count - 1].id);
    if (back?.id !== rows[count - 1].id) throw new Error("seeded slips do not read back through the product's repository");
    if ((await this.rebuild.box(teamId, month)).slips !== count)
      throw new Error('the rebuilt box summary does not count every seeded slip');
  }

  /**
   * `slips` unrelated slips in other teams' boxes (100 per box), and as many history entries
   * in other people's partitions (100 per person, as the quick "thanks @Sam" leaves them:
   * no values, so one row each).
   */
  async noise(slips: number, progress: (rows: number) => void): Promise<void> {
    const month = (b: number) => `20${20 + (b % 6)}-${String((b % 12) + 1).padStart(2, '0')}`;
    const batches = Math.ceil(slips / 100);
    let rows = 0;
    await pool(4, batches * 2, async (j) => {
      const b = j >> 1;
      const teamId = `19:noise-team-${b % 500}@thread.tacv2`;
      const list = Array.from({ length: 100 }, (_, i) =>
        slip(
          b * 100 + i,
          teamId,
          month(b),
          `${month(b)}-10T10:00:00.000Z`,
          personRef(i, 3),
          [personRef(b, 4)],
          j % 2 ? [] : [DEFAULT_VALUES[i % 6]],
        ),
      );
      if (j % 2 === 0)
        await insertAll(
          this.slips.client,
          list.map((s) => rowOf(keys.box(teamId, month(b)), keys.slipRow(s.id), s)),
          1,
        );
      else
        await insertAll(
          this.history.client,
          list.flatMap((s) => historyRows(guid(b, 4), entry(s))),
          1,
        );
      rows += 100;
      if (rows % 20_000 === 0) progress(rows);
    });
  }
}
