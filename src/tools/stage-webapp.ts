// Stages what App Service needs to run Valued into appPackage/build/webapp/, ready for zip deploy:
//   dist/ (compiled JavaScript), package.json, package-lock.json and production-only node_modules.
//
// Why not zip the working tree: it holds devDependencies (test tools, the emulator, a browser
// driver — hundreds of MB) that production never loads, and a node_modules installed on a
// developer's Windows or macOS machine. `npm ci --omit=dev` here gives a small, reproducible package.
//
// Usage (after `npm run build`):  node dist/src/tools/stage-webapp.js
// m365agents.yml runs this in its deploy stage; the "Deploy to Azure" docs use it on the CLI path.

import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** Copied when present. Add here any folder of runtime files that the compiler does not emit into dist/. */
export const RUNTIME_PATHS = ['dist', 'package.json', 'package-lock.json', 'public'];

/** Never shipped: compiled tests and build tools are not needed at run time. */
const EXCLUDED_UNDER_DIST = [path.join('dist', 'tests'), path.join('dist', 'src', 'tools')];

export interface StageOptions {
  rootDir: string;
  outDir?: string;
  /** Run `npm ci --omit=dev` in the staged folder (tests turn this off). */
  install?: boolean;
}

export function stageWebapp(options: StageOptions): string {
  const { rootDir } = options;
  const outDir = options.outDir ?? path.join(rootDir, 'appPackage', 'build', 'webapp');
  if (!fs.existsSync(path.join(rootDir, 'dist', 'src', 'index.js'))) {
    throw new Error('dist/src/index.js is missing: run `npm run build` first.');
  }
  // The pages' scripts and styles, built by `npm run build` after tsc (src/tools/build-views.ts).
  if (!fs.existsSync(path.join(rootDir, 'dist', 'assets', 'tab.js'))) {
    throw new Error('dist/assets is missing: run `npm run build` (not tsc alone) first.');
  }
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  for (const rel of RUNTIME_PATHS) {
    const from = path.join(rootDir, rel);
    if (!fs.existsSync(from)) continue;
    fs.cpSync(from, path.join(outDir, rel), {
      recursive: true,
      filter: (src) => {
        const relative = path.relative(rootDir, src);
        return !EXCLUDED_UNDER_DIST.some((ex) => relative === ex || relative.startsWith(ex + path.sep));
      },
    });
  }
  if (options.install !== false) {
    // --ignore-scripts: nothing Valued runs in production needs an install script, and skipping
    // them keeps the package free of binaries built for the wrong machine.
    execFileSync('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], {
      cwd: outDir,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
  }
  return outDir;
}

if (require.main === module) {
  let root = __dirname;
  while (!fs.existsSync(path.join(root, 'package.json')) && path.dirname(root) !== root) root = path.dirname(root);
  const out = stageWebapp({ rootDir: root });
  console.log(`Staged the web app in ${path.relative(root, out)}`);
}
