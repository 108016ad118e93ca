// A small per-process cache of reads that change rarely, each kept for a short time. Writes
// made through this process replace or drop their entry at once; a change made on another
// instance is seen here once the entry expires (at most `ttlMs` later).
const MAX_ENTRIES = 10_000;

export class TtlCache<T> {
  private readonly entries = new Map<string, { value: Promise<T>; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached value, else `read()` (shared by concurrent callers; a failed read is not kept). */
  get(key: string, read: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.until > this.now()) return hit.value;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    const value = read();
    this.entries.set(key, { value, until: this.now() + this.ttlMs });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  set(key: string, value: T): void {
    this.entries.set(key, { value: Promise.resolve(value), until: this.now() + this.ttlMs });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
