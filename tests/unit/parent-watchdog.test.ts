// The children of `npm start` stop when it dies, even by SIGKILL. A real parent process starts a
// child through the very mechanism start-local uses (watchedChild + the compiled preload); the
// parent is then killed outright, and the child (and anything it started) must be gone within a
// few seconds, having run its own clean stop.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';

const SRC = path.resolve(__dirname, '..', '..', 'src', 'local');
// The watchdog checks every 50 ms here rather than every second: the same checks, sooner.
const EVERY_MS = 50;
let dir: string;
const started: number[] = [];

beforeAll(() => {
  // Compiled on the fly, so the test does not depend on a build in dist/.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'valued-watchdog-'));
  for (const name of ['parent-watchdog', 'watchdog-preload']) {
    const { outputText } = ts.transpileModule(fs.readFileSync(path.join(SRC, `${name}.ts`), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    });
    fs.writeFileSync(path.join(dir, `${name}.js`), outputText);
  }
  // The parent: like start-local, a detached child (its own process group) started with the watchdog.
  fs.writeFileSync(
    path.join(dir, 'parent.js'),
    `const { spawn } = require('node:child_process');
const { watchedChild } = require('./parent-watchdog.js');
const [signal, tag] = process.argv.slice(2);
const w = watchedChild(require.resolve('./watchdog-preload.js'), signal, process.pid, ${EVERY_MS});
const child = spawn(process.execPath, [...w.execArgv, require.resolve('./child.js'), signal, tag], { env: { ...process.env, ...w.env }, detached: true, stdio: 'ignore' });
console.log(JSON.stringify({ child: child.pid }));
setInterval(() => {}, 1000);
`,
  );
  // The child: a server-like process that runs until told, starts a grandchild of its own (as a
  // CLI might), and notes when its clean stop ran.
  fs.writeFileSync(
    path.join(dir, 'child.js'),
    `const fs = require('node:fs');
const { spawn } = require('node:child_process');
const [signal, tag] = process.argv.slice(2);
const grandchild = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
fs.writeFileSync(__dirname + '/' + tag + '.grandchild', String(grandchild.pid));
process.on(signal, () => {
  fs.writeFileSync(__dirname + '/' + tag + '.stopped', signal);
  setTimeout(() => process.exit(0), 100);
});
setInterval(() => {}, 1000);
`,
  );
});

afterAll(() => {
  for (const pid of started) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone, as it should be
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Running, and not a zombie waiting for a parent (such as a container's init) to reap it. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = fs.existsSync(`/proc/${pid}/stat`) ? fs.readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
}

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 10));
  }
  return check();
}

async function startParent(signal: NodeJS.Signals, tag: string): Promise<{ parent: ChildProcess; child: number; grandchild: number }> {
  const parent = spawn(process.execPath, [path.join(dir, 'parent.js'), signal, tag], { stdio: ['ignore', 'pipe', 'inherit'] });
  started.push(parent.pid!);
  const line = await new Promise<string>((resolve) => parent.stdout!.once('data', (d: Buffer) => resolve(d.toString())));
  const child = (JSON.parse(line) as { child: number }).child;
  started.push(child);
  const file = path.join(dir, `${tag}.grandchild`);
  expect(await until(() => fs.existsSync(file) && fs.readFileSync(file, 'utf8') !== '', 5000)).toBe(true);
  const grandchild = Number(fs.readFileSync(file, 'utf8'));
  started.push(grandchild);
  return { parent, child, grandchild };
}

test.each(['SIGTERM', 'SIGINT'] as const)(
  'when the parent is killed with SIGKILL, the child stops within a few seconds by its own clean stop (%s), and takes what it started with it',
  async (signal) => {
    const tag = `kill-${signal}`;
    const { parent, child, grandchild } = await startParent(signal, tag);
    expect(running(child)).toBe(true);
    expect(running(grandchild)).toBe(true);

    const killedAt = Date.now();
    parent.kill('SIGKILL');
    expect(await until(() => !running(child) && !running(grandchild), 5000)).toBe(true);
    expect(Date.now() - killedAt).toBeLessThan(5000);
    expect(fs.readFileSync(path.join(dir, `${tag}.stopped`), 'utf8')).toBe(signal);
  },
);

test('while the parent lives, the child keeps running', async () => {
  const { parent, child, grandchild } = await startParent('SIGTERM', 'alive');
  await new Promise((r) => setTimeout(r, 6 * EVERY_MS)); // several of the watchdog's checks
  expect(running(child)).toBe(true);
  expect(running(grandchild)).toBe(true);
  expect(fs.existsSync(path.join(dir, 'alive.stopped'))).toBe(false);
  parent.kill('SIGKILL');
  expect(await until(() => !running(child) && !running(grandchild), 5000)).toBe(true);
});
