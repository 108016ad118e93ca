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

/** Words typed to the bot. The first word(s) of a message select the handler. */
export const BOT_COMMANDS: readonly BotCommand[] = [
  { title: 'help', description: 'What Valued does and how to use it', scopes: ['personal', 'team', 'groupChat'] },
  { title: 'thanks', description: 'Thank colleagues, e.g. thanks @Sam for covering my clinic', scopes: ['personal', 'team', 'groupChat'] },
  { title: 'nominate', description: 'Nominate a colleague for star of the month', scopes: ['personal', 'team', 'groupChat'] },
  { title: 'nominations', description: 'Leads: review this month’s nominations and announce the star', scopes: ['personal'] },
  { title: 'settings', description: 'Leads: your team’s Valued settings', scopes: ['personal', 'team'] },
  { title: 'digest', description: 'Leads: the monthly digest to read out at the governance meeting', scopes: ['personal'] },
];
