// Free loopback ports for a private stack (browser tests, extra Playgrounds).
// Ports come from below the kernel's ephemeral range, so an outgoing connection (which borrows
// an ephemeral port) cannot take one between our check and the child's listen; and all the ports
// asked for at once are held together while checked, so no two are the same.
import type net from 'node:net';
import { holdPort, releasePort } from './probes';

const LOW = 20_000;
const HIGH = 32_000; // Linux hands out ephemeral ports from 32768 by default

/** `count` different free ports (another process could still take one first, but not by chance). */
export async function findFreePorts(count: number): Promise<number[]> {
  const held: net.Server[] = [];
  try {
    for (let tries = 0; held.length < count; tries++) {
      if (tries > 200) throw new Error(`Could not find ${count} free ports between ${LOW} and ${HIGH}.`);
      const server = await holdPort(LOW + Math.floor(Math.random() * (HIGH - LOW)), '127.0.0.1');
      if (server) held.push(server);
    }
    return held.map((s) => (s.address() as net.AddressInfo).port);
  } finally {
    await Promise.all(held.map(releasePort));
  }
}

export async function findFreePort(): Promise<number> {
  return (await findFreePorts(1))[0];
}
