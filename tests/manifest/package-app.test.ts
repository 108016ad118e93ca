// `npm run package` builds the zip people upload to Teams. These tests build it into a temporary
// folder through the module's exported function and open it up again, as Teams would.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import {
  findPlaceholders,
  loadEnv,
  MissingPlaceholderError,
  packageApp,
  parseEnvFile,
  substitutePlaceholders,
} from '../../src/tools/package-app';
import { MANIFEST_DIR, ROOT, schemaErrors, TEST_VALUES } from './manifest-test-helpers';

let tmp: string;

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'valued-package-'));
});

afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function writeEnv(name: string, values: Record<string, string>, extra = ''): string {
  const file = path.join(tmp, name);
  const lines = Object.entries(values).map(([k, v]) => `${k}="${v}"`);
  fs.writeFileSync(file, `# written by the test\n${extra}${lines.join('\n')}\n`);
  return file;
}

describe('packageApp', () => {
  test('writes valued-<env>.zip holding exactly manifest.json, color.png and outline.png at its root', async () => {
    const envFile = writeEnv('.env.staging', { TEAMSFX_ENV: 'staging', ...TEST_VALUES });
    const result = await packageApp({ rootDir: ROOT, envFile, env: {}, outDir: tmp });

    expect(result.zipPath).toBe(path.join(tmp, 'valued-staging.zip'));
    expect(result.envName).toBe('staging');
    const zip = await JSZip.loadAsync(fs.readFileSync(result.zipPath));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);

    const manifestText = await zip.file('manifest.json')!.async('string');
    expect(findPlaceholders(manifestText)).toEqual([]);
    const manifest = JSON.parse(manifestText);
    expect(schemaErrors(manifest)).toEqual([]);
    expect(manifest.id).toBe(TEST_VALUES.TEAMS_APP_ID);
    expect(manifest.bots[0].botId).toBe(TEST_VALUES.BOT_ID);
    expect(manifest.staticTabs.find((t: { entityId: string }) => t.entityId === 'me').contentUrl).toBe(
      `https://${TEST_VALUES.BOT_DOMAIN}/me`,
    );
    expect(result.manifest).toEqual(manifest);

    for (const icon of ['color.png', 'outline.png']) {
      const inZip = await zip.file(icon)!.async('nodebuffer');
      expect(inZip.equals(fs.readFileSync(path.join(MANIFEST_DIR, icon)))).toBe(true);
    }
  });

  test('is reproducible: the same inputs give a byte-identical zip', async () => {
    const envFile = writeEnv('.env.dev', TEST_VALUES);
    const first = fs.readFileSync((await packageApp({ rootDir: ROOT, envFile, env: {}, outDir: tmp })).zipPath);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a different clock second
    const second = fs.readFileSync((await packageApp({ rootDir: ROOT, envFile, env: {}, outDir: tmp })).zipPath);
    expect(second.equals(first)).toBe(true);
  });

  test('fails with a message naming every placeholder left unfilled, and writes no zip', async () => {
    const { BOT_ID, AAD_APP_CLIENT_ID, ...rest } = TEST_VALUES;
    expect(BOT_ID && AAD_APP_CLIENT_ID).toBeTruthy();
    const envFile = writeEnv('.env.dev', rest, 'BOT_ID=\n');
    const attempt = packageApp({ rootDir: ROOT, envFile, env: {}, outDir: tmp });
    await expect(attempt).rejects.toBeInstanceOf(MissingPlaceholderError);
    await expect(attempt).rejects.toThrow(/\$\{\{BOT_ID\}\}.*\$\{\{AAD_APP_CLIENT_ID\}\}/);
    await expect(attempt).rejects.toMatchObject({ missing: ['BOT_ID', 'AAD_APP_CLIENT_ID'] });
    expect(fs.readdirSync(tmp).filter((f) => f.endsWith('.zip'))).toEqual([]);
  });

  test('without an env file it takes every value from the environment it is given', async () => {
    // A root of our own, so a developer's env/.env.local cannot be picked up instead.
    const root = path.join(tmp, 'repo');
    fs.cpSync(MANIFEST_DIR, path.join(root, 'manifest'), { recursive: true });
    const result = await packageApp({ rootDir: root, env: { ...TEST_VALUES, TEAMSFX_ENV: 'ci' }, outDir: tmp });
    expect(result.zipPath).toBe(path.join(tmp, 'valued-ci.zip'));
    expect(result.manifest.id).toBe(TEST_VALUES.TEAMS_APP_ID);
    expect(fs.existsSync(result.zipPath)).toBe(true);
  });

  test('with no env file, env/.env.local is the default when it exists', async () => {
    const root = path.join(tmp, 'repo');
    fs.cpSync(MANIFEST_DIR, path.join(root, 'manifest'), { recursive: true });
    fs.mkdirSync(path.join(root, 'env'));
    fs.writeFileSync(
      path.join(root, 'env', '.env.local'),
      Object.entries({ ...TEST_VALUES, BOT_DOMAIN: 'localhost.example.net' })
        .map(([k, v]) => `${k}="${v}"`)
        .join('\n'),
    );
    const result = await packageApp({ rootDir: root, env: {}, outDir: tmp });
    expect(result.envName).toBe('local');
    expect(result.zipPath).toBe(path.join(tmp, 'valued-local.zip'));
    expect((result.manifest.validDomains as string[])[0]).toBe('localhost.example.net');
  });

  test("an env file's empty entries do not hide values from the environment, and .user secrets win", () => {
    const envFile = writeEnv('.env.dev', { BOT_DOMAIN: 'from-file.example.net' }, 'BOT_ID=\n');
    fs.writeFileSync(`${envFile}.user`, 'BOT_DOMAIN=from-user-file.example.net\n');
    const values = loadEnv(envFile, { BOT_ID: TEST_VALUES.BOT_ID, BOT_DOMAIN: 'from-process.example.net' });
    expect(values.BOT_ID).toBe(TEST_VALUES.BOT_ID);
    expect(values.BOT_DOMAIN).toBe('from-user-file.example.net');
    expect(() => loadEnv(path.join(tmp, '.env.nope'), {})).toThrow(/Env file not found/);
  });
});

