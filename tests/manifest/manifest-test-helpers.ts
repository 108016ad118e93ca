// Shared by the manifest tests: where things are, realistic values for the placeholders, and an
// offline validator built from the official Teams manifest schema shipped in @microsoft/app-manifest.

import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { substitutePlaceholders } from '../../src/tools/package-app';

export const ROOT = path.resolve(__dirname, '..', '..');
export const MANIFEST_DIR = path.join(ROOT, 'manifest');
export const MANIFEST_PATH = path.join(MANIFEST_DIR, 'manifest.json');

/** What a provisioned dev environment looks like: GUIDs from Azure/Entra, an App Service domain. */
export const TEST_VALUES: Record<string, string> = {
  TEAMS_APP_ID: '6f1c2a9e-4b7d-4e21-9c3a-2d8f5e1b7a40',
  BOT_ID: 'b3e9d7c1-58a2-4f6e-8d0b-91c4a7e2f365',
  AAD_APP_CLIENT_ID: '0d4a8f26-c9e1-4b73-a5d2-7e6f3b1c9a08',
  BOT_DOMAIN: 'valued7f3a2c.azurewebsites.net',
  APP_NAME_SUFFIX: ' (dev)',
};

// The manifest is deep, loosely typed JSON; tests poke at it freely and the schema does the typing.
export type Manifest = Record<string, any>;

export function manifestTemplate(): string {
  return fs.readFileSync(MANIFEST_PATH, 'utf8');
}

export function filledManifest(values: Record<string, string> = TEST_VALUES): Manifest {
  return JSON.parse(substitutePlaceholders(manifestTemplate(), values)) as Manifest;
}

type ValidateFunction = ReturnType<Ajv['compile']>;

const validators = new Map<string, ValidateFunction>();

/** Validator for the schema version a manifest declares (manifestVersion "1.19" → v1.19/). */
export function schemaValidator(manifestVersion: string): ValidateFunction {
  const cached = validators.get(manifestVersion);
  if (cached) return cached;
  const schemaPath = path.join(
    ROOT,
    'node_modules/@microsoft/app-manifest/build/json-schemas/teams',
    `v${manifestVersion}`,
    'MicrosoftTeams.schema.json',
  );
  if (!fs.existsSync(schemaPath)) throw new Error(`No offline schema for manifest version ${manifestVersion}`);
  // strict: false because the official schema is written for draft-04 tools that ignore Ajv's
  // stricter style rules (e.g. additionalProperties without an explicit type).
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
  validators.set(manifestVersion, validate);
  return validate;
}

/** Validates and returns readable errors ("/id must match pattern ..."); empty when valid. */
export function schemaErrors(manifest: Manifest): string[] {
  const validate = schemaValidator(String(manifest.manifestVersion));
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
}
