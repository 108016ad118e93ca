// The floors Valued is measured against: the same restify + TeamsAdapter (CloudAdapter) + Teams AI
// Application stack, answering the same activities, doing only what cannot be avoided.
//   echo: answers each request (the slip's card posted back, "Add my thanks" answered with a
//         card), no storage, no notifications.
//   io:   echo plus the I/O a slip to 2 people cannot avoid: one slip write, one history write
//         per recipient, one reply, one notification per recipient; and for "Add my thanks" one
//         read and one ETag-guarded write of the slip, and one update of the posted card.
// Usage: node floor-child.js echo|io (env: PORT, STORAGE_CONNECTION_STRING, TABLE_PREFIX)
import { createHash, randomUUID } from 'node:crypto';
import restify from 'restify';
import { Application, TeamsAdapter, type AdaptiveCard } from '@microsoft/teams-ai';
import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import { RestError, TableClient } from '@azure/data-tables';
import { StorageCounter } from './storage-counter';
import { StorageLatency } from './storage-latency';
import { serveControl } from './child-control';

const mode = process.argv[2] === 'io' ? 'io' : 'echo';
const prefix = process.env.TABLE_PREFIX ?? 'floor';
const counter = new StorageCounter(prefix);
const latency = new StorageLatency();

interface Draft {
  draftId: string;
  recipients: string[];
  message: string;
  values: string[];
  teamId: string;
}

function draftOf(preview: Partial<Activity>): Draft {
  const data = (preview.attachments?.[0]?.content as { actions?: Array<{ data?: Record<string, unknown> }> })?.actions?.[0]?.data ?? {};
  const list = (v: unknown) =>
    String(v ?? '')
      .split(',')
      .filter(Boolean);
  return {
    draftId: String(data.draftId ?? randomUUID()),
    recipients: list(data.recipients),
    message: String(data.message ?? ''),
    values: list(data.values),
    teamId: String(data.teamId ?? ''),
  };
}

const month = () => new Date().toISOString().slice(0, 7);
const card = (text: string, data: Record<string, string>): AdaptiveCard =>
  ({
    type: 'AdaptiveCard',
    version: '1.4',
    body: [{ type: 'TextBlock', text, wrap: true }],
    actions: [{ type: 'Action.Execute', title: 'Add my thanks', verb: 'slip.cosign', data }],
  }) as AdaptiveCard;
const attachment = (content: AdaptiveCard) => ({ contentType: 'application/vnd.microsoft.card.adaptive', content });
// A person's personal chat with the bot, as Teams ids it (the bench's Teams stand-in uses this).
const personalChat = (aadObjectId: string) => `a:1${createHash('sha256').update(aadObjectId).digest('hex').slice(0, 24)}`;