describe('placeholder substitution', () => {
  test('JSON-escapes values so odd characters cannot break the manifest', () => {
    const out = substitutePlaceholders('{"name": "Valued${{APP_NAME_SUFFIX}}"}', { APP_NAME_SUFFIX: ' "beta" \\ test' });
    expect(JSON.parse(out)).toEqual({ name: 'Valued "beta" \\ test' });
  });

  test('APP_NAME_SUFFIX may be empty; other placeholders may not', () => {
    expect(substitutePlaceholders('x${{APP_NAME_SUFFIX}}', { APP_NAME_SUFFIX: '' })).toBe('x');
    expect(() => substitutePlaceholders('${{BOT_DOMAIN}}', { BOT_DOMAIN: '  ' })).toThrow(/\$\{\{BOT_DOMAIN\}\}/);
    expect(() => substitutePlaceholders('${{BOT_DOMAIN}}', {})).toThrow(MissingPlaceholderError);
  });

  test('finds each placeholder once, tolerating inner spaces as the toolkit does', () => {
    expect(findPlaceholders('${{A}} ${{ B }} ${{A}} ${notThis} {{norThis}}')).toEqual(['A', 'B']);
  });
});

describe('parseEnvFile', () => {
  test('reads the .env dialect the Agents Toolkit writes', () => {
    const parsed = parseEnvFile(
      [
        '# a comment',
        '',
        'TEAMSFX_ENV=dev',
        'APP_NAME_SUFFIX=" (dev)"',
        "SINGLE='it''s'",
        'export EXPORTED=yes',
        'TRAILING=value # note',
        'EMPTY=',
        'URL=https://valued.example.net/a#b',
        'not a setting',
      ].join('\r\n'),
    );
    expect(parsed).toEqual({
      TEAMSFX_ENV: 'dev',
      APP_NAME_SUFFIX: ' (dev)',
      SINGLE: 'it',
      EXPORTED: 'yes',
      TRAILING: 'value',
      EMPTY: '',
      URL: 'https://valued.example.net/a#b',
    });
  });
});
