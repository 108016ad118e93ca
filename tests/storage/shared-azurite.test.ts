// The test storage itself: two harnesses in one run share the Azurite process but not their
// tables, and emptying one's storage leaves the other's as it was.
import { TableClient } from '@azure/data-tables';
import { startAzurite, type TestAzurite } from '../support/azurite';

// The SDK's own retries, with a 10 ms base delay rather than seconds: a refused connection is
// still tried again, but the test does not sit out the default backoff before it fails.
const table = (a: TestAzurite) =>
  TableClient.fromConnectionString(a.connectionString, 'shared', { allowInsecureConnection: true, retryOptions: { retryDelayInMs: 10 } });
const rows = async (a: TestAzurite) => {
  const keys: string[] = [];
  for await (const e of table(a).listEntities()) keys.push(e.rowKey as string);
  return keys;
};

let one: TestAzurite;
let two: TestAzurite;
beforeAll(async () => {
  [one, two] = await Promise.all([startAzurite(), startAzurite()]);
});
afterAll(() => Promise.all([one.stop(), two.stop()]));

test('each gets storage of its own: the same table name holds different rows', async () => {
  expect(one.connectionString).not.toBe(two.connectionString);
  await Promise.all([table(one).createTable(), table(two).createTable()]);
  await table(one).createEntity({ partitionKey: 'p', rowKey: 'from-one' });
  await table(two).createEntity({ partitionKey: 'p', rowKey: 'from-two' });
  expect(await rows(one)).toEqual(['from-one']);
  expect(await rows(two)).toEqual(['from-two']);
});

test('stop() empties that one only, as a stopped in-memory Azurite loses its data; the other keeps its rows', async () => {
  await one.stop();
  await expect(rows(one)).rejects.toMatchObject({ statusCode: 404 }); // the table went with it
  expect(await rows(two)).toEqual(['from-two']);
  await one.restart();
  await expect(rows(one)).rejects.toMatchObject({ statusCode: 404 }); // and does not come back
  await table(one).createTable();
  expect(await rows(one)).toEqual([]);
});
