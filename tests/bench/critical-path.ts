// "Round trips on the critical path": how many storage requests a person waits for one after
// another before Teams gets its answer. On loopback Azurite a request costs CPU; on Azure each
// one is a network round trip, so a chain of sequential requests adds up in every wait.
//
// Method. Each storage request is an interval [start, end], recorded by a pipeline policy in
// the bot's process; the operation is the interval from the inbound activity arriving to the
// HTTP response being handed back (the same process's clock). Only requests wholly inside the
// operation count: one that ends after the response was not waited for (background work), and
// one that began before the activity arrived belongs to something else. Two requests in
// flight at the same moment are parallel; one that starts at or after another ends could have
// waited for it. The figure is the longest chain of requests each starting after the previous
// one ended: sort by end, and for each request the chain ending at it is one more than the
// longest chain ending at or before its start (longest path in an interval order, O(n²), n is
// tens). It is an upper bound on true dependencies: two independent requests made one after
// the other still count as two, which is what the person waits for.

export interface Interval {
  start: number;
  end: number;
}

export interface CriticalPath {
  /** Requests wholly inside the operation. */
  requests: number;
  /** The longest chain of non-overlapping requests among them. */
  chain: number;
  /** The chain's requests, first to last. */
  path: Interval[];
}

export function criticalPath(requests: Interval[], operation: Interval): CriticalPath {
  const inside = requests
    .filter((r) => r.start >= operation.start && r.end <= operation.end && r.end >= r.start)
    .sort((a, b) => a.end - b.end || a.start - b.start);
  const length: number[] = [];
  const previous: number[] = [];
  let best = -1;
  inside.forEach((r, i) => {
    length[i] = 1;
    previous[i] = -1;
    for (let j = 0; j < i; j++) {
      if (inside[j].end <= r.start && length[j] + 1 > length[i]) {
        length[i] = length[j] + 1;
        previous[i] = j;
      }
    }
    if (best < 0 || length[i] > length[best]) best = i;
  });
  const path: Interval[] = [];
  for (let i = best; i >= 0; i = previous[i]) path.unshift(inside[i]);
  return { requests: inside.length, chain: path.length, path };
}
