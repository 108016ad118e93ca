// The one list of what people can invoke. Handlers register from it and the Teams manifest
// is checked against it, so the two cannot drift apart.

export interface MessageExtensionCommand {
  id: string;
  title: string;
  description: string;
  /** Where Teams offers it: the compose box, the command box, or "..." on a message. */
  contexts: Array<'compose' | 'commandBox' | 'message'>;
}

export const MESSAGE_EXTENSION_COMMANDS = {
  sendThanks: {
    id: 'sendThanks',
    title: 'Send thanks',
    description: 'Thank one or more colleagues for something specific',
    contexts: ['compose', 'commandBox'],
  },
  thankForThis: {
    id: 'thankForThis',
    title: 'Thank for this',
    description: 'Thank the person who wrote this message',
    contexts: ['message'],
  },
  nominate: {
    id: 'nominate',
    title: 'Nominate',
    description: 'Nominate a colleague for star of the month',
    contexts: ['compose', 'message'],
  },
} as const satisfies Record<string, MessageExtensionCommand>;

export interface BotCommand {
  title: string;
  description: string;
  scopes: Array<'personal' | 'team' | 'groupChat'>;
}

/** Teams shows at most this many commands in one scope's menu. */
export const MAX_COMMANDS_PER_SCOPE = 10;

export type CommandScope = BotCommand['scopes'][number];

/** Words typed to the bot. The first word(s) of a message select the handler. */
export const BOT_COMMANDS: readonly BotCommand[] = [
  { title: 'help', description: 'What Valued does and how to use it', scopes: ['personal', 'team', 'groupChat'] },
  { title: 'thanks', description: 'Thank colleagues, e.g. thanks @Sam for covering my clinic', scopes: ['personal', 'team', 'groupChat'] },
  { title: 'nominate', description: 'Nominate a colleague for star of the month', scopes: ['personal', 'team', 'groupChat'] },
  // Your own recognition and data: only ever shown in your personal chat with Valued.
  { title: 'my recognition', description: 'Every thank-you you have received, to keep, tag and reflect on', scopes: ['personal'] },
  { title: 'profile', description: 'Your preferred job title, staff group and choices', scopes: ['personal'] },
  { title: 'export my data', description: 'Download everything Valued stores about you', scopes: ['personal'] },
  { title: 'erase my data', description: 'Erase your data from Valued (you are asked to confirm first)', scopes: ['personal'] },
  { title: 'nominations', description: 'Leads: review this month’s nominations and announce the star', scopes: ['personal'] },
  { title: 'settings', description: 'Leads: your team’s Valued settings', scopes: ['personal', 'team'] },
  { title: 'digest', description: 'Leads: the monthly digest to read out at the governance meeting', scopes: ['personal'] },
];

/** The commands offered in one scope, in the order above. */
export const commandsFor = (scope: CommandScope): BotCommand[] => BOT_COMMANDS.filter((c) => c.scopes.includes(scope));
