// Just enough Bicep reading for offline tests. No Bicep compiler can be installed on the machines
// this project builds on (it is not in the npm registry or Debian, and the toolkit downloads it
// from GitHub), so the tests check structure and wiring themselves: balanced brackets, params,
// outputs, resources, module paths and the arguments passed to each module.

export interface BicepParam {
  name: string;
  type: string;
  hasDefault: boolean;
}

/** Removes // and /* *\/ comments, keeping strings (and their line breaks) intact. */
export function stripComments(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === "'") {
      const end = stringEnd(source, i);
      out += source.slice(i, end);
      i = end;
    } else if (source.startsWith('//', i)) {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (source.startsWith('/*', i)) {
      const end = source.indexOf('*/', i + 2);
      const comment = source.slice(i, end < 0 ? source.length : end + 2);
      out += comment.replace(/[^\n]/g, ' ');
      i = end < 0 ? source.length : end + 2;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Index just past the string literal starting at `start` (handles \' escapes and ''' strings). */
function stringEnd(source: string, start: number): number {
  if (source.startsWith("'''", start)) {
    const end = source.indexOf("'''", start + 3);
    return end < 0 ? source.length : end + 3;
  }
  let i = start + 1;
  while (i < source.length && source[i] !== "'") i += source[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** Problems with (), [] and {} nesting, ignoring strings and comments; empty when balanced. */
export function bracketProblems(source: string): string[] {
  const text = stripComments(source);
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const stack: Array<{ ch: string; line: number }> = [];
  const problems: string[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    else if (c === "'") {
      const end = stringEnd(text, i);
      line += (text.slice(i, end).match(/\n/g) ?? []).length;
      i = end - 1;
    } else if ('([{'.includes(c)) stack.push({ ch: c, line });
    else if (c in pairs) {
      const open = stack.pop();
      if (!open || open.ch !== pairs[c]) problems.push(`line ${line}: unexpected '${c}'`);
    }
  }
  for (const open of stack) problems.push(`line ${open.line}: '${open.ch}' never closed`);
  return problems;
}

export function params(source: string): BicepParam[] {
  const text = stripComments(source);
  return [...text.matchAll(/^param\s+(\w+)\s+(\w+)(\s*=\s*\S.*)?$/gm)].map((m) => ({
    name: m[1],
    type: m[2],
    hasDefault: Boolean(m[3]),
  }));
}

export function outputs(source: string): Array<{ name: string; type: string; value: string }> {
  const text = stripComments(source);
  return [...text.matchAll(/^output\s+(\w+)\s+(\w+)\s*=\s*(.+)$/gm)].map((m) => ({ name: m[1], type: m[2], value: m[3].trim() }));
}

export function resources(source: string): Array<{ symbol: string; type: string; apiVersion: string; body: string }> {
  const text = stripComments(source);
  return [...text.matchAll(/^resource\s+(\w+)\s+'([^'@]+)@([^']+)'\s*=\s*\{/gm)].map((m) => ({
    symbol: m[1],
    type: m[2],
    apiVersion: m[3],
    body: block(text, (m.index ?? 0) + m[0].length - 1),
  }));
}

export function modules(source: string): Array<{ symbol: string; path: string; params: string[]; body: string }> {
  const text = stripComments(source);
  return [...text.matchAll(/^module\s+(\w+)\s+'([^']+)'\s*=\s*\{/gm)].map((m) => {
    const body = block(text, (m.index ?? 0) + m[0].length - 1);
    const paramsAt = /\bparams:\s*\{/.exec(body);
    const paramsBody = paramsAt ? block(body, paramsAt.index + paramsAt[0].length - 1) : '{}';
    return { symbol: m[1], path: m[2], params: topLevelKeys(paramsBody), body };
  });
}

/** The balanced {...} or [...] starting at `open`, brackets included. */
export function block(text: string, open: number): string {
  const closer: Record<string, string> = { '{': '}', '[': ']' };
  const want = closer[text[open]];
  if (!want) throw new Error(`No block opens at ${open}: '${text[open]}'`);
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "'") {
      i = stringEnd(text, i) - 1;
      continue;
    }
    if (c === '{' || c === '[' || c === '(') depth++;
    if (c === '}' || c === ']' || c === ')') depth--;
    if (depth === 0) return text.slice(open, i + 1);
  }
  throw new Error(`Block at ${open} never closes`);
}

/** Keys of the object literal `{ a: 1 \n b: { c: 2 } }` → ['a', 'b']. */
export function topLevelKeys(objectBlock: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let lineStart = true;
  for (let i = 0; i < objectBlock.length; i++) {
    const c = objectBlock[i];
    if (c === "'") {
      i = stringEnd(objectBlock, i) - 1;
      lineStart = false;
      continue;
    }
    if (c === '\n') {
      lineStart = true;
      continue;
    }
    if (lineStart && depth === 1 && /\w/.test(c)) {
      const m = /^(\w+)\s*:/.exec(objectBlock.slice(i));
      if (m) keys.push(m[1]);
    }
    if (!/\s/.test(c)) lineStart = false;
    if ('{[('.includes(c)) depth++;
    if ('}])'.includes(c)) depth--;
  }
  return keys;
}

/** `name: 'X'` / `value: ...` pairs of an appSettings array, as written in main.bicep. */
export function appSettings(source: string): Map<string, string> {
  const text = stripComments(source);
  const at = /appSettings:\s*\[/.exec(text);
  if (!at) return new Map();
  const body = block(text, at.index + at[0].length - 1);
  return new Map([...body.matchAll(/name:\s*'([^']+)'\s*\n\s*value:\s*(.+)/g)].map((m) => [m[1], m[2].trim()]));
}

/** Identifiers used anywhere outside their own declaration line (for unused-param checks). */
export function isReferenced(source: string, name: string): boolean {
  const text = stripComments(source);
  const uses = [...text.matchAll(new RegExp(`\\b${name}\\b`, 'g'))].length;
  return uses > 1;
}
