// Asking the network whether something is there yet: a free port, a listener, an HTTP answer.
import http from 'node:http';
import net from 'node:net';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A listener holding the port, or undefined when something else has it. */
export function holdPort(port: number, host: string): Promise<net.Server | undefined> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(undefined));
    server.listen(port, host, () => resolve(server));
  });
}

export const releasePort = (server: net.Server) => new Promise<void>((resolve) => server.close(() => resolve()));

export async function isPortFree(port: number, host: string): Promise<boolean> {
  const server = await holdPort(port, host);
  if (server) await releasePort(server);
  return !!server;
}

export function canConnect(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

export function httpStatus(url: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    // agent: false so no kept-alive socket holds the process open after we are done.
    const req = http.get(url, { agent: false, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve(undefined));
  });
}
