// The catch-all, registered last: anything we don't understand gets a gentle pointer to help.
import type { Application } from '@microsoft/teams-ai';

export const FALLBACK_TEXT =
  "Sorry, I didn't quite catch that. Type **help** to see what I can do, or **thanks @name for …** to thank a colleague.";

export function register(app: Application): void {
  app.activity('message', async (context) => {
    await context.sendActivity(FALLBACK_TEXT);
  });
}
