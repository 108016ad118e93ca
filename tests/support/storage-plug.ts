// A plug between one test's app and the shared Azurite: a loopback TCP relay that can be pulled
// (storage "goes down" for that test only: new connections are refused, open ones reset) and put
// back on the same port, while every other test file keeps using the same Azurite undisturbed.
import net from 'node:net';

export class StoragePlug {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();

  constructor(private readonly target: number) {}

  /** Starts relaying on `port` to the target port. */
  async plugIn(port: number): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target, '127.0.0.1');
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.once('close', () => this.sockets.delete(s));
        s.once('error', () => (s === client ? upstream : client).destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  /** Stops relaying: the port refuses connections and open ones are reset, as if Azurite died. */
  async pull(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
