// A client that sends headers and then dribbles (or never finishes) its body is cut off, rather
// than holding a socket for Node's default 300 s. The real server with a short limit injected,
// spoken to over a raw socket, since fetch always finishes what it sends.
import net from 'node:net';
import type { Bot } from '../../src/bot/create-bot';
import { readEnvOptions } from '../../src/config';
import { MemoryLogger } from '../../src/logger';
import { REQUEST_TIMEOUT_MS, startHttpServer, type HttpServer } from '../../src/http/server';
import type { PageDeps } from '../../src/http/page-deps';

const LIMIT_MS = 300;

// Nothing here reaches the bot or storage: only what the routes need to be registered.
const start = (requestTimeoutMs?: number) =>
  startHttpServer({
    host: '127.0.0.1',
    port: 0,
    bot: { adapter: {} } as unknown as Bot,
    health: { check: async () => ({ ok: true }) } as never,
    logger: new MemoryLogger(),
    pages: {
      config: readEnvOptions({ LOCAL_MODE: 'true', STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' }),
    } as unknown as PageDeps,
    requestTimeoutMs,
  });

/** Sends `text` and keeps the socket open; resolves with what came back and when it was closed. */
function sendAndWait(server: HttpServer, text: string): Promise<{ reply: string; closedAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(server.port, '127.0.0.1', () => socket.write(text));
    let reply = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (reply += d));
    socket.on('error', reject);
    socket.on('close', () => resolve({ reply, closedAfterMs: Date.now() - started }));
    // A safety net for the test itself, well beyond the limit.
    setTimeout(() => socket.destroy(new Error('the server never cut the slow client off')), 10_000).unref();
  });
}

let server: HttpServer;
beforeAll(async () => {
  server = await start(LIMIT_MS);
});
afterAll(() => server?.stop(0));

test('a body that never finishes is cut off with 408 soon after the limit', async () => {
  const { reply, closedAfterMs } = await sendAndWait(
    server,
    'POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"type":',
  );
  expect(reply).toMatch(/^HTTP\/1\.1 408 /);
  expect(closedAfterMs).toBeGreaterThanOrEqual(LIMIT_MS - 50);
  expect(closedAfterMs).toBeLessThan(LIMIT_MS * 4);
});

test('headers that never finish are cut off too', async () => {
  const { reply, closedAfterMs } = await sendAndWait(server, 'POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Le');
  expect(reply).toMatch(/^HTTP\/1\.1 408 /);
  expect(closedAfterMs).toBeLessThan(LIMIT_MS * 4);
});

test('an ordinary request is still answered', async () => {
  const res = await fetch(`${server.url}/healthz`);
  expect(res.status).toBe(200);
});

test('by default the limit is 30 s for headers and body alike, checked every few seconds', async () => {
  const plain = await start();
  try {
    expect(REQUEST_TIMEOUT_MS).toBe(30_000);
    expect(plain.node.requestTimeout).toBe(30_000);
    expect(plain.node.headersTimeout).toBe(30_000);
    expect((plain.node as unknown as { connectionsCheckingInterval: number }).connectionsCheckingInterval).toBeLessThanOrEqual(5_000);
  } finally {
    await plain.stop(0);
  }
});
