// Jest's runtime, except that packages from node_modules are loaded once per worker with Node's
// own require and shared by every test file that worker runs. Loading Valued's dependencies
// (botbuilder, teams-ai, restify, ...) is about 1,500 modules and took 3 s per test file.
// Our own code in src/ and tests/ still loads fresh for each file, transformed and counted for
// coverage as before. Sharing packages needs one JavaScript realm (a RegExp made in a test must
// be `instanceof RegExp` inside teams-ai), hence the single-context test environment.
const path = require('node:path');
const Runtime = require('jest-runtime').default;

const NODE_MODULES = `${path.sep}node_modules${path.sep}`;

class SharedModulesRuntime extends Runtime {
  requireModuleOrMock(from, moduleName) {
    const shared = this.sharedPackagePath(from, moduleName);
    return shared ? require(shared) : super.requireModuleOrMock(from, moduleName);
  }

  /** The file to load natively, or undefined for what Jest must load itself. */
  sharedPackagePath(from, moduleName) {
    if (moduleName.startsWith('.') || path.isAbsolute(moduleName) || this._resolver.isCoreModule(moduleName)) return undefined;
    if (moduleName === '@jest/globals') return undefined;
    let resolved;
    try {
      resolved = this._resolver.resolveModule(from, moduleName);
    } catch {
      return undefined; // let Jest report it as it always has
    }
    if (!resolved.includes(NODE_MODULES)) return undefined;
    // Packages Jest must transform (ES modules, see transformIgnorePatterns) stay with Jest.
    if (this._config.transformIgnorePatterns.some((p) => !new RegExp(p).test(resolved))) return undefined;
    return resolved;
  }
}

module.exports = SharedModulesRuntime;
