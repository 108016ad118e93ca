import template from '../../cards/welcome.json';
import { attachment, expand, type CardAttachment } from './render';

export const WELCOME_SUMMARY =
  'Valued helps you thank colleagues for something specific, right in the chat you are in. ' +
  'Each month your governance lead reads the thank-you slips out and names a star of the month, and you keep every bit of recognition you receive.';

export function welcomeCard(): CardAttachment {
  return attachment(
    expand(template, {
      summary: WELCOME_SUMMARY,
      examples: [
        { command: 'thanks @Sam for …', meaning: 'Send a thank-you slip to Sam' },
        { command: 'thanks', meaning: 'Open the thank-you form' },
        { command: 'my recognition', meaning: 'See and keep every thank-you you have received' },
        { command: 'profile', meaning: 'Your preferred job title and choices' },
        { command: 'help', meaning: 'Show this card again' },
      ],
    }),
  );
}
