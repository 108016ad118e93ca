// When npm start finds its port taken, it says plainly by what, and how to stop it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { INFO_PAGES } from '../../src/http/views/info-pages';
import { pidListeningOn, portInUseMessage } from '../../src/local/port-holder';

const servers: http.Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

async function listen(handler: http.RequestListener): Promise<number> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

const linux = process.platform === 'linux';

test('Azurite is recognised by the name it gives itself', async () => {
  const port = await listen((_req, res) => {
    res.writeHead(400, { server: 'Azurite-Table/3.35.0' });
    res.end();
  });
  const message = await portInUseMessage(port, 'Azurite table storage', 'AZURITE_TABLE_PORT');
  expect(message).toContain(`Port ${port} (Azurite table storage)`);
  expect(message).toMatch(/held by Azurite|in use by Azurite/);
  expect(message).toContain('npm start that didn’t stop cleanly');
  // Here the "leftover" is this test process itself, which no npm start owns.
  if (linux) expect(message).toContain(`kill ${process.pid}`);
});

test('a Valued bot is recognised by its own home page', async () => {
  const port = await listen((_req, res) => {
    // Not chained: restify, loaded by other tests in the same worker, changes what writeHead returns.
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(INFO_PAGES['/']);
  });
  const message = await portInUseMessage(port, 'the bot', 'PORT');
  expect(message).toContain('the Valued bot');
  if (linux) expect(message).toContain(`kill ${process.pid}`);
});

test('anything else is "another program", with another port to try', async () => {
  const port = await listen((_req, res) => res.end('hello'));
  expect(await portInUseMessage(port, 'the bot', 'PORT')).toBe(
    `Port ${port} (the bot) is already in use by another program. Please stop it, or pick another port, e.g. PORT=${port + 1} npm start`,
  );
});

(linux ? test : test.skip)('the process listening on a port is found from /proc', async () => {
  const port = await listen((_req, res) => res.end());
  expect(pidListeningOn(port)).toBe(process.pid);
});
