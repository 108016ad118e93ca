// Points out wording that diminishes colleagues, with a kinder alternative. It only finds;
// the sender decides. Nothing is ever rewritten silently.

export interface NudgePhrase {
  phrase: string;
  suggestion: string;
  unlessFollowedBy?: string[];
}

export interface Nudge {
  /** The words as the sender typed them. */
  found: string;
  phrase: string;
  suggestion: string;
}

interface Token {
  word: string;
  start: number;
  end: number;
}

// Letters (any script) and apostrophes make words; everything else, hyphens included,
// separates them, so "non-qualified", "non qualified" and "non - qualified" all read alike.
function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}'’]+/gu)) {
    tokens.push({ word: m[0].toLowerCase().replace(/’/g, "'"), start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return tokens;
}

export function findNudges(text: string, phrases: readonly NudgePhrase[]): Nudge[] {
  const tokens = tokenise(text);
  const nudges: Nudge[] = [];
  for (const p of phrases) {
    const words = tokenise(p.phrase).map((t) => t.word);
    for (let i = 0; i + words.length <= tokens.length; i++) {
      if (!words.every((w, j) => tokens[i + j].word === w)) continue;
      const next = tokens[i + words.length]?.word;
      if (next && p.unlessFollowedBy?.includes(next)) continue;
      const found = text.slice(tokens[i].start, tokens[i + words.length - 1].end);
      if (!nudges.some((n) => n.phrase === p.phrase && n.found === found)) {
        nudges.push({ found, phrase: p.phrase, suggestion: p.suggestion });
      }
    }
  }
  return nudges;
}
