// npm run rebuild-summaries [-- --team <id> --month <YYYY-MM> | --person <id>]
// Recomputes summaries from their rows with the storage settings of the environment (the same
// variables as the app). With no arguments: every box within retention and everyone in them;
// run it once after upgrading to a version that keeps summaries.
import { readEnvOptions } from '../config';
import { TableStore } from '../storage/table/table-store';
import { createTableRepositories } from '../storage/table/create-table-repositories';
import { SummaryRebuild } from '../services/summary-rebuild';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const config = readEnvOptions(process.env);
  const store = new TableStore(config.storage);
  await store.ensureTables();
  const rebuild = new SummaryRebuild(createTableRepositories(store), config.timeZone);
  const team = arg('team');
  const month = arg('month');
  const person = arg('person');
  if (team !== undefined && month) console.log(JSON.stringify(await rebuild.box(team, month), null, 2));
  else if (person) console.log(JSON.stringify(await rebuild.person(person), null, 2));
  else console.log(await rebuild.all(new Date(), (line) => console.log(line)));
}

main().catch((e: unknown) => {
  console.error(`rebuild failed: ${(e as Error).message}`);
  process.exitCode = 1;
});
