import { welcomeCard } from '../../src/cards/welcome-card';
import { cardProblems } from '../support/card-checks';

test('the welcome card passes the card checks and says what to type', () => {
  const { content } = welcomeCard();
  expect(cardProblems(content)).toEqual([]);
  expect(JSON.stringify(content)).toContain('thanks @Sam');
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
  expect(welcomeCard()).toMatchSnapshot();
});
