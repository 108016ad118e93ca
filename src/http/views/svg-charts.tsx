// Charts as inline SVG from small pure components: no chart library, nothing fetched, nothing
// run in the browser, so they work offline and under a strict Content-Security-Policy. Each
// chart is an image with a text alternative; the pages also offer the numbers as a table.
import type { ComponentChildren } from 'preact';
import { monthLabel, shortMonth } from './format';

export interface MonthCount {
  month: string;
  count: number;
}

export interface YearValues {
  year: number;
  values: Record<string, number>;
}

export interface ValueCount {
  value: string;
  count: number;
}

// Dark enough for 3:1 against white (WCAG non-text contrast) and told apart without colour by
// their order, the legend and the table.
export const SERIES_COLOURS = ['#0f6e67', '#8a3b8f', '#b34700', '#1f5fa8', '#5b6b00', '#a3123a', '#4b4b4b', '#6a4c93'];

const INK = '#1b1b1b';
const MUTED = '#3d4a48';

/** A round axis maximum: 1, 2, 5, 10, 20, 50 … at or above the largest value. */
export function niceMax(max: number): number {
  if (max <= 1) return 1;
  const step = 10 ** Math.floor(Math.log10(max));
  for (const f of [1, 2, 5, 10]) if (f * step >= max) return f * step;
  return 10 * step;
}

