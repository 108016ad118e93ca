// Many people may press a button on one card at once. Each press re-renders the card from
// storage, and updates of one card never overlap: while one is in flight, later presses just
// mark it stale and the card is sent once more from the freshest state. So the last version
// the conversation receives always reflects every press this instance saw.
import type { Activity, ConversationReference } from 'botbuilder';
import type { TeamsSender } from './teams-sender';

interface Run {
  stale: boolean;
  done: Promise<void>;
}

export class CardUpdater {
  private readonly running = new Map<string, Run>();

  constructor(private readonly sender: TeamsSender) {}

  update(
    key: string,
    ref: Partial<ConversationReference>,
    activityId: string,
    render: () => Promise<Partial<Activity> | undefined>,
  ): Promise<void> {
    const current = this.running.get(key);
    if (current) {
      current.stale = true;
      return current.done;
    }
    const run: Run = { stale: false, done: Promise.resolve() };
    run.done = (async () => {
      try {
        do {
          run.stale = false;
          const activity = await render();
          if (activity) await this.sender.update(ref, activityId, activity);
        } while (run.stale);
      } finally {
        this.running.delete(key);
      }
    })();
    this.running.set(key, run);
    return run.done;
  }
}
