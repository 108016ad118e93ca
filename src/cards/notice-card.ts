import template from '../../cards/notice.json';
import { attachment, expand, type CardAttachment } from './render';

export type NoticeTone = 'good' | 'attention' | 'default';

/** A short heading and sentence: confirmations and refusals shown where the person is. */
export function noticeCard(heading: string, text: string, tone: NoticeTone = 'default'): CardAttachment {
  const color = tone === 'good' ? 'Good' : tone === 'attention' ? 'Attention' : 'Default';
  return attachment(expand(template, { heading, text, color }));
}
