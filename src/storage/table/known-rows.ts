// Rows this process wrote last, with their ETags, so the next ETag-guarded write of the same
// row (a summary, a sending window) needs no read first. Safe with several instances: a row
// another instance changed meanwhile has another ETag, the write is refused (412), and the
// caller reads it afresh and tries again. So a stale entry costs one request, never a wrong sum.
const MAX_KNOWN = 20_000;

export class KnownRows<T> {
  private readonly rows = new Map<string, { doc: T; etag: string }>();

  get(pk: string, rk: string): { doc: T; etag: string } | undefined {
    return this.rows.get(`${pk}\n${rk}`);
  }

  set(pk: string, rk: string, doc: T, etag: string | undefined): void {
    if (!etag) return this.forget(pk, rk);
    // Forgetting everything when full is simple and costs at most one read per row.
    if (this.rows.size >= MAX_KNOWN) this.rows.clear();
    this.rows.set(`${pk}\n${rk}`, { doc, etag });
  }

  forget(pk: string, rk: string): void {
    this.rows.delete(`${pk}\n${rk}`);
  }
}
