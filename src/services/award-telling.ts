// Who hears about an award, decided here: the team (in its governance channel), each winner
// personally, and every nominee, winner or not, with what colleagues said about them. Personal
// messages respect a person's notification opt-out. How it is said is the bot's (Notices).
import type { Announcement } from './award-service';
import type { AwardNews, Notices } from './notices';
import type { ILogger } from '../logger';

export class AwardTelling {
  constructor(
    private readonly notices: Notices,
    private readonly wantsNotifications: (personId: string) => Promise<boolean>,
    private readonly logger: ILogger,
  ) {}

  async tellEveryone(a: Announcement): Promise<void> {
    const { award, settings, review } = a;
    const news: AwardNews = { award, settings, nominationCount: review.nominees.reduce((s, n) => s + n.nominations.length, 0) };
    const personally = async (personId: string, tell: () => Promise<unknown>) => {
      if (await this.wantsNotifications(personId)) await tell();
    };
    const sends: Array<Promise<unknown>> = [
      this.notices.announceAward(news).then((posted) => {
        if (!posted) this.logger.warn('no channel to announce in', { teamId: settings.teamId });
      }),
      ...award.winners.map((w) => personally(w.id, () => this.notices.tell(w.id, { kind: 'award to winner', award: news }))),
      ...review.nominees.map((n) =>
        personally(n.nominee.id, () =>
          this.notices.tell(n.nominee.id, { kind: 'nominee reasons', award: news, nominations: n.nominations }),
        ),
      ),
    ];
    await Promise.all(sends);
  }
}
