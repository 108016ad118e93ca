// The README stays a one-page welcome, and no link in it or in docs/ leads nowhere: a reader
// who follows a link (or an #anchor in our own pages) always finds what it promised.
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const MAX_README_LINES = 250;

// Pages other branches are writing at the same time as this test. Links to them are allowed
// while they are missing; once they have all landed, empty this list.

const markdownFiles = (): string[] => [
  path.join(ROOT, 'README.md'),
  ...fs
    .readdirSync(path.join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join(ROOT, 'docs', f)),
];

/** The prose of a page: fenced blocks and inline code are examples, not links. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Targets of [text](target) and ![alt](target), without a "title". */
export function linkTargets(markdown: string): string[] {
  return [...prose(markdown).matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsIn(markdown: string): Set<string> {
  const headings = [...markdown.replace(/^```[\s\S]*?^```/gm, '').matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => m[1]);
  return new Set(headings.map(anchorOf));
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

test(`README.md is at most ${MAX_README_LINES} lines`, () => {
  const lines = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  expect(lines.length).toBeGreaterThan(20);
  expect(lines.length).toBeLessThanOrEqual(MAX_README_LINES);
});

test('every relative link in README.md and docs/*.md leads to a file (and heading) that exists', () => {
  const broken: string[] = [];
  let checked = 0;
  for (const file of markdownFiles()) {
    const markdown = fs.readFileSync(file, 'utf8');
    for (const target of linkTargets(markdown)) {
      if (isExternal(target)) continue;
      checked++;
      const [filePart, anchor] = target.split('#');
      const resolved = filePart ? path.resolve(path.dirname(file), decodeURIComponent(filePart)) : file;
      const where = `${path.relative(ROOT, file)} → ${target}`;
      if (!fs.existsSync(resolved)) {
        broken.push(`${where} (no such file)`);
        continue;
      }
      if (anchor && resolved.endsWith('.md') && !anchorsIn(fs.readFileSync(resolved, 'utf8')).has(anchor)) {
        broken.push(`${where} (no such heading)`);
      }
    }
  }
  expect(broken).toEqual([]);
  expect(checked).toBeGreaterThan(30);
});

test('the link checker finds links, ignores code, and makes anchors as GitHub does', () => {
  const sample = [
    'See [the guide](docs/a.md#part-one) and ![a picture](b.png "title").',
    '`[not](a-link.md)`',
    '```',
    '[nor](this.md)',
    '```',
  ].join('\n');
  expect(linkTargets(sample)).toEqual(['docs/a.md#part-one', 'b.png']);
  expect(anchorOf('What `npm start` starts')).toBe('what-npm-start-starts');
  expect(anchorOf('Path A: Visual Studio Code and the Microsoft 365 Agents Toolkit')).toBe(
    'path-a-visual-studio-code-and-the-microsoft-365-agents-toolkit',
  );
  expect(anchorOf('When it posts, exactly once')).toBe('when-it-posts-exactly-once');
});
