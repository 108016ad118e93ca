// The tab's tags-and-reflection form and the portfolio grouped by framework domain, as HTML:
// their structure (fieldset and legend, labels, limits), the kind prompt for an empty domain,
// the links between groupings, and people's own words escaped wherever they appear.
import { DEFAULT_FRAMEWORK_ID, frameworkById } from '../../src/domain/framework';
import type { SlipHistoryEntry } from '../../src/domain/history';
import { EMPTY_DOMAIN_PROMPT, groupByDomain } from '../../src/domain/portfolio-by-domain';
import type { SlipReflection } from '../../src/domain/reflection';
import { portfolioPage, type PortfolioView } from '../../src/http/views/my/portfolio-page';
import { slipsFragment } from '../../src/http/views/my/slips-fragment';
import { slipEntry } from '../support/slip-entry';

const TZ = 'Europe/London';
const framework = frameworkById(DEFAULT_FRAMEWORK_ID);
const [first, , , communication] = framework.domains;

const slip = (i: number, over: Partial<SlipHistoryEntry> = {}) =>
  slipEntry(i, { sender: { id: `p${i}`, teamsId: `29:${i}`, name: 'Sam <Patel>' }, ...over });

const note = (s: SlipHistoryEntry, domains: string[], reflection: string): SlipReflection => ({
  personId: 'a',
  slipId: s.slipId,
  createdAt: s.createdAt,
  teamId: 't',
  month: s.month,
  frameworkId: framework.id,
  domains,
  reflection,
  updatedAt: '2025-03-20T10:00:00Z',
});

const slips = [slip(1), slip(2, { message: '<script>alert(1)</script>' }), slip(3, { values: [] })];
const notes = [
  note(slips[0], [communication.id], 'I explained the plan <b>slowly</b> & checked she understood'),
  note(slips[1], [first.id, communication.id], ''),
];

describe('the tab: each received thank-you with its note and a form to change it', () => {
  const html = slipsFragment({
    slips,
    hasNewer: false,
    filter: {},
    timeZone: TZ,
    notes: { framework, bySlip: new Map(notes.map((n) => [n.slipId, n])) },
  });

  test('shows what it shows and the reflection, escaped', () => {
    expect(html).toContain(`<strong>Shows:</strong> <span data-shows>${communication.name}</span>`);
    expect(html).toContain('I explained the plan &lt;b>slowly&lt;/b> &amp; checked she understood');
    expect(html).not.toContain('<b>slowly');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Sam &lt;Patel>');
  });

  test('one accessible form per slip: a fieldset with a legend, labelled boxes, a limited textarea', () => {
    expect(html.match(/<form id="reflect-\d"/g)).toHaveLength(3);
    expect(html.match(/<legend>/g)).toHaveLength(3);
    expect(html.match(/type="checkbox"/g)).toHaveLength(3 * framework.domains.length);
    expect(html).toContain(
      `<input type="checkbox" id="reflect-0-${communication.id}" name="domains" value="${communication.id}" checked/>`,
    );
    expect(html).toContain(`<label for="reflect-0-${communication.id}">4. ${communication.name}</label>`);
    expect(html).toMatch(
      /<textarea id="reflect-0-text" name="reflection" rows="4" maxlength="500" aria-describedby="reflect-0-hint reflect-0-count">/i,
    );
    expect(html).toContain(`${500 - notes[0].reflection.length} characters left`);
    expect(html).toContain('aria-controls="reflect-0"');
    expect(html).toContain('data-slip-id="s1" data-created-at="2025-03-11T09:30:00Z"');
    // A slip with a note offers to change it; one without, to add one.
    expect(html.match(/Change tags and reflection/g)).toHaveLength(2);
    expect(html.match(/>Tag and reflect</g)).toHaveLength(1);
    expect(html).toMatchSnapshot();
  });

  test('without notes (no framework given) the list is as before, with no forms', () => {
    expect(slipsFragment({ slips, hasNewer: false, filter: {}, timeZone: TZ })).not.toContain('<form');
  });
});

describe('the portfolio grouped by domain', () => {
  const view = (by: 'value' | 'domain'): PortfolioView => ({
    name: 'Amara Okafor',
    portfolio: {
      personId: 'a',
      from: '2025-01-01',
      to: '2025-03-31',
      slips,
      byValue: [{ value: 'Team player', slips: [slips[0], slips[1]] }],
      unvalued: [slips[2]],
      awards: [],
      nominations: [],
    },
    timeZone: TZ,
    link: 'link"token',
    csvUrl: `/me/portfolio.csv?link=x&by=${by}`,
    by,
    byDomain: groupByDomain(slips, notes, framework),
    groupingUrls: { value: '/me/portfolio?link=x', domain: '/me/portfolio?link=x&by=domain' },
    generatedAt: new Date('2025-04-02T10:00:00Z'),
  });

  test('a section per domain, each slip with its reflection, a kind prompt where there is nothing yet', () => {
    const html = portfolioPage(view('domain'));
    expect(html.match(/class="value-section domain-section"/g)).toHaveLength(framework.domains.length + 1); // + not tagged yet
    expect(html).toContain(`4. ${communication.name} <span class="count">(2)</span>`);
    expect(html).toContain(`1. ${first.name} <span class="count">(1)</span>`);
    expect(html.match(new RegExp(EMPTY_DOMAIN_PROMPT.replace(/[.]/g, '\\.'), 'g'))).toHaveLength(framework.domains.length - 2);
    expect(html).toContain('Not tagged with a domain yet <span class="count">(1)</span>');
    expect(html).toContain('I explained the plan &lt;b>slowly&lt;/b> &amp; checked she understood');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
    expect(html).toContain(`${framework.title} (Health Education England, 2021)`);
    // It says which grouping is shown, keeps it when the period changes, and offers the matching CSV.
    expect(html).toContain('<a href="/me/portfolio?link=x&amp;by=domain" aria-current="page">framework domain</a>');
    expect(html).toContain('<input type="hidden" name="by" value="domain"/>');
    expect(html).toContain('href="/me/portfolio.csv?link=x&amp;by=domain"');
    expect(html).toMatchSnapshot();
  });

  test('by value, as before, with the reflections, and a link to group by domain', () => {
    const html = portfolioPage(view('value'));
    expect(html).not.toContain('domain-section');
    expect(html).toContain('<a href="/me/portfolio?link=x" aria-current="page">value</a>');
    expect(html).toContain('<a href="/me/portfolio?link=x&amp;by=domain">framework domain</a>');
    expect(html).not.toContain('name="by"');
    expect(html).toContain('I explained the plan &lt;b>slowly&lt;/b>');
  });
});
