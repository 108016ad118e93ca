// One page of the tab's list of thank-yous, with Newer and Older buttons, or a kind word when
// there is nothing to show.
import type { SlipHistoryEntry } from '../../../domain/history';
import { renderFragment } from '../render';
import { SlipItem } from './slip-item';

export interface SlipsView {
  slips: SlipHistoryEntry[];
  /** Continuation token of the next (older) page, if there is one. */
  olderToken?: string;
  hasNewer: boolean;
  filter: { value?: string; year?: number };
  timeZone: string;
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
        {v.slips.map((e) => (
          <SlipItem slip={e} timeZone={v.timeZone} />
        ))}
      </ol>
      <Pager hasNewer={v.hasNewer} olderToken={v.olderToken} />
    </>,
  );
}
