// Builds what the pages load into dist/assets: each browser script bundled from its TypeScript
// module (src/http/browser) into one self-contained file, and each stylesheet (src/http/styles)
// minified. Run by `npm run build`, and by jest's global setup so tests serve the same files.
//
// Usage (after tsc):  node dist/src/tools/build-views.js
import path from 'node:path';
import { build } from 'esbuild';
import { ASSETS_DIR, packageRoot } from '../http/assets';

/** Output name → source, relative to the package root. */
export const VIEW_ENTRIES: Record<string, string> = {
  readout: 'src/http/browser/readout.ts',
  'print-button': 'src/http/browser/print-button.ts',
  tab: 'src/http/browser/tab.ts',
  digest: 'src/http/styles/digest.css',
  my: 'src/http/styles/my.css',
  info: 'src/http/styles/info.css',
};

export async function buildViews(root = packageRoot(), outdir = ASSETS_DIR): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(VIEW_ENTRIES).map(([name, file]) => [name, path.join(root, file)])),
    outdir,
    bundle: true,
    minify: true,
    // An immediately run function: nothing leaks into the page's globals, and no module loader is needed.
    format: 'iife',
    target: ['es2020', 'chrome100', 'safari15'],
    logLevel: 'warning',
  });
}

if (require.main === module) {
  buildViews().then(
    () => console.log(`Built the pages' scripts and styles in ${path.relative(packageRoot(), ASSETS_DIR)}`),
    (e: Error) => {
      console.error(e.message);
      process.exit(1);
    },
  );
}
