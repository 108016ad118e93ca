// Builds the Teams app package (the zip you upload to Teams or the Teams admin centre):
//   appPackage/build/valued-<env>.zip  =  manifest.json (placeholders filled) + color.png + outline.png
//
// Usage:  npm run package [-- <env file>]
//   <env file> defaults to env/.env.local when it exists; otherwise values come from process.env.
//   Values in the file (and its git-ignored "<file>.user" sibling, where the Agents Toolkit keeps
//   secrets) win; anything they lack is taken from process.env, so CI can supply values as variables.
//
// The manifest uses the Agents Toolkit's ${{VAR}} placeholders, so the toolkit and this script
// build the same package from the same file. A placeholder with no value is an error, not an
// empty string: Teams would reject the package later with a far less helpful message.

import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';

export type EnvValues = Record<string, string | undefined>;

/** Placeholders that may legitimately be empty (production has no name suffix). */
export const MAY_BE_EMPTY: ReadonlySet<string> = new Set(['APP_NAME_SUFFIX']);

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export class MissingPlaceholderError extends Error {
  constructor(
    readonly missing: string[],
    source: string,
  ) {
    super(
      `Cannot build the app package: ${missing.length === 1 ? 'placeholder' : 'placeholders'} ` +
        `${missing.map((m) => '${{' + m + '}}').join(', ')} in ${source} ` +
        `${missing.length === 1 ? 'has' : 'have'} no value. ` +
        `Set ${missing.length === 1 ? 'it' : 'them'} in your env file (e.g. env/.env.dev) or the environment ` +
        `(running "provision" in the Agents Toolkit fills most of them in).`,
    );
    this.name = 'MissingPlaceholderError';
  }
}

/** Parses a .env file: KEY=value lines, # comments, optional "export ", single or double quotes. */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    const [, key, rest] = match;
    let value = rest;
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.indexOf(quote, 1) > 0) {
      value = value.slice(1, value.indexOf(quote, 1));
      if (quote === '"') value = value.replace(/\\n/g, '\n');
    } else {
      // Unquoted: a " #" starts a trailing comment.
      const hash = value.search(/\s#/);
      if (hash >= 0) value = value.slice(0, hash);
      value = value.trim();
    }
    values[key] = value;
  }
  return values;
}

/** Every distinct ${{VAR}} name in the text, in order of first appearance. */
export function findPlaceholders(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) if (!names.includes(m[1])) names.push(m[1]);
  return names;
}

/**
 * Replaces every ${{VAR}} with its value, JSON-escaped because the manifest is JSON.
 * Throws MissingPlaceholderError naming all unfilled placeholders at once.
 */
export function substitutePlaceholders(text: string, values: EnvValues, source = 'the manifest'): string {
  const missing = findPlaceholders(text).filter((name) => {
    const value = values[name];
    return value === undefined || (value.trim() === '' && !MAY_BE_EMPTY.has(name));
  });
  if (missing.length > 0) throw new MissingPlaceholderError(missing, source);
  return text.replace(PLACEHOLDER, (_, name: string) => JSON.stringify(values[name] ?? '').slice(1, -1));
}

/** "env/.env.dev" → "dev"; anything else → undefined. */
export function envNameFromFile(file: string): string | undefined {
  const m = /^\.env\.([A-Za-z0-9_-]+)$/.exec(path.basename(file));
  return m ? m[1] : undefined;
}

export interface PackageOptions {
  /** Repository root; manifest/ is read from here. Defaults to the directory holding package.json. */
  rootDir?: string;
  /** A .env-style file. Default: <root>/env/.env.local if it exists. */
  envFile?: string;
  /** Fallback values for anything the env file lacks. Default: process.env. */
  env?: EnvValues;
  /** Where the zip goes. Default: <root>/appPackage/build. */
  outDir?: string;
  /** Names the zip valued-<envName>.zip. Default: from the env file name, else TEAMSFX_ENV, else "default". */
  envName?: string;
}

export interface PackageResult {
  zipPath: string;
  envName: string;
  /** The manifest as written into the zip. */
  manifest: Record<string, unknown>;
}

export function findRepoRoot(start: string = __dirname): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export function loadEnv(envFile: string | undefined, fallback: EnvValues): EnvValues {
  if (!envFile) return { ...fallback };
  if (!fs.existsSync(envFile)) throw new Error(`Env file not found: ${envFile}`);
  const fromFile = parseEnvFile(fs.readFileSync(envFile, 'utf8'));
  const userFile = `${envFile}.user`;
  const fromUser = fs.existsSync(userFile) ? parseEnvFile(fs.readFileSync(userFile, 'utf8')) : {};
  const merged: EnvValues = { ...fallback };
  // An empty line in the file ("BOT_ID=") means "not provisioned yet", so it must not hide a real
  // value from the environment.
  for (const [k, v] of Object.entries({ ...fromFile, ...fromUser })) {
    if (v !== '' || merged[k] === undefined) merged[k] = v;
  }
  return merged;
}

export async function packageApp(options: PackageOptions = {}): Promise<PackageResult> {
  const rootDir = options.rootDir ?? findRepoRoot();
  const manifestDir = path.join(rootDir, 'manifest');
  const defaultEnvFile = path.join(rootDir, 'env', '.env.local');
  const envFile = options.envFile ?? (fs.existsSync(defaultEnvFile) ? defaultEnvFile : undefined);
  const values = loadEnv(envFile, options.env ?? process.env);
  const envName = options.envName ?? (envFile ? envNameFromFile(envFile) : undefined) ?? values.TEAMSFX_ENV ?? 'default';

  const manifestPath = path.join(manifestDir, 'manifest.json');
  const filled = substitutePlaceholders(
    fs.readFileSync(manifestPath, 'utf8'),
    values,
    path.relative(process.cwd(), manifestPath) || manifestPath,
  );
  const manifest = JSON.parse(filled) as Record<string, unknown>;

  const zip = new JSZip();
  // A fixed date keeps the zip byte-identical for identical inputs, so rebuilds do not look like changes.
  const date = new Date(Date.UTC(2024, 0, 1));
  zip.file('manifest.json', JSON.stringify(manifest, null, 2) + '\n', { date });
  for (const icon of ['color.png', 'outline.png']) {
    zip.file(icon, fs.readFileSync(path.join(manifestDir, icon)), { date });
  }

  const outDir = options.outDir ?? path.join(rootDir, 'appPackage', 'build');
  fs.mkdirSync(outDir, { recursive: true });
  const zipPath = path.join(outDir, `valued-${envName}.zip`);
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  fs.writeFileSync(zipPath, bytes);
  return { zipPath, envName, manifest };
}

if (require.main === module) {
  const arg = process.argv[2];
  packageApp({ envFile: arg ? path.resolve(arg) : undefined })
    .then((result) => {
      console.log(`Built ${path.relative(process.cwd(), result.zipPath)} (environment "${result.envName}")`);
    })
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exitCode = 1;
    });
}
