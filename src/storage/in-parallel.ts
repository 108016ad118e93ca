// Many independent storage calls, a few at a time. On Azure each call is a round trip, so
// overlapping them matters; but firing hundreds at once opens a connection each (App Service
// gives an instance about 128 outbound ports) and buries storage in a burst it may throttle.

/** How many calls one use case keeps in flight at once. */
export const STORAGE_CALLS_AT_ONCE = 16;

/** `work` over `items`, at most `width` at once; the results in the items' order. */
export async function mapInParallel<T, R>(items: readonly T[], work: (item: T) => Promise<R>, width = STORAGE_CALLS_AT_ONCE): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
  return results;
}
