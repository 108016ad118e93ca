// Jest transform for the few dependencies published only as ES modules (preact 11): esbuild
// turns each file into CommonJS, as jest's module system needs. Node itself loads them as they
// are (require of an ES module, Node 20.19 and later).
const { transformSync } = require('esbuild');

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, { format: 'cjs', loader: 'js', target: 'node20', sourcefile: filename, sourcemap: true });
    return { code, map };
  },
};
