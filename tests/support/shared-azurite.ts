// One Azurite for the whole jest run (started by tests/support/global-setup.ts). Each test
// storage gets an account of its own in it, so two harnesses never see each other's tables,
// whatever table prefix they use, and a connection string alone still names one storage.
import fs from 'node:fs';
import path from 'node:path';

/** Set by the global setup, read by the test workers. */
export const SHARED_AZURITE_ENV = 'VALUED_TEST_AZURITE';

/** Accounts made ready in the shared Azurite; past this, tests fall back to a private Azurite. */
export const ACCOUNT_COUNT = 300;

export interface SharedAzurite {
  port: number;
  /** A folder in which each claimed account is a sub-folder (mkdir is atomic across workers). */
  claims: string;
}

export const accountName = (i: number): string => `valuedtest${i}`;

export const accountsSetting = (key: string): string =>
  ['devstoreaccount1', ...Array.from({ length: ACCOUNT_COUNT }, (_, i) => accountName(i))].map((a) => `${a}:${key}`).join(';');

export function sharedAzurite(): SharedAzurite | undefined {
  const raw = process.env[SHARED_AZURITE_ENV];
  return raw ? (JSON.parse(raw) as SharedAzurite) : undefined;
}

/** An account no other test has, or undefined when all are taken. */
export function claimAccount(shared: SharedAzurite): string | undefined {
  for (let i = 0; i < ACCOUNT_COUNT; i++) {
    try {
      fs.mkdirSync(path.join(shared.claims, String(i)));
      return accountName(i);
    } catch {
      /* taken: try the next */
    }
  }
  return undefined;
}
