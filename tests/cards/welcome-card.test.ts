import { welcomeCard } from '../../src/cards/welcome-card';
import { commandsFor } from '../../src/bot/commands';
import { cardProblems } from '../support/card-checks';

const typed = (content: any): string[] => content.body.find((b: any) => b.type === 'FactSet').facts.map((f: any) => f.title);

test('the welcome card passes the card checks and says what to type', () => {
  const { content } = welcomeCard(commandsFor('personal'));
  expect(cardProblems(content)).toEqual([]);
  expect(JSON.stringify(content)).toContain('thanks @Sam');
});

test('in the personal chat it lists every command of the personal menu, own recognition and data rights among them', () => {
  const listed = typed(welcomeCard(commandsFor('personal')).content);
  expect(listed).toEqual(['thanks @Sam for …', ...commandsFor('personal').map((c) => c.title)]);
  for (const command of ['nominate', 'profile', 'my recognition', 'export my data', 'erase my data']) expect(listed).toContain(command);
});

test('in a team or group chat it lists that menu with @Valued, and says where private things are', () => {
  for (const scope of ['team', 'groupChat'] as const) {
    const { content } = welcomeCard(commandsFor(scope), 'shared');
    expect(cardProblems(content)).toEqual([]);
    expect(typed(content)).toEqual(['@Valued thanks @Sam for …', ...commandsFor(scope).map((c) => `@Valued ${c.title}`)]);
    expect(typed(content)).toContain('@Valued nominate');
    expect(typed(content)).not.toContain('@Valued erase my data');
    expect(JSON.stringify(content)).toContain('in your personal chat with Valued');
  }
});

test('the card checker catches what the parser alone lets through', () => {
  const bad = {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: '' },
      { type: 'Input.Text', id: 'x' },
      { type: 'Image', url: 'https://x/y.png' },
    ],
  };
  const problems = cardProblems(bad);
  expect(problems).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/speak/),
      expect.stringMatching(/empty TextBlock/),
      expect.stringMatching(/without a label/),
      expect.stringMatching(/altText/),
    ]),
  );
});

test('the welcome card view is stable', () => {
  expect(welcomeCard(commandsFor('personal'))).toMatchSnapshot();
});
