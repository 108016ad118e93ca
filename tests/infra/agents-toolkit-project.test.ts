// m365agents.yml ties the manifest, the Bicep templates and the env files together. These tests
// check that every file it names exists, every ${{VAR}} it or its inputs use has a source, and the
// lifecycle stages run the actions this project relies on, in a workable order.

import * as fs from 'fs';
import * as path from 'path';
import { findPlaceholders, parseEnvFile } from '../../src/tools/package-app';
import { outputs } from './bicep-lite';

const ROOT = path.resolve(__dirname, '..', '..');
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
const YML = read('m365agents.yml');

interface Step {
  uses: string;
  lines: string[];
}

/** The steps of each lifecycle stage: enough YAML reading for a file with this simple shape. */
function stages(yml: string): Record<string, Step[]> {
  const result: Record<string, Step[]> = {};
  let stage: string | undefined;
  for (const line of yml.split(/\r?\n/)) {
    if (/^\s*#/.test(line) || !line.trim()) continue;
    const top = /^([A-Za-z][\w-]*):/.exec(line);
    if (top) {
      stage = top[1];
      result[stage] = [];
      continue;
    }
    if (!stage) continue;
    const uses = /^\s*-\s+uses:\s*(\S+)/.exec(line);
    if (uses) result[stage].push({ uses: uses[1], lines: [] });
    else result[stage].at(-1)?.lines.push(line.replace(/\s+#.*$/, ''));
  }
  return result;
}

function arg(step: Step, key: string): string | undefined {
  for (const line of step.lines) {
    const m = new RegExp(`^\\s*(?:-\\s+)?${key}:\\s*(.+)$`).exec(line);
    if (m) return m[1].trim();
  }
  return undefined;
}

/** Env var names an action writes: the values under its writeToEnvironmentFile. */
function written(step: Step): string[] {
  const at = step.lines.findIndex((l) => /^\s*writeToEnvironmentFile:/.test(l));
  if (at < 0) return [];
  const indent = step.lines[at].search(/\S/);
  const names: string[] = [];
  for (const line of step.lines.slice(at + 1)) {
    if (line.search(/\S/) <= indent) break;
    const m = /^\s*\w+:\s*([A-Z][A-Z0-9_]*)\s*$/.exec(line);
    if (m) names.push(m[1]);
  }
  return names;
}

function isSubsequence(needle: string[], haystack: string[]): boolean {
  let i = 0;
  for (const item of haystack) if (item === needle[i]) i++;
  return i === needle.length;
}

const parsed = stages(YML);
const allSteps = Object.values(parsed).flat();
const bicepOutputs = outputs(read('infra/main.bicep')).map((o) => o.name);
/** Set by the toolkit itself (or asked for when empty) rather than by an action in this file. */
const TOOLKIT_BUILT_INS = ['TEAMSFX_ENV', 'APP_NAME_SUFFIX', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME', 'RESOURCE_SUFFIX'];
/** aadApp/update generates this scope id when it is empty. */
const GENERATED = ['AAD_APP_ACCESS_AS_USER_PERMISSION_ID'];

describe('m365agents.yml', () => {
  test('declares a v1.x schema version that matches its $schema comment', () => {
    const version = /^version:\s*(v1\.\d+)\s*$/m.exec(YML)?.[1];
    expect(version).toBeDefined();
    expect(YML.split('\n')[0]).toBe(`# yaml-language-server: $schema=https://aka.ms/m365-agents-toolkits/${version}/yaml.schema.json`);
    expect(/^environmentFolderPath:\s*\.\/env\s*$/m.test(YML)).toBe(true);
  });

  test('provision registers the app, deploys infra/main.bicep, validates, zips and updates the app', () => {
    const uses = parsed.provision.map((s) => s.uses);
    expect(
      isSubsequence(
        [
          'teamsApp/create',
          'aadApp/create',
          'arm/deploy',
          'aadApp/update',
          'teamsApp/validateManifest',
          'teamsApp/zipAppPackage',
          'teamsApp/validateAppPackage',
          'teamsApp/update',
        ],
        uses,
      ),
    ).toBe(true);
    const deploy = parsed.provision.find((s) => s.uses === 'arm/deploy')!;
    expect(arg(deploy, 'path')).toBe('./infra/main.bicep');
    expect(arg(deploy, 'parameters')).toBe('./infra/main.parameters.json');
    expect(arg(deploy, 'subscriptionId')).toBe('${{AZURE_SUBSCRIPTION_ID}}');
    expect(arg(deploy, 'resourceGroupName')).toBe('${{AZURE_RESOURCE_GROUP_NAME}}');
    expect(arg(deploy, 'deploymentName')).toBeTruthy();
    expect(arg(deploy, 'bicepCliVersion')).toMatch(/^v\d+\.\d+\.\d+$/);
    const create = parsed.provision.find((s) => s.uses === 'aadApp/create')!;
    expect(arg(create, 'generateClientSecret')).toBe('false');
    expect(arg(create, 'signInAudience')).toBe('AzureADMyOrg');
  });

  test('deploy installs, builds, stages and zip-deploys to the Web App the Bicep created', () => {
    const steps = parsed.deploy;
    expect(steps.map((s) => s.uses)).toEqual(['cli/runNpmCommand', 'cli/runNpmCommand', 'script', 'azureAppService/zipDeploy']);
    expect(arg(steps[0], 'args')).toMatch(/^(ci|install)\b/);
    expect(arg(steps[1], 'args')).toBe('run build');
    expect(arg(steps[2], 'run')).toBe('node dist/src/tools/stage-webapp.js');
    expect(fs.existsSync(path.join(ROOT, 'src/tools/stage-webapp.ts'))).toBe(true);
    const zipDeploy = steps[3];
    expect(arg(zipDeploy, 'artifactFolder')).toBe('./appPackage/build/webapp');
    expect(arg(zipDeploy, 'resourceId')).toBe('${{BOT_AZURE_APP_SERVICE_RESOURCE_ID}}');
    expect(bicepOutputs).toContain('BOT_AZURE_APP_SERVICE_RESOURCE_ID');
  });

  test('publish rebuilds the package and submits it to the organisation catalogue', () => {
    const uses = parsed.publish.map((s) => s.uses);
    expect(isSubsequence(['teamsApp/zipAppPackage', 'teamsApp/update', 'teamsApp/publishAppPackage'], uses)).toBe(true);
  });

  test('app packages use the same manifest and zip name as `npm run package`', () => {
    for (const step of allSteps.filter((s) => s.uses === 'teamsApp/zipAppPackage' || s.uses === 'teamsApp/validateManifest')) {
      expect(arg(step, 'manifestPath')).toBe('./manifest/manifest.json');
    }
    for (const step of allSteps.filter((s) => /^teamsApp\/(zipAppPackage)$/.test(s.uses))) {
      expect(arg(step, 'outputZipPath')).toBe('./appPackage/build/valued-${{TEAMSFX_ENV}}.zip');
    }
    for (const step of allSteps.filter((s) => /^teamsApp\/(update|validateAppPackage|publishAppPackage)$/.test(s.uses))) {
      expect(arg(step, 'appPackagePath')).toBe('./appPackage/build/valued-${{TEAMSFX_ENV}}.zip');
    }
  });

  test('every input file it names exists (outputs under appPackage/build are built)', () => {
    const paths = [...YML.matchAll(/^\s*(?:-\s+)?(?:path|parameters|manifestPath|ignoreFile):\s*(\.\/\S+)/gm)].map((m) => m[1]);
    expect(paths.length).toBeGreaterThanOrEqual(4);
    for (const p of paths) expect({ path: p, exists: fs.existsSync(path.join(ROOT, p)) }).toEqual({ path: p, exists: true });
  });

  test('every ${{VAR}} used by the project files has a source and is listed in env/.env.dev', () => {
    const produced = new Set([...bicepOutputs, ...allSteps.flatMap(written), ...TOOLKIT_BUILT_INS, ...GENERATED]);
    const envDev = parseEnvFile(read('env/.env.dev'));
    const files = ['m365agents.yml', 'manifest/manifest.json', 'infra/main.parameters.json', 'infra/entra/sso-app.manifest.json'];
    for (const file of files) {
      const vars = findPlaceholders(read(file));
      expect(vars.length).toBeGreaterThan(0);
      for (const name of vars) {
        expect({ file, name, hasSource: produced.has(name) }).toEqual({ file, name, hasSource: true });
        expect({ file, name, inEnvDev: name in envDev }).toEqual({ file, name, inEnvDev: true });
      }
    }
  });

  test('values the manifest needs exist before the package is zipped', () => {
    // Placeholders are resolved when an action runs, so each must be produced by an earlier step.
    const steps = parsed.provision;
    const zipAt = steps.findIndex((s) => s.uses === 'teamsApp/zipAppPackage');
    const before = new Set([
      ...TOOLKIT_BUILT_INS,
      ...steps.slice(0, zipAt).flatMap(written),
      ...(steps.slice(0, zipAt).some((s) => s.uses === 'arm/deploy') ? bicepOutputs : []),
    ]);
    for (const name of findPlaceholders(read('manifest/manifest.json')))
      expect({ name, ready: before.has(name) }).toEqual({ name, ready: true });
  });
});

describe('env/.env.dev', () => {
  const values = parseEnvFile(read('env/.env.dev'));

  test('names the dev environment and holds no secrets or provisioned values', () => {
    expect(values.TEAMSFX_ENV).toBe('dev');
    const filled = Object.entries(values).filter(([k, v]) => v !== '' && !['TEAMSFX_ENV', 'APP_NAME_SUFFIX'].includes(k));
    expect(filled).toEqual([]);
    expect(Object.keys(values).filter((k) => k.startsWith('SECRET_'))).toEqual([]);
  });

  test('its app name suffix keeps the Teams short name within 30 characters', () => {
    expect(`Valued${values.APP_NAME_SUFFIX}`.length).toBeLessThanOrEqual(30);
  });
});

describe('sign-in (SSO) app manifest', () => {
  const entra = JSON.parse(read('infra/entra/sso-app.manifest.json'));
  const teams = JSON.parse(read('manifest/manifest.json'));

  test('exposes the exact resource and client id the Teams manifest asks for', () => {
    expect(entra.identifierUris).toEqual([teams.webApplicationInfo.resource]);
    expect(entra.appId).toBe(teams.webApplicationInfo.id);
    expect(entra.signInAudience).toBe('AzureADMyOrg');
  });

  test('pre-authorises the Teams desktop/mobile and web clients for its access_as_user scope', () => {
    const scope = entra.api.oauth2PermissionScopes.find((s: { value: string }) => s.value === 'access_as_user');
    expect(scope).toMatchObject({ type: 'User', isEnabled: true });
    const clients = entra.api.preAuthorizedApplications.map((a: { appId: string }) => a.appId).sort();
    expect(clients).toEqual(['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346']);
    for (const app of entra.api.preAuthorizedApplications) expect(app.delegatedPermissionIds).toEqual([scope.id]);
  });
});
