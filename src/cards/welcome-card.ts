import template from '../../cards/welcome.json';
import { attachment, expand, type CardAttachment } from './render';

export const WELCOME_SUMMARY =
  'Valued helps you thank colleagues for something specific, right in the chat you are in. ' +
  'Each month your governance lead reads the thank-you slips out and names a star of the month, and you keep every bit of recognition you receive.';

export interface WelcomeCommand {
  title: string;
  description: string;
}

/**
 * What people can type where they are: the caller passes the same list as the Teams command menu
 * (bot/commands.ts) for that place, so the card never leaves out something Valued does there. In
 * a team or group chat people start with @Valued, and their own recognition stays in their personal chat.
 */
export function welcomeCard(commands: readonly WelcomeCommand[], where: 'personal' | 'shared' = 'personal'): CardAttachment {
  const mention = where === 'personal' ? '' : '@Valued ';
  return attachment(
    expand(template, {
      summary: WELCOME_SUMMARY,
      examples: [
        { command: `${mention}thanks @Sam for …`, meaning: 'Send a thank-you slip to Sam' },
        ...commands.map((c) => ({ command: `${mention}${c.title}`, meaning: c.description })),
      ],
      privateNote:
        where === 'personal'
          ? ''
          : 'Your own recognition, profile and data are just for you: type my recognition, profile, export my data or erase my data in your personal chat with Valued.',
    }),
  );
}
