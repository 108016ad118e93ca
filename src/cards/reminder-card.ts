import template from '../../cards/reminder.json';
import { attachment, expand, type CardAttachment } from './render';

export interface ReminderCardView {
  heading: string;
  text: string;
  facts?: Array<{ title: string; value: string }>;
  footer?: string;
  /** Universal Actions buttons (answered in place). */
  executes?: Array<{ title: string; verb: string; data: Record<string, unknown> }>;
  /** Submit buttons (a form in a dialog, or a message to the bot). */
  submits?: Array<{ title: string; data: Record<string, unknown> }>;
}

/** A short, kind reminder or result with its button: warm, never nagging. */
export function reminderCard(v: ReminderCardView): CardAttachment {
  return attachment(expand(template, { facts: [], footer: '', executes: [], submits: [], ...v }));
}
