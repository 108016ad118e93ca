// Offline checks of infra/*.bicep and infra/main.parameters.json. A Bicep compiler cannot be
// installed here (see bicep-lite.ts), so these tests read the templates for the wiring mistakes
// that would otherwise only show up as a failed deployment in Azure.

import * as fs from 'fs';
import * as path from 'path';
import { appSettings, bracketProblems, isReferenced, modules, outputs, params, resources } from './bicep-lite';

const ROOT = path.resolve(__dirname, '..', '..');
const INFRA = path.join(ROOT, 'infra');
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');

const MAIN = read('infra/main.bicep');
const STORAGE = read('infra/modules/storage.bicep');
const BOT = read('infra/modules/bot-registration.bicep');
const BICEP_FILES = ['infra/main.bicep', 'infra/modules/storage.bicep', 'infra/modules/bot-registration.bicep'];

const STORAGE_TABLE_DATA_CONTRIBUTOR = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3';

function resourceOf(source: string, type: string) {
  const found = resources(source).filter((r) => r.type === type);
  expect({ type, count: found.length }).toEqual({ type, count: 1 });
  return found[0];
}

describe('Bicep files are well formed', () => {
  test('every .bicep file under infra/ is covered by these tests', () => {
    const all: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.bicep')) all.push(path.relative(ROOT, full).split(path.sep).join('/'));
      }
    };
    walk(INFRA);
    expect(all.sort()).toEqual([...BICEP_FILES].sort());
  });

  test.each(BICEP_FILES)('%s has balanced brackets', (file) => {
    expect(bracketProblems(read(file))).toEqual([]);
  });

  test.each(BICEP_FILES)('%s uses every param it declares', (file) => {
    const source = read(file);
    const unused = params(source)
      .filter((p) => !isReferenced(source, p.name))
      .map((p) => p.name);
    expect(unused).toEqual([]);
  });

  test.each(BICEP_FILES)('%s pins a dated API version on every resource', (file) => {
    const found = resources(read(file));
    expect(found.length).toBeGreaterThan(0);
    for (const r of found) expect(`${r.type}@${r.apiVersion}`).toMatch(/^[\w.]+\/[\w/]+@\d{4}-\d{2}-\d{2}(-preview)?$/);
  });

  test('modules exist and receive exactly the params they declare (all required ones included)', () => {
    const used = modules(MAIN);
    expect(used.map((m) => m.path).sort()).toEqual(['modules/bot-registration.bicep', 'modules/storage.bicep']);
    for (const mod of used) {
      const file = path.join(INFRA, mod.path);
      expect(fs.existsSync(file)).toBe(true);
      const declared = params(fs.readFileSync(file, 'utf8'));
      const unknown = mod.params.filter((p) => !declared.some((d) => d.name === p));
      const missing = declared.filter((d) => !d.hasDefault && !mod.params.includes(d.name)).map((d) => d.name);
      expect({ module: mod.path, unknown, missing }).toEqual({ module: mod.path, unknown: [], missing: [] });
    }
  });

  test('module outputs that main.bicep reads are declared by the module', () => {
    for (const mod of modules(MAIN)) {
      const declared = outputs(fs.readFileSync(path.join(INFRA, mod.path), 'utf8')).map((o) => o.name);
      const read = [...MAIN.matchAll(new RegExp(`\\b${mod.symbol}\\.outputs\\.(\\w+)`, 'g'))].map((m) => m[1]);
      expect(read.length).toBeGreaterThan(0);
      for (const name of read)
        expect({ module: mod.path, output: name, declared: declared.includes(name) }).toMatchObject({ declared: true });
    }
  });
});

