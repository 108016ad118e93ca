// The deploy stage ships appPackage/build/webapp; it must hold the compiled app and its package
// files, and leave out compiled tests and build tools.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stageWebapp } from '../../src/tools/stage-webapp';

let root: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'valued-stage-'));
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function write(rel: string, content = ''): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), content);
}

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) =>
      path
        .relative(dir, path.join(e.parentPath ?? e.path, e.name))
        .split(path.sep)
        .join('/'),
    )
    .sort();
}

test('copies dist, package.json and the lock file; leaves out compiled tests and tools', () => {
  write('dist/src/index.js', 'require("./bot/app")');
  write('dist/src/bot/app.js');
  write('dist/assets/tab.js');
  write('dist/src/tools/package-app.js');
  write('dist/tests/manifest/icons.test.js');
  write('package.json', '{"name":"valued"}');
  write('package-lock.json', '{}');
  write('src/index.ts');
  write('tests/x.test.ts');
  write('node_modules/jest/index.js');

  const out = stageWebapp({ rootDir: root, install: false });

  expect(out).toBe(path.join(root, 'appPackage', 'build', 'webapp'));
  expect(listFiles(out)).toEqual(['dist/assets/tab.js', 'dist/src/bot/app.js', 'dist/src/index.js', 'package-lock.json', 'package.json']);
  expect(fs.readFileSync(path.join(out, 'dist/src/index.js'), 'utf8')).toBe('require("./bot/app")');
});

test('replaces an earlier staging rather than mixing old files in', () => {
  write('dist/src/index.js');
  write('dist/assets/tab.js');
  write('package.json', '{}');
  write('appPackage/build/webapp/dist/src/removed-module.js');
  const out = stageWebapp({ rootDir: root, install: false });
  expect(fs.existsSync(path.join(out, 'dist/src/removed-module.js'))).toBe(false);
});

test('refuses to stage before a build', () => {
  write('package.json', '{}');
  expect(() => stageWebapp({ rootDir: root, install: false })).toThrow(/npm run build/);
  // Compiled but without the pages' scripts and styles (tsc alone, not `npm run build`).
  write('dist/src/index.js');
  expect(() => stageWebapp({ rootDir: root, install: false })).toThrow(/dist\/assets is missing/);
});
