import { criticalPath } from '../bench/critical-path';

const op = { start: 0, end: 100 };

describe('criticalPath (the bench’s round trips before Teams gets its answer)', () => {
  it('counts nothing when no storage request was made', () => {
    expect(criticalPath([], op)).toEqual({ requests: 0, chain: 0, path: [] });
  });

  it('counts requests one after another as a chain', () => {
    const r = criticalPath(
      [
        { start: 1, end: 10 },
        { start: 10, end: 20 },
        { start: 25, end: 30 },
      ],
      op,
    );
    expect(r).toMatchObject({ requests: 3, chain: 3 });
  });

  it('counts requests in flight together once', () => {
    const r = criticalPath(
      [
        { start: 1, end: 10 },
        { start: 2, end: 12 },
        { start: 3, end: 9 },
      ],
      op,
    );
    expect(r).toMatchObject({ requests: 3, chain: 1 });
  });

  it('finds the longest chain through a mix of parallel and sequential requests', () => {
    // a → (b ‖ c) → d, with c waiting on a short e first: a, e, c, d is the longest.
    const a = { start: 0, end: 10 };
    const b = { start: 11, end: 40 };
    const e = { start: 11, end: 15 };
    const c = { start: 16, end: 30 };
    const d = { start: 41, end: 50 };
    const r = criticalPath([d, c, b, a, e], op);
    expect(r.requests).toBe(5);
    expect(r.chain).toBe(4);
    expect(r.path).toEqual([a, e, c, d]);
  });

  it('leaves out requests that began before the activity arrived or ended after the answer went back', () => {
    const r = criticalPath(
      [
        { start: -5, end: 3 },
        { start: 5, end: 10 },
        { start: 90, end: 120 },
        { start: 101, end: 110 },
      ],
      op,
    );
    expect(r).toMatchObject({ requests: 1, chain: 1 });
  });
});