describe('main.parameters.json matches main.bicep', () => {
  const file = JSON.parse(read('infra/main.parameters.json'));
  const declared = params(MAIN);

  test('is an ARM deployment parameters file', () => {
    expect(file.$schema).toMatch(/deploymentParameters\.json#$/);
    expect(file.contentVersion).toBe('1.0.0.0');
  });

  test('every parameter it sets is declared in main.bicep, with a value of the right type', () => {
    for (const [name, entry] of Object.entries<{ value: unknown }>(file.parameters)) {
      const param = declared.find((p) => p.name === name);
      expect({ name, declared: Boolean(param) }).toEqual({ name, declared: true });
      const expectedType = { string: 'string', int: 'number', bool: 'boolean', object: 'object', array: 'object' }[param!.type];
      expect({ name, type: typeof entry.value }).toEqual({ name, type: expectedType });
    }
  });

  test('every main.bicep param without a default is set', () => {
    const required = declared.filter((p) => !p.hasDefault).map((p) => p.name);
    expect(required.sort()).toEqual(['botDisplayName', 'resourceBaseName']);
    for (const name of required) expect(Object.keys(file.parameters)).toContain(name);
  });

  test('uses toolkit ${{VAR}} placeholders for per-environment values', () => {
    expect(file.parameters.resourceBaseName.value).toBe('valued${{RESOURCE_SUFFIX}}');
    expect(file.parameters.aadAppClientId.value).toBe('${{AAD_APP_CLIENT_ID}}');
    // RESOURCE_SUFFIX is 6 characters, so the base name fits resourceBaseName's 4..20 limit.
    expect('valued'.length + 6).toBeLessThanOrEqual(20);
  });
});

describe('what gets deployed', () => {
  test('storage: StorageV2, TLS 1.2, no public blobs, no shared keys', () => {
    const account = resourceOf(STORAGE, 'Microsoft.Storage/storageAccounts');
    expect(account.body).toMatch(/kind:\s*'StorageV2'/);
    expect(account.body).toMatch(/minimumTlsVersion:\s*'TLS1_2'/);
    expect(account.body).toMatch(/allowBlobPublicAccess:\s*false/);
    expect(account.body).toMatch(/allowSharedKeyAccess:\s*false/);
    expect(account.body).toMatch(/supportsHttpsTrafficOnly:\s*true/);
  });

  test('the managed identity gets Storage Table Data Contributor on the storage account only', () => {
    const assignment = resourceOf(STORAGE, 'Microsoft.Authorization/roleAssignments');
    expect(STORAGE).toContain(`'${STORAGE_TABLE_DATA_CONTRIBUTOR}'`);
    expect(assignment.body).toMatch(/scope:\s*storageAccount\b/);
    expect(assignment.body).toMatch(
      /roleDefinitionId:\s*subscriptionResourceId\('Microsoft\.Authorization\/roleDefinitions',\s*storageTableDataContributorRoleId\)/,
    );
    expect(assignment.body).toMatch(/principalId:\s*dataContributorPrincipalId/);
    expect(assignment.body).toMatch(/principalType:\s*'ServicePrincipal'/);
    const storageModule = modules(MAIN).find((m) => m.path === 'modules/storage.bicep');
    expect(storageModule?.body).toMatch(/dataContributorPrincipalId:\s*identity\.properties\.principalId/);
  });

  test('Linux App Service plan and Node 20 Web App: HTTPS only, always on, health check, startup command', () => {
    const plan = resourceOf(MAIN, 'Microsoft.Web/serverfarms');
    expect(plan.body).toMatch(/reserved:\s*true/);
    const site = resourceOf(MAIN, 'Microsoft.Web/sites');
    expect(site.body).toMatch(/linuxFxVersion:\s*'NODE\|20-lts'/);
    expect(site.body).toMatch(/healthCheckPath:\s*'\/healthz'/);
    expect(site.body).toMatch(/alwaysOn:\s*true/);
    expect(site.body).toMatch(/httpsOnly:\s*true/);
    expect(site.body).toMatch(/appCommandLine:\s*'node dist\/src\/index\.js'/);
    expect(site.body).toMatch(/type:\s*'UserAssigned'/);
    expect(site.body).toMatch(/'\$\{identity\.id\}':\s*\{\}/);
  });

  test('the startup command matches where tsc puts src/index.ts', () => {
    const tsconfig = JSON.parse(read('tsconfig.json'));
    expect(tsconfig.compilerOptions.outDir).toBe('dist');
    expect(tsconfig.compilerOptions.rootDir).toBe('.');
  });

  test('app settings carry the bot identity, storage endpoint, telemetry and production flags', () => {
    const settings = appSettings(MAIN);
    expect(Object.fromEntries(settings)).toMatchObject({
      MicrosoftAppId: 'identity.properties.clientId',
      MicrosoftAppType: "'UserAssignedMSI'",
      MicrosoftAppTenantId: 'identity.properties.tenantId',
      STORAGE_ACCOUNT_URL: 'storage.outputs.tableEndpoint',
      AZURE_CLIENT_ID: 'identity.properties.clientId',
      APPLICATIONINSIGHTS_CONNECTION_STRING: 'appInsights.properties.ConnectionString',
      LOG_FORMAT: "'json'",
      NODE_ENV: "'production'",
    });
    // The table endpoint, not the blob one: the app talks to Table Storage.
    expect(outputs(STORAGE).find((o) => o.name === 'tableEndpoint')?.value).toBe('storageAccount.properties.primaryEndpoints.table');
    // No secrets in app settings (shared keys are off and the bot has no password), except the
    // link-signing key, which must come from a @secure() parameter, never a literal.
    expect([...settings.keys()].filter((k) => /password|secret|key/i.test(k))).toEqual(['LINK_SECRET']);
    expect(settings.get('LINK_SECRET')).toBe('linkSecret');
    expect(MAIN).toMatch(/@secure\(\)\s*param linkSecret string/);
    expect(settings.get('PUBLIC_URL')).toMatch(/azurewebsites\.net/);
  });

  test('bot registration: single-tenant managed identity bot on the Teams channel', () => {
    const bot = resourceOf(BOT, 'Microsoft.BotService/botServices');
    expect(bot.body).toMatch(/msaAppType:\s*'UserAssignedMSI'/);
    expect(bot.body).toMatch(/msaAppMSIResourceId:\s*identityResourceId/);
    expect(bot.body).toMatch(/msaAppTenantId:\s*identityTenantId/);
    expect(bot.body).toMatch(/location:\s*'global'/);
    const channel = resourceOf(BOT, 'Microsoft.BotService/botServices/channels');
    expect(channel.body).toMatch(/name:\s*'MsTeamsChannel'/);
    expect(channel.body).toMatch(/channelName:\s*'MsTeamsChannel'/);
    const botModule = modules(MAIN).find((m) => m.path === 'modules/bot-registration.bicep');
    expect(botModule?.body).toMatch(/messagingEndpoint:\s*'https:\/\/\$\{webApp\.properties\.defaultHostName\}\/api\/messages'/);
    expect(botModule?.body).toMatch(/identityClientId:\s*identity\.properties\.clientId/);
  });

  test('monitoring: Application Insights backed by Log Analytics, web app logs shipped there', () => {
    resourceOf(MAIN, 'Microsoft.OperationalInsights/workspaces');
    const insights = resourceOf(MAIN, 'Microsoft.Insights/components');
    expect(insights.body).toMatch(/WorkspaceResourceId:\s*logAnalytics\.id/);
    const diagnostics = resourceOf(MAIN, 'Microsoft.Insights/diagnosticSettings');
    expect(diagnostics.body).toMatch(/scope:\s*webApp\b/);
    expect(diagnostics.body).toContain("'AppServiceConsoleLogs'");
  });

  test('outputs the values the toolkit and the manifest need, in UPPER_CASE env-var form', () => {
    const names = outputs(MAIN).map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(['BOT_ID', 'BOT_DOMAIN', 'BOT_AZURE_APP_SERVICE_RESOURCE_ID', 'STORAGE_ACCOUNT_URL']));
    for (const name of names) expect(name).toMatch(/^[A-Z][A-Z0-9_]*$/);
    expect(outputs(MAIN).find((o) => o.name === 'BOT_ID')?.value).toBe('identity.properties.clientId');
    expect(outputs(MAIN).find((o) => o.name === 'BOT_DOMAIN')?.value).toBe('webApp.properties.defaultHostName');
    // Nothing secret is written back into the committed env file.
    expect(outputs(MAIN).filter((o) => /ConnectionString|listKeys|secret/i.test(o.value))).toEqual([]);
  });
});

