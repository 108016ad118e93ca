// The tag-and-reflect card and My recognition with a person's notes pass the card checks
// (labels, speak, no empty text) and keep people's own words out of markdown.
import { reflectCard } from '../../src/cards/reflect-card';
import { myRecognitionCard } from '../../src/cards/my-recognition-card';
import { frameworkById } from '../../src/domain/framework';
import type { SlipHistoryEntry } from '../../src/domain/history';
import type { RecognitionSummary } from '../../src/services/my-recognition-service';
import { cardProblems } from '../support/card-checks';

const framework = frameworkById(undefined);
const slip: SlipHistoryEntry = {
  kind: 'slip',
  slipId: 'slip-1',
  teamId: 't',
  month: '2026-11',
  createdAt: '2026-11-02T10:00:00.000Z',
  sender: { id: 's', teamsId: '29:s', name: 'Jo **Williams**' },
  message: 'Thank you for **everything**',
  values: ['Team player'],
  visibility: 'team',
};

test('the reflect card offers every domain, keeps the choices and words, and passes the checks', () => {
  const { content } = reflectCard({
    slip,
    note: { domains: ['formal-knowledge', 'education-development'], reflection: 'I read the [guide](http://x.example)' },
    framework,
    timeZone: 'Europe/London',
    message: 'Saved. Only you can see this.',
  });
  expect(cardProblems(content)).toEqual([]);
  const text = JSON.stringify(content);
  expect(text).toContain('"value":"formal-knowledge,education-development"');
  expect(text).toContain('I read the [guide](http://x.example)');
  expect(text).toContain('Health Education England, 2021');
  expect(text).toContain('From Jo Williams');
});

test('My recognition shows the person their tags and reflection, and months in words', () => {
  const summary: RecognitionSummary = {
    personId: 'p',
    totals: { allTime: 1, thisYear: 1, thisMonth: 0 },
    values: [{ value: 'Team player', count: 1 }],
    perMonth: [],
    valuesByYear: [],
    awards: [
      { kind: 'award', teamId: 't', teamName: 'Therapies', month: '2026-12', result: 'winner', citation: '', values: [], announcedAt: '' },
    ],
    nominations: [],
    years: [2026],
  };
  const note = {
    personId: 'p',
    slipId: 'slip-1',
    createdAt: slip.createdAt,
    teamId: 't',
    month: '2026-11',
    frameworkId: framework.id,
    domains: ['supporting-service-users'],
    reflection: 'I stayed with Mr B until his daughter came.',
    updatedAt: slip.createdAt,
  };
  const { content } = myRecognitionCard({
    summary,
    slips: [slip],
    currentToken: '',
    previous: [],
    filter: {},
    portfolioUrl: 'https://valued.example/me/portfolio?link=x',
    csvUrl: 'https://valued.example/me/history.csv?link=x',
    timeZone: 'Europe/London',
    valueChoices: ['Team player'],
    notes: new Map([['slip-1', note]]),
    framework,
  });
  expect(cardProblems(content)).toEqual([]);
  const text = JSON.stringify(content);
  expect(text).toContain('Star of the month: December 2026 (Therapies)');
  expect(text).not.toContain('2026-12 (');
  expect(text).toContain('Shows: Supporting service users');
  expect(text).toContain('I stayed with Mr B until his daughter came.');
  expect(text).toContain('Change tags and reflection');
});
