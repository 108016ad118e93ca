// The layer rules are real: a wrong import fails lint (and so `npm test` and CI).
// ESLint's config is an ES module, which Jest cannot load in process, so this runs the CLI once
// over a scratch tree laid out like src/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

const wrong: Record<string, string> = {
  'src/domain/wrong-storage.ts': "import { x } from '../storage/slip-repository';",
  'src/domain/wrong-tables.ts': "import { TableClient as x } from '@azure/data-tables';",
  'src/services/wrong-sdk.ts': "import { TurnContext as x } from 'botbuilder';",
  'src/services/wrong-bot.ts': "import { x } from '../bot/slip-flow';",
  'src/storage/wrong-tables.ts': "import { TableClient as x } from '@azure/data-tables';",
  'src/cards/wrong-teams-ai.ts': "import { Application as x } from '@microsoft/teams-ai';",
  'src/storage/table/wrong-services.ts': "import { x } from '../../services/slip-service';",
};
const allowed: Record<string, string> = {
  'src/domain/fine.ts': "import { x } from './box';",
  'src/storage/table/fine.ts': "import { TableClient as x } from '@azure/data-tables';",
  'src/bot/fine.ts': "import { TurnContext as x } from 'botbuilder';",
  'src/services/fine.ts': "import { x } from '../storage/slip-repository';",
};

let errors: Map<string, string[]>;

beforeAll(() => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'valued-lint-'));
  try {
    for (const [file, line] of Object.entries({ ...wrong, ...allowed })) {
      fs.mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
      fs.writeFileSync(path.join(scratch, file), `${line}\nexport const y = x;\n`);
    }
    let out: string;
    try {
      out = execFileSync(
        process.execPath,
        [
          path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'),
          '-c',
          path.join(root, '.config', 'eslint.config.mjs'),
          '--format',
          'json',
          'src',
        ],
        { cwd: scratch, encoding: 'utf8' },
      );
    } catch (e) {
      out = (e as { stdout: string }).stdout; // exit status 1 when there are errors, as expected
    }
    const results = JSON.parse(out) as { filePath: string; messages: { ruleId: string; severity: number }[] }[];
    errors = new Map(
      results.map((r) => [path.relative(scratch, r.filePath), r.messages.filter((m) => m.severity === 2).map((m) => m.ruleId)]),
    );
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}, 60_000);

test.each(Object.keys(wrong))('a wrong import in %s fails lint', (file) => {
  expect(errors.get(file)).toContain('no-restricted-imports');
});

test.each(Object.keys(allowed))('an allowed import in %s passes', (file) => {
  expect(errors.get(file)).toEqual([]);
});
