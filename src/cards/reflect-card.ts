// The small card where a person tags one thank-you they received with framework domains and
// writes a short reflection. Only they ever see it.
import template from '../../cards/reflect.json';
import type { Framework } from '../domain/framework';
import type { SlipHistoryEntry } from '../domain/history';
import type { SlipReflection } from '../domain/reflection';
import { attachment, expand, type CardAttachment } from './render';
import { formatWhen, safeName, userText } from './safe-text';

export interface ReflectView {
  slip: SlipHistoryEntry;
  note?: Pick<SlipReflection, 'domains' | 'reflection'>;
  framework: Framework;
  timeZone: string;
  /** A line at the top: "Saved", or what to put right. */
  message?: string;
  ok?: boolean;
}

export function reflectCard(v: ReflectView): CardAttachment {
  const f = v.framework;
  return attachment(
    expand(template, {
      note: v.message ?? '',
      noteColor: v.ok === false ? 'Attention' : 'Good',
      from: `From ${safeName(v.slip.sender.name)} · ${formatWhen(v.slip.createdAt, v.timeZone)}`,
      message: userText(v.slip.message),
      valuesText: v.slip.values.join(' · '),
      domainsLabel: `Which parts of the ${f.shortTitle} does this show? Choose any that fit, or none.`,
      domainChoices: f.domains.map((d) => ({ title: `${d.number}. ${d.name}`, value: d.id })),
      chosen: (v.note?.domains ?? []).join(','),
      reflection: v.note?.reflection ?? '',
      sourceLine: `Domains from the ${f.title} (${f.publisher}, ${f.year}).`,
      saveData: { slipId: v.slip.slipId, createdAt: v.slip.createdAt },
    }),
  );
}
