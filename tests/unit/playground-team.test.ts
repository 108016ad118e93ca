import fs from 'node:fs';
import path from 'node:path';
import { parsePlaygroundTeam, valuedAddedActivity } from '../../src/local/playground-team';

test('reads the Playground’s team, bot and current user from its YAML', () => {
  const parsed = parsePlaygroundTeam(fs.readFileSync(path.resolve(__dirname, '../../.m365agentsplayground.yml'), 'utf8'))!;
  expect(parsed.team).toEqual({
    id: '19:c6216df097c132bba9b596050b89caca@thread.tacv2',
    name: 'Therapies Team',
    aadGroupId: 'dab2f760-78b0-439f-9c83-6945a456400e',
  });
  expect(parsed.user.name).toBe('Amara Okafor');
  expect(parsed.botId).toBe('28:599c717a-280a-458f-86a8-47323b285eea');
  const activity = valuedAddedActivity(parsed, 'http://localhost:56150');
  // The shape Teams sends when an owner adds the app to a team.
  expect(activity).toMatchObject({
    type: 'conversationUpdate',
    serviceUrl: 'http://localhost:56150',
    membersAdded: [{ id: parsed.botId }],
    recipient: { id: parsed.botId },
    channelData: { eventType: 'teamMemberAdded', team: { id: parsed.team.id } },
  });
});

test('a config without a team gives nothing to add', () => {
  expect(parsePlaygroundTeam('version: "0.1.1"\ntenantId: t\nbot:\n  id: 28:b\n')).toBeUndefined();
});