describe('bicep-lite itself (so a passing test above means something)', () => {
  test('spots unbalanced brackets, ignoring brackets inside strings and comments', () => {
    expect(bracketProblems("var a = '{'\n// }\nvar b = {\n  c: [1, 2]\n}\n")).toEqual([]);
    expect(bracketProblems('var b = {\n  c: [1, 2}\n')).toEqual(expect.arrayContaining([expect.stringMatching(/line 2/)]));
  });

  test('reads params, defaults, module params and app settings', () => {
    const source = [
      'param a string',
      'param b int = 3',
      "module m 'x.bicep' = {",
      "  name: 'm'",
      '  params: {',
      '    a: a',
      '    nested: { z: 1 }',
      '  }',
      '}',
      "resource s 'Microsoft.Web/sites@2023-12-01' = {",
      '  properties: { siteConfig: { appSettings: [',
      '    {',
      "      name: 'ONE'",
      "      value: '1'",
      '    }',
      '  ] } }',
      '}',
    ].join('\n');
    expect(params(source)).toEqual([
      { name: 'a', type: 'string', hasDefault: false },
      { name: 'b', type: 'int', hasDefault: true },
    ]);
    expect(modules(source)[0].params).toEqual(['a', 'nested']);
    expect([...appSettings(source)]).toEqual([['ONE', "'1'"]]);
    expect(isReferenced(source, 'b')).toBe(false);
  });
});
