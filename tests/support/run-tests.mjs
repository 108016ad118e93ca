// `npm test`: the type check, lint and format check, and jest, side by side. The checks are
// single-threaded and jest's first seconds (starting up, building the pages, starting
// Azurite) leave a core idle, so running them together saves about their whole time.
// Arguments go to jest (`npm test -- --json ...`). The checks' output is held back and
// printed after jest's, so the two never interleave; any failure fails the whole run.
import { spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs a command, holding its output; resolves with its exit status and output. */
function quietly(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (err) => resolve({ status: 1, output: `${output}${err.message}\n` }));
    child.on('close', (code, signal) => resolve({ status: code ?? (signal ? 1 : 0), output }));
  });
}

function loudly(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    child.on('error', () => resolve(1));
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const checks = [
  ['type check', quietly(npm, ['run', '--silent', 'typecheck'])],
  ['lint and format check', quietly(npm, ['run', '--silent', 'lint'])],
];
const jest = await loudly(process.execPath, ['node_modules/jest/bin/jest.js', ...process.argv.slice(2)]);
let failed = jest !== 0;
for (const [name, running] of checks) {
  const { status, output } = await running;
  if (status === 0) {
    console.log(`${name}: passed`);
  } else {
    failed = true;
    process.stdout.write(output);
    console.log(`${name}: FAILED (see above)`);
  }
}
process.exit(failed ? 1 : 0);
