// Counts that read as people speak: "both nominees", "all 3 nominees", "one nominee".
const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** "one nominee", "two nominees", "12 nominees". */
export function countOf(n: number, one: string, many: string): string {
  return `${n >= 0 && n < WORDS.length ? WORDS[n] : String(n)} ${n === 1 ? one : many}`;
}

/** The whole of a group: "the nominee" (1), "both nominees" (2), "all three nominees" (3+). */
export function allOf(n: number, one: string, many: string): string {
  if (n === 1) return `the ${one}`;
  if (n === 2) return `both ${many}`;
  return `all ${countOf(n, one, many)}`;
}

/** "A", "A and B", "A, B and C". */
export function listOf(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
