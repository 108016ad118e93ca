// Production installs only "dependencies" (npm ci --omit=dev, see src/tools/stage-webapp.ts), so
// every package the running app loads must be listed there, not in devDependencies. Build
// tools (src/tools, not staged) may use devDependencies.
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return full.endsWith(path.join('src', 'tools')) ? [] : sourceFiles(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** "@scope/name/deep" → "@scope/name"; "name/deep" → "name". */
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

test('every package the app loads at run time is a production dependency', () => {
  const used = new Map<string, string>();
  for (const file of sourceFiles(path.join(root, 'src'))) {
    const text = fs.readFileSync(file, 'utf8');
    const specifiers = [...text.matchAll(/(?:from\s+|require(?:\.resolve)?\(\s*)'([^'.][^']*)'/g)].map((m) => m[1]);
    // TSX compiles to imports of preact/jsx-runtime (tsconfig's jsxImportSource).
    if (file.endsWith('.tsx')) specifiers.push('preact/jsx-runtime');
    for (const s of specifiers)
      if (!s.startsWith('node:') && !builtinModules.includes(s)) used.set(packageOf(s), path.relative(root, file));
  }
  expect(used.size).toBeGreaterThan(5);
  const missing = [...used].filter(([name]) => !pkg.dependencies[name]).map(([name, file]) => `${name} (imported by ${file})`);
  expect(missing).toEqual([]);
});
