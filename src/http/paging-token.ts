// Paging tokens make a round trip through the browser, so one may come back mangled. The table
// SDK reads a token as base64 JSON naming the next row, and throws on anything else, which was
// a 500; checking the shape first lets us answer 400 with a kind word instead.

export function isPagingToken(token: string): boolean {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(token)) return false;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64').toString('latin1')) as Record<string, unknown> | null;
    return (
      typeof parsed === 'object' &&
      parsed !== null &&
      typeof parsed.nextPartitionKey === 'string' &&
      (parsed.nextRowKey === undefined || typeof parsed.nextRowKey === 'string')
    );
  } catch {
    return false;
  }
}

/** Storage refusing the token itself (a 400 from the table service) rather than failing. */
export function isTokenRefusedByStorage(e: unknown): boolean {
  return (e as { statusCode?: unknown } | undefined)?.statusCode === 400;
}

export const BAD_TOKEN_MESSAGE =
  'That page of thank-yous wasn’t recognised, perhaps because it is from an earlier visit. Please choose Show to start again from your newest.';
