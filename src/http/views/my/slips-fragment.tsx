// One page of the tab's list of thank-yous, with Newer and Older buttons, or a kind word when
// there is nothing to show.
import type { Framework } from '../../../domain/framework';
import type { SlipHistoryEntry } from '../../../domain/history';
import type { SlipReflection } from '../../../domain/reflection';
import { renderFragment } from '../render';
import { SlipItem } from './slip-item';
import { NoteSummary, ReflectForm, domainNames } from './slip-note';

export interface SlipsView {
  slips: SlipHistoryEntry[];
  /** Continuation token of the next (older) page, if there is one. */
  olderToken?: string;
  hasNewer: boolean;
  filter: { value?: string; year?: number };
  timeZone: string;
  /** The person's notes, by slip id, and the framework to tag with: each slip gets its form. */
  notes?: { framework: Framework; bySlip: Map<string, SlipReflection> };
}

function Pager({ hasNewer, olderToken }: { hasNewer: boolean; olderToken?: string }) {
  if (!hasNewer && !olderToken) return null;
  return (
    <nav class="pager" aria-label="More thank-yous">
      {hasNewer ? (
        <button type="button" class="secondary" data-newer="1">
          ← Newer
        </button>
      ) : (
        <span></span>
      )}
      {olderToken ? (
        <button type="button" class="secondary" data-older={olderToken}>
          Older →
        </button>
      ) : null}
    </nav>
  );
}

export function slipsFragment(v: SlipsView): string {
  const filtered = !!(v.filter.value || v.filter.year);
  const label = filtered ? ` (${[v.filter.value, v.filter.year].filter(Boolean).join(', ')})` : '';
  if (!v.slips.length && !v.hasNewer) {
    return renderFragment(
      <p class="empty">
        {filtered
          ? `Nothing matches that yet${label}.`
          : 'Nothing yet. When a colleague thanks you, it will appear here, and it stays yours to keep.'}
      </p>,
    );
  }
  return renderFragment(
    <>
      <ol class="slips" aria-label={`Thank-yous${label}`}>
        {v.slips.map((e, i) => {
          const note = v.notes?.bySlip.get(e.slipId);
          return (
            <SlipItem slip={e} timeZone={v.timeZone}>
              {v.notes ? (
                <>
                  <NoteSummary shows={domainNames(note, v.notes.framework)} reflection={note?.reflection ?? ''} />
                  <ReflectForm id={`reflect-${i}`} slipId={e.slipId} createdAt={e.createdAt} note={note} framework={v.notes.framework} />
                </>
              ) : null}
            </SlipItem>
          );
        })}
      </ol>
      <Pager hasNewer={v.hasNewer} olderToken={v.olderToken} />
    </>,
  );
}