/** The frame of every chart: an image named by its title and described by its text alternative. */
function Chart(props: { id: string; width: number; height: number; title: string; desc: string; children: ComponentChildren }) {
  const { id } = props;
  return (
    <svg
      class="chart"
      id={id}
      viewBox={`0 0 ${props.width} ${props.height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{props.title}</title>
      <desc id={`${id}-desc`}>{props.desc}</desc>
      {props.children}
    </svg>
  );
}

/** Slips per month (oldest first): a bar chart with the count above each bar. */
export function MonthlyBarChart({
  points,
  id = 'months-chart',
  title = 'Thank-yous received each month',
}: {
  points: MonthCount[];
  id?: string;
  title?: string;
}) {
  const [w, h, left, bottom, top] = [640, 220, 36, 36, 20];
  const plotH = h - top - bottom;
  const max = niceMax(Math.max(0, ...points.map((p) => p.count)));
  const slot = (w - left - 8) / Math.max(points.length, 1);
  const barW = Math.min(36, slot * 0.62);
  const total = points.reduce((n, p) => n + p.count, 0);
  const range = points.length ? `${monthLabel(points[0].month)} to ${monthLabel(points[points.length - 1].month)}` : '';
  const busiest = points.reduce<MonthCount | undefined>((b, p) => (p.count > (b?.count ?? 0) ? p : b), undefined);
  const desc = `${total} thank-you${total === 1 ? '' : 's'} from ${range}.${busiest ? ` Most in ${monthLabel(busiest.month)} (${busiest.count}).` : ''}`;
  return (
    <Chart id={id} width={w} height={h} title={title} desc={desc}>
      {[0, max / 2, max].map((v) => {
        const y = top + plotH - (v / max) * plotH;
        return (
          <>
            <line x1={left} x2={w - 4} y1={y} y2={y} stroke="#d0d7d6" stroke-width="1" />
            <text x={left - 6} y={y + 4} text-anchor="end" font-size="12" fill={MUTED}>
              {Number.isInteger(v) ? v : ''}
            </text>
          </>
        );
      })}
      {points.map((p, i) => {
        const x = left + i * slot + (slot - barW) / 2;
        const bh = (p.count / max) * plotH;
        const y = top + plotH - bh;
        const mid = (x + barW / 2).toFixed(1);
        return (
          <g>
            <title>{`${monthLabel(p.month)}: ${p.count}`}</title>
            <rect x={x.toFixed(1)} y={y.toFixed(1)} width={barW.toFixed(1)} height={bh.toFixed(1)} rx="3" fill={SERIES_COLOURS[0]} />
            {p.count ? (
              <text x={mid} y={(y - 5).toFixed(1)} text-anchor="middle" font-size="12" font-weight="600" fill={INK}>
                {p.count}
              </text>
            ) : null}
            <text x={mid} y={h - bottom + 16} text-anchor="middle" font-size="12" fill={INK}>
              {shortMonth(p.month)}
            </text>
            {p.month.endsWith('-01') || i === 0 ? (
              <text x={mid} y={h - 6} text-anchor="middle" font-size="11" fill={MUTED}>
                {p.month.slice(0, 4)}
              </text>
            ) : null}
          </g>
        );
      })}
    </Chart>
  );
}

const sum = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b, 0);

/** Values received per year: one horizontal stacked bar per year, with a legend. */
export function ValuesOverTimeChart({
  years,
  valueOrder,
  id = 'values-chart',
}: {
  years: YearValues[];
  valueOrder: string[];
  id?: string;
}) {
  const [w, rowH, left, top] = [640, 34, 56, 8];
  const chartH = top + years.length * rowH;
  const h = chartH + 12 + Math.ceil(valueOrder.length / 2) * 24;
  const max = Math.max(1, ...years.map((y) => sum(y.values)));
  const plotW = w - left - 50;
  const colour = (v: string) => SERIES_COLOURS[Math.max(0, valueOrder.indexOf(v)) % SERIES_COLOURS.length];
  const desc = years
    .map(
      (y) =>
        `${y.year}: ${
          valueOrder
            .filter((v) => y.values[v])
            .map((v) => `${v} ${y.values[v]}`)
            .join(', ') || 'none'
        }`,
    )
    .join('. ');
  return (
    <Chart id={id} width={w} height={h} title="Values you were thanked for, by year" desc={`${desc}.`}>
      {years.map((y, r) => {
        let x = left;
        const yPos = top + r * rowH;
        const textY = yPos + (rowH - 10) / 2 + 5;
        const segments = valueOrder
          .filter((v) => y.values[v])
          .map((v) => {
            const sw = (y.values[v] / max) * plotW;
            const at = x;
            x += sw;
            return (
              <rect x={at.toFixed(1)} y={yPos} width={sw.toFixed(1)} height={rowH - 10} fill={colour(v)} stroke="#fff" stroke-width="1">
                <title>{`${y.year}, ${v}: ${y.values[v]}`}</title>
              </rect>
            );
          });
        return (
          <g>
            <text x={left - 8} y={textY} text-anchor="end" font-size="13" fill={INK}>
              {y.year}
            </text>
            {segments}
            <text x={(x + 6).toFixed(1)} y={textY} font-size="12" fill={MUTED}>
              {sum(y.values)}
            </text>
          </g>
        );
      })}
      {valueOrder.map((v, i) => {
        const lx = 8 + (i % 2) * (w / 2);
        const ly = chartH + 12 + Math.floor(i / 2) * 24;
        return (
          <g>
            <rect x={lx} y={ly} width="14" height="14" rx="2" fill={colour(v)} />
            <text x={lx + 20} y={ly + 12} font-size="13" fill={INK}>
              {v}
            </text>
          </g>
        );
      })}
    </Chart>
  );
}

/** How often each value was chosen (most first): one labelled horizontal bar per value. */
export function ValueBarsChart({
  values,
  id = 'value-bars-chart',
  title = 'Values chosen',
}: {
  values: ValueCount[];
  id?: string;
  title?: string;
}) {
  const [w, rowH, left, top] = [640, 30, 232, 6];
  const h = top * 2 + Math.max(values.length, 1) * rowH;
  const plotW = w - left - 44;
  const max = Math.max(1, ...values.map((v) => v.count));
  // Long value names are cut to fit beside the bars; the full name is in each bar's title and the table.
  const label = (v: string) => (v.length > 34 ? `${v.slice(0, 33)}…` : v);
  const desc = values.length ? values.map((v) => `${v.value}: ${v.count}`).join('. ') : 'No values were chosen';
  return (
    <Chart id={id} width={w} height={h} title={title} desc={`${desc}.`}>
      {values.map((v, i) => {
        const y = top + i * rowH;
        const bw = (v.count / max) * plotW;
        return (
          <g>
            <title>{`${v.value}: ${v.count}`}</title>
            <text x={left - 8} y={y + 18} text-anchor="end" font-size="13" fill={INK}>
              {label(v.value)}
            </text>
            <rect x={left} y={y + 4} width={bw.toFixed(1)} height={rowH - 10} rx="3" fill={SERIES_COLOURS[i % SERIES_COLOURS.length]} />
            <text x={(left + bw + 6).toFixed(1)} y={y + 18} font-size="13" font-weight="600" fill={INK}>
              {v.count}
            </text>
          </g>
        );
      })}
    </Chart>
  );
}
