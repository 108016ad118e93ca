// The Teams manifest, with its placeholders filled as a provisioned environment would fill them,
// must pass the official schema for the version it declares — and the checks Teams makes that the
// schema cannot express (domains, the SSO resource, the personal tab).

import { filledManifest, manifestTemplate, schemaErrors, TEST_VALUES, type Manifest } from './manifest-test-helpers';
import { findPlaceholders } from '../../src/tools/package-app';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

describe('manifest/manifest.json against the official Teams schema', () => {
  const manifest = filledManifest();

  test('declares schema v1.19 or newer, with $schema pointing at that same version', () => {
    const [major, minor] = String(manifest.manifestVersion).split('.').map(Number);
    expect(major).toBe(1);
    expect(minor).toBeGreaterThanOrEqual(19);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
  });

  test('is valid once its placeholders are filled with realistic values', () => {
    expect(schemaErrors(manifest)).toEqual([]);
  });

  test('uses only the placeholders a provisioned environment provides', () => {
    expect(findPlaceholders(manifestTemplate()).sort()).toEqual(
      ['AAD_APP_CLIENT_ID', 'APP_NAME_SUFFIX', 'BOT_DOMAIN', 'BOT_ID', 'TEAMS_APP_ID'].sort(),
    );
  });

  test('is actually enforced: a non-GUID app id is rejected', () => {
    const broken: Manifest = filledManifest({ ...TEST_VALUES, TEAMS_APP_ID: 'valued-app' });
    expect(schemaErrors(broken)).toEqual([expect.stringMatching(/^\/id must match pattern/)]);
  });

  test('is actually enforced: a non-GUID bot id is rejected wherever it is used', () => {
    const errors = schemaErrors(filledManifest({ ...TEST_VALUES, BOT_ID: 'my-bot' }));
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/bots\/0\/botId must match pattern/),
        expect.stringMatching(/^\/composeExtensions\/0\/botId must match pattern/),
      ]),
    );
  });

  test('is actually enforced: an unknown property and an over-long short name are rejected', () => {
    const broken = filledManifest({ ...TEST_VALUES, APP_NAME_SUFFIX: ' — the recognition bot for everyone' });
    broken.bots[0].favouriteColour = 'teal';
    const errors = schemaErrors(broken);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/name\/short must NOT have more than 30 characters/),
        expect.stringMatching(/^\/bots\/0 must NOT have additional properties/),
      ]),
    );
  });
});

describe('manifest content beyond the schema', () => {
  const manifest = filledManifest();

  test('ids are the provisioned GUIDs', () => {
    expect(manifest.id).toBe(TEST_VALUES.TEAMS_APP_ID);
    expect(manifest.bots[0].botId).toBe(TEST_VALUES.BOT_ID);
    expect(manifest.composeExtensions[0].botId).toBe(TEST_VALUES.BOT_ID);
    for (const id of [manifest.id, manifest.bots[0].botId, manifest.webApplicationInfo.id]) expect(id).toMatch(GUID);
  });

  test('the bot is offered in personal chat, group chats and team channels', () => {
    expect([...manifest.bots[0].scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(manifest.bots[0].isNotificationOnly).toBe(false);
  });

  test('has a personal "My recognition" tab served from the bot domain', () => {
    const tab = manifest.staticTabs.find((t: Manifest) => t.entityId === 'me');
    expect(tab).toMatchObject({
      name: 'My recognition',
      contentUrl: `https://${TEST_VALUES.BOT_DOMAIN}/me`,
      scopes: ['personal'],
    });
  });

  test('every https URL it loads or links to is on a valid domain', () => {
    const urls: string[] = [];
    for (const tab of manifest.staticTabs) urls.push(...[tab.contentUrl, tab.websiteUrl].filter(Boolean));
    urls.push(manifest.developer.websiteUrl, manifest.developer.privacyUrl, manifest.developer.termsOfUseUrl);
    expect(urls.length).toBeGreaterThanOrEqual(5);
    for (const url of urls) {
      const { protocol, hostname } = new URL(url);
      expect(protocol).toBe('https:');
      expect(manifest.validDomains).toContain(hostname);
    }
    // validDomains are bare host names: Teams rejects schemes and paths there.
    for (const domain of manifest.validDomains) expect(domain).not.toMatch(/[/:]/);
  });

  test('SSO: webApplicationInfo names the sign-in app and the bot-domain resource URI', () => {
    expect(manifest.webApplicationInfo).toEqual({
      id: TEST_VALUES.AAD_APP_CLIENT_ID,
      resource: `api://${TEST_VALUES.BOT_DOMAIN}/botid-${TEST_VALUES.BOT_ID}`,
    });
  });

  test('names, developer and descriptions are filled in, in UK English', () => {
    expect(manifest.name.short).toBe('Valued (dev)');
    expect(manifest.developer.name).toBe('Valued contributors');
    expect(manifest.localizationInfo.defaultLanguageTag.toLowerCase()).toBe('en-gb');
    const text = `${manifest.description.short} ${manifest.description.full}`;
    expect(text).toMatch(/star of the month/);
    expect(text).not.toMatch(/\b(organization|color|favorite|recognize)\b/i); // US spellings
    expect(manifest.accentColor).toMatch(/^#[0-9A-F]{6}$/i);
  });

  test('production builds drop the name suffix cleanly', () => {
    expect(filledManifest({ ...TEST_VALUES, APP_NAME_SUFFIX: '' }).name.short).toBe('Valued');
  });
});
