// How many slips and nominations one person may send in an hour. Counting is by request, so the
// same submit arriving twice (a retry, a double click) counts once.

export const RATE_LIMIT_MESSAGE = 'You’ve sent a lot of thank-yous in the last hour — thank you! Please wait a little before sending more.';

/** The clock hour a send counts in (UTC, so every instance and time zone agrees): "2026-05-14T09". */
export function rateHourOf(now: Date): string {
  return now.toISOString().slice(0, 13);
}

export interface RateWindow {
  hour: string;
  /** Requests already counted in this hour. */
  requestIds: string[];
}

/**
 * The window after this request, or 'refused'. A request already counted is allowed again
 * without counting; a new hour starts a fresh window.
 */
export function countRequest(
  current: RateWindow | undefined,
  hour: string,
  requestId: string,
  limit: number,
): { window: RateWindow; changed: boolean } | 'refused' {
  const window = current && current.hour === hour ? current : { hour, requestIds: [] };
  if (window.requestIds.includes(requestId)) return { window, changed: window !== current };
  if (window.requestIds.length >= limit) return 'refused';
  return { window: { hour, requestIds: [...window.requestIds, requestId] }, changed: true };
}
