// Connects to Table Storage (Azurite locally, an Azure Storage account in production) and
// hands out one client per table. Tables are created at start when missing.
import { TableClient, TableServiceClient, type TableServiceClientOptions } from '@azure/data-tables';
import { DefaultAzureCredential } from '@azure/identity';
import type { StorageHealth } from '../repositories';
import { TABLES, type TableName } from './keys';

/** A pipeline step added to every request (the benchmark counts storage calls with one). */
export type PipelinePolicy = NonNullable<TableServiceClientOptions['additionalPolicies']>[number]['policy'];

/** The storage SDK's retries of a failed call (refused, timed out, 5xx). */
export interface StorageRetryOptions {
  maxRetries: number;
  retryDelayInMs: number;
  maxRetryDelayInMs: number;
}
export const DEFAULT_STORAGE_RETRY: StorageRetryOptions = { maxRetries: 3, retryDelayInMs: 100, maxRetryDelayInMs: 1000 };

export type TableStorageOptions =
  | { kind: 'connectionString'; connectionString: string; tablePrefix: string }
  | { kind: 'accountUrl'; accountUrl: string; tablePrefix: string };

export class TableStore implements StorageHealth {
  private readonly clients = new Map<TableName, TableClient>();

  constructor(
    private readonly options: TableStorageOptions,
    private readonly policies: PipelinePolicy[] = [],
    // Tests of storage going down pass shorter delays, so each refused call fails in ms, not seconds.
    private readonly retry: StorageRetryOptions = DEFAULT_STORAGE_RETRY,
  ) {
    for (const t of TABLES) this.clients.set(t, this.makeClient(`${options.tablePrefix}${t}`));
  }

  private clientOptions(url: string): TableServiceClientOptions {
    return {
      // Azurite speaks plain http; a real account never does.
      allowInsecureConnection: url.startsWith('http://') || /UseDevelopmentStorage|127\.0\.0\.1|localhost/.test(url),
      retryOptions: { ...this.retry },
      additionalPolicies: this.policies.map((policy) => ({ policy, position: 'perCall' as const })),
    };
  }

  private makeClient(tableName: string): TableClient {
    const o = this.options;
    if (o.kind === 'connectionString') {
      return TableClient.fromConnectionString(o.connectionString, tableName, this.clientOptions(o.connectionString));
    }
    // Managed identity in Azure (AZURE_CLIENT_ID picks the user-assigned one), developer login elsewhere.
    return new TableClient(o.accountUrl, tableName, new DefaultAzureCredential(), this.clientOptions(o.accountUrl));
  }

  table(name: TableName): TableClient {
    const c = this.clients.get(name);
    if (!c) throw new Error(`unknown table ${name}`);
    return c;
  }

  async ensureTables(): Promise<void> {
    await Promise.all([...this.clients.values()].map((c) => c.createTable()));
  }

  /** Deletes every table: for tests and local resets only. */
  async dropTables(): Promise<void> {
    const service =
      this.options.kind === 'connectionString'
        ? TableServiceClient.fromConnectionString(this.options.connectionString, this.clientOptions(this.options.connectionString))
        : new TableServiceClient(this.options.accountUrl, new DefaultAzureCredential(), this.clientOptions(this.options.accountUrl));
    await Promise.all([...this.clients.values()].map((c) => service.deleteTable(c.tableName)));
  }

  async check(): Promise<{ ok: true } | { ok: false; reason: string }> {
    try {
      // One small query on a real table: proves the endpoint, the credential and the table.
      const it = this.table('processed')
        .listEntities({ queryOptions: { filter: "PartitionKey eq 'healthz'" } })
        .byPage({ maxPageSize: 1 });
      await it.next();
      return { ok: true };
    } catch (e) {
      const err = e as { statusCode?: number; code?: string; message?: string };
      return { ok: false, reason: `storage did not answer (${err.statusCode ?? err.code ?? 'error'})` };
    }
  }
}
