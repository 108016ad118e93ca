// Months in words wherever people read them: "December 2026", never "2026-12".
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-12" → "December 2026"; anything that is not a YYYY-MM month is returned as it came. */
export function monthInWords(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const name = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && name ? `${name} ${m[1]}` : month;
}

/** "2026-12" → "December" (for "December's star of the month" within the year). */
export function monthNameOnly(month: string): string {
  const m = /^\d{4}-(\d{2})$/.exec(month);
  return (m && MONTHS[Number(m[1]) - 1]) || month;
}
