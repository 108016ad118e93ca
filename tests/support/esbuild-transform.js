// Jest transform: our TypeScript (and TSX) into CommonJS, and the few dependencies published
// only as ES modules (preact 11) too, as jest's module system needs. It only strips types, one
// file at a time, which tsconfig.json's isolatedModules guarantees is enough; type checking is
// `npm run typecheck`'s job. esbuild does it in about a millisecond a file, where TypeScript's
// own transpiler took 11 s of a fresh run. Under `--coverage` a file is transpiled by
// TypeScript instead, so coverage counts our code and not esbuild's module helpers, and the
// figures compare with earlier runs. Node loads the ES-module packages as they are (Node 20.19+).
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const LOADERS = { '.ts': 'ts', '.tsx': 'tsx' };

// What tsconfig.json says that changes the output of a single file.
const tsconfigRaw = {
  compilerOptions: { useDefineForClassFields: true, jsx: 'react-jsx', jsxImportSource: 'preact', esModuleInterop: true },
};

function withEsbuild(source, filename) {
  const { code, map } = esbuild.transformSync(source, {
    format: 'cjs',
    loader: LOADERS[path.extname(filename)] ?? 'js',
    target: 'node20',
    sourcefile: filename,
    sourcemap: true,
    tsconfigRaw,
    // import() becomes require(), as in tsc's CommonJS output; jest's vm cannot run import().
    supported: { 'dynamic-import': false },
  });
  return { code, map };
}

let compilerOptions;
function withTypeScript(source, filename) {
  const ts = require('typescript');
  if (!compilerOptions) {
    const root = path.resolve(__dirname, '..', '..');
    const file = path.join(root, 'tsconfig.json');
    const parsed = ts.parseJsonConfigFileContent(ts.readConfigFile(file, ts.sys.readFile).config, ts.sys, root);
    compilerOptions = { ...parsed.options, sourceMap: true, inlineSourceMap: false, declaration: false, noEmit: false };
  }
  const out = ts.transpileModule(source, { compilerOptions, fileName: filename });
  // The map inline, as ts-jest left it, so coverage is counted exactly as before.
  const map = { ...JSON.parse(out.sourceMapText), file: filename, sources: [filename] };
  const inline = `sourceMappingURL=data:application/json;charset=utf-8;base64,${Buffer.from(JSON.stringify(map)).toString('base64')}`;
  return { code: out.outputText.replace(/sourceMappingURL=.*$/, inline) };
}

const myself = crypto.createHash('sha256').update(fs.readFileSync(__filename)).update(esbuild.version).digest('hex');

module.exports = {
  process(source, filename, options) {
    return options.instrument && /\.tsx?$/.test(filename) ? withTypeScript(source, filename) : withEsbuild(source, filename);
  },
  getCacheKey(source, filename, options) {
    return crypto
      .createHash('sha256')
      .update(myself)
      .update(filename)
      .update(source)
      .update(String(options.instrument))
      .update(options.configString)
      .digest('hex');
  },
};