async function main(): Promise<void> {
  const adapter = new TeamsAdapter({
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    MicrosoftAppType: 'MultiTenant',
    MicrosoftAppTenantId: '',
  });
  const app = new Application({ adapter, botAppId: '', removeRecipientMention: true, startTypingTimer: false, longRunningMessages: false });
  const pending = new Set<Promise<unknown>>();
  const background = (p: Promise<unknown>) => {
    pending.add(p);
    p.catch((e) => console.error('floor: background send failed', (e as Error).message)).finally(() => pending.delete(p));
  };

  let slips: TableClient | undefined;
  let history: TableClient | undefined;
  if (mode === 'io') {
    const connection = process.env.STORAGE_CONNECTION_STRING ?? '';
    const options = {
      allowInsecureConnection: true,
      additionalPolicies: [counter.policy, latency.policy].map((policy) => ({ policy, position: 'perCall' as const })),
    };
    slips = TableClient.fromConnectionString(connection, `${prefix}slips`, options);
    history = TableClient.fromConnectionString(connection, `${prefix}history`, options);
    await Promise.all([slips.createTable(), history.createTable()]);
  }

  app.message(/.*/s, async (context) => {
    await context.sendActivity(context.activity.text ?? '');
  });

  app.messageExtensions.botMessagePreviewSend(/.*/, async (context: TurnContext, _state, preview) => {
    const draft = draftOf(preview);
    const from = context.activity.from;
    const now = new Date().toISOString();
    const slipId = draft.draftId;
    const box = `${draft.teamId}|${month()}`;
    if (slips && history) {
      const slip = {
        id: slipId,
        teamId: draft.teamId,
        month: month(),
        sender: { id: from.aadObjectId, name: from.name, teamsId: from.id },
        recipients: draft.recipients.map((id) => ({ id, name: '', teamsId: id })),
        message: draft.message,
        values: draft.values,
        visibility: 'team',
        createdAt: now,
        cosigners: [],
        notified: {},
      };
      await slips.createEntity({ partitionKey: box, rowKey: slipId, parts: 1, doc0: JSON.stringify(slip) });
      const entry = JSON.stringify({
        kind: 'slip',
        slipId,
        teamId: draft.teamId,
        month: month(),
        createdAt: now,
        sender: slip.sender,
        message: draft.message,
        values: draft.values,
        visibility: 'team',
      });
      await Promise.all(
        draft.recipients.map((r) =>
          history!.upsertEntity({ partitionKey: `person|${r}`, rowKey: `slip|${now}|${slipId}`, parts: 1, doc0: entry }, 'Replace'),
        ),
      );
    }
    await context.sendActivity({
      attachments: [
        attachment(
          card(`${from.name} thanked ${draft.recipients.length} people: ${draft.message}`, {
            slipId,
            teamId: draft.teamId,
            month: month(),
          }),
        ),
      ],
    });
    if (mode === 'io') {
      const base = { serviceUrl: context.activity.serviceUrl, channelId: 'msteams', bot: context.activity.recipient };
      for (const r of draft.recipients) {
        const ref: Partial<ConversationReference> = {
          ...base,
          conversation: { id: personalChat(r), conversationType: 'personal', isGroup: false, name: '' },
          user: { id: r, name: '' },
        };
        background(
          adapter.continueConversationAsync(
            '',
            ref,
            async (ctx) =>
              void (await ctx.sendActivity({
                attachments: [
                  attachment(card(`${from.name} thanked you: ${draft.message}`, { slipId, teamId: draft.teamId, month: month() })),
                ],
              })),
          ),
        );
      }
    }
  });

  app.adaptiveCards.actionExecute('slip.cosign', async (context, _state, data: Record<string, string>) => {
    const who = context.activity.from.name;
    if (slips) {
      const box = `${data.teamId}|${data.month}`;
      for (let attempt = 0; ; attempt++) {
        const row = await slips.getEntity<{ doc0: string }>(box, data.slipId);
        const slip = JSON.parse(row.doc0) as { cosigners: unknown[] };
        slip.cosigners.push({ id: context.activity.from.aadObjectId, name: who });
        try {
          await slips.updateEntity({ partitionKey: box, rowKey: data.slipId, parts: 1, doc0: JSON.stringify(slip) }, 'Replace', {
            etag: row.etag,
          });
          break;
        } catch (e) {
          if (!(e instanceof RestError && e.statusCode === 412) || attempt > 20) throw e;
        }
      }
      if (context.activity.replyToId)
        await context.updateActivity({
          type: 'message',
          id: context.activity.replyToId,
          attachments: [attachment(card(`${who} added their thanks`, data))],
        });
    }
    return card(`You’ve added your thanks, ${who}.`, data);
  });

  const server = restify.createServer({ name: `floor-${mode}`, handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => app.run(context).then(() => undefined));
  });
  await new Promise<void>((resolve) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', resolve));
  serveControl({ counter, latency }, async () => {
    while (pending.size) await Promise.allSettled([...pending]);
  });
  process.send?.({ ready: `http://127.0.0.1:${server.address().port}` });
}

main().catch((e) => {
  console.error(`bench: the ${mode} floor did not start:`, (e as Error).message);
  process.exit(1);
});
