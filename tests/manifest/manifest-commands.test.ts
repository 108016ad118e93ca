// src/bot/commands.ts is the one list of what people can invoke; the manifest must offer exactly
// those commands, worded the same, in the same places. A mismatch means a command Teams shows that
// the bot does not answer, or one the bot answers that nobody can find.

import { BOT_COMMANDS, MAX_COMMANDS_PER_SCOPE, MESSAGE_EXTENSION_COMMANDS, type BotCommand } from '../../src/bot/commands';
import { filledManifest, type Manifest } from './manifest-test-helpers';

const manifest = filledManifest();
const manifestActions: Manifest[] = manifest.composeExtensions[0].commands;
const codeActions = Object.entries(MESSAGE_EXTENSION_COMMANDS).map(([key, command]) => ({ key, ...command }));

describe('message extension commands', () => {
  test('the manifest and commands.ts list the same command ids', () => {
    const inManifest = manifestActions.map((c) => c.id).sort();
    const inCode = codeActions.map((c) => c.id).sort();
    expect({ missingFromManifest: inCode.filter((id) => !inManifest.includes(id)) }).toEqual({ missingFromManifest: [] });
    expect({ notInCommandsTs: inManifest.filter((id) => !inCode.includes(id)) }).toEqual({ notInCommandsTs: [] });
    expect(new Set(inManifest).size).toBe(inManifest.length);
  });

  test.each(codeActions)('$id matches commands.ts and opens a dialog (action + fetchTask)', (command) => {
    expect(command.key).toBe(command.id); // handlers look commands up by id
    const entry = manifestActions.find((c) => c.id === command.id);
    expect(entry).toBeDefined();
    expect(entry).toMatchObject({
      type: 'action',
      fetchTask: true,
      title: command.title,
      description: command.description,
    });
    expect([...(entry?.context ?? [])].sort()).toEqual([...command.contexts].sort());
  });
});

describe('bot commands (the command menu)', () => {
  const lists: Manifest[] = manifest.bots[0].commandLists;
  const scopes = ['personal', 'team', 'groupChat'] as const;

  function manifestCommandsFor(scope: string): Array<{ title: string; description: string }> {
    return lists.filter((l) => l.scopes.includes(scope)).flatMap((l) => l.commands);
  }

  test.each(scopes)('the %s menu lists exactly the commands.ts commands for that scope', (scope) => {
    const expected = BOT_COMMANDS.filter((c: BotCommand) => c.scopes.includes(scope))
      .map(({ title, description }) => ({ title, description }))
      .sort((a, b) => a.title.localeCompare(b.title));
    const actual = [...manifestCommandsFor(scope)].sort((a, b) => a.title.localeCompare(b.title));
    expect(actual).toEqual(expected);
  });

  test.each(scopes)('the %s menu fits in what Teams shows (up to 10 commands)', (scope) => {
    expect(manifestCommandsFor(scope).length).toBeGreaterThan(0);
    expect(manifestCommandsFor(scope).length).toBeLessThanOrEqual(MAX_COMMANDS_PER_SCOPE);
  });

  test('people can find what Valued does: each menu has what people there would want', () => {
    const titles = (scope: string) => manifestCommandsFor(scope).map((c) => c.title);
    for (const scope of scopes) expect(titles(scope)).toEqual(expect.arrayContaining(['help', 'thanks', 'nominate']));
    expect(titles('personal')).toEqual(expect.arrayContaining(['my recognition', 'profile', 'export my data', 'erase my data']));
    // Someone's own recognition and data are only ever shown in their personal chat, so they are not offered elsewhere.
    for (const scope of ['team', 'groupChat']) expect(titles(scope)).not.toContain('my recognition');
  });

  test('every manifest menu entry exists in commands.ts with the same wording and scope', () => {
    for (const list of lists) {
      for (const command of list.commands) {
        const inCode = BOT_COMMANDS.find((c) => c.title === command.title);
        expect({ title: command.title, found: Boolean(inCode) }).toEqual({ title: command.title, found: true });
        expect(command.description).toBe(inCode?.description);
        for (const scope of list.scopes) expect(inCode?.scopes).toContain(scope);
      }
    }
  });

  test('every scope a command needs is a scope the bot is installed in', () => {
    const needed = new Set(BOT_COMMANDS.flatMap((c) => c.scopes));
    for (const scope of needed) expect(manifest.bots[0].scopes).toContain(scope);
    expect(needed.size).toBeGreaterThan(0);
  });
});
