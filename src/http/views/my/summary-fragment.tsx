// The tab's summary, loaded by its script: a greeting, then one section after another.
import type { RecognitionSummary } from '../../../services/my-recognition-service';
import { renderFragment } from '../render';
import { AwardsSection, KeepSection, MonthsSection, SlipsSection, TotalsSection, ValuesSection } from './summary-sections';

export interface SummaryView {
  name: string;
  summary: RecognitionSummary;
  timeZone: string;
}

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? '';

export function summaryFragment(v: SummaryView): string {
  const s = v.summary;
  const hello = v.name ? `Hello ${firstName(v.name)}. ` : '';
  return renderFragment(
    <>
      <p class="lead">{`${hello}Here is every thank-you colleagues have sent you. It is yours to keep.`}</p>
      <TotalsSection s={s} />
      <KeepSection />
      <MonthsSection s={s} />
      <ValuesSection s={s} />
      <AwardsSection s={s} timeZone={v.timeZone} />
      <SlipsSection s={s} />
    </>,
  );
}
