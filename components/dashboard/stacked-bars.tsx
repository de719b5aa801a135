'use client';

import { formatValue, type FormatContext } from './format-value';

export type StackedBarMonth = { key: string; label: string; axis: string; stack: number[]; against: number };
type Series = { label: string; fill: string; swatch: string };

const HEIGHT = 250;
const TOP = 10;
const BOTTOM = 28;
const LEFT = 64;

/**
 * Stacked gains beside the cost, month by month, drawn as plain SVG: Tremor's bar chart stacks
 * every category or none, and this comparison needs both at once. Negative gains (churn above the
 * baseline) go below the axis. A client component only so that the page carries the figures once
 * (as props) rather than every SVG element twice; it is still rendered on the server.
 */
export function StackedBars({ months, series, against, ctx, label }: { months: StackedBarMonth[]; series: Series[]; against: Series; ctx: FormatContext; label: string }) {
  const highs = months.map((m) => Math.max(m.against, m.stack.filter((v) => v > 0).reduce((a, b) => a + b, 0)));
  const lows = months.map((m) => m.stack.filter((v) => v < 0).reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...highs);
  const min = Math.min(0, ...lows);
  const plot = HEIGHT - TOP - BOTTOM;
  const y = (value: number) => TOP + ((max - value) / (max - min)) * plot;
  // Few months get wider slots, so the chart keeps one scale (and one text size) whatever the period.
  const slot = Math.max(46, 640 / Math.max(months.length, 1));
  const width = LEFT + months.length * slot + 8;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => min + (max - min) * f);
  return (
    <figure>
      <div className="overflow-x-auto">
        <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${HEIGHT}`} className="h-auto w-full min-w-[36rem]">
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={LEFT} x2={width} y1={y(tick)} y2={y(tick)} className="stroke-slate-200" strokeWidth={1} />
              <text x={LEFT - 6} y={y(tick) + 4} textAnchor="end" className="fill-slate-500 text-[11px]">{formatValue(tick, 'money', ctx, 'compact')}</text>
            </g>
          ))}
          {months.map((month, i) => {
            const x = LEFT + i * slot + slot * 0.16;
            let up = 0;
            let down = 0;
            return (
              <g key={month.key}>
                {month.stack.map((value, s) => {
                  const from = value >= 0 ? up : down;
                  const to = from + value;
                  if (value >= 0) up = to;
                  else down = to;
                  const top = y(Math.max(from, to));
                  return (
                    <rect key={s} x={x} width={slot * 0.38} y={top} height={Math.max(0, y(Math.min(from, to)) - top)} className={series[s]?.fill}>
                      <title>{`${month.label} · ${series[s]?.label}: ${formatValue(value, 'money', ctx)}`}</title>
                    </rect>
                  );
                })}
                <rect x={x + slot * 0.42} width={slot * 0.3} y={y(month.against)} height={Math.max(0, y(0) - y(month.against))} className={against.fill}>
                  <title>{`${month.label} · ${against.label}: ${formatValue(month.against, 'money', ctx)}`}</title>
                </rect>
                <text x={x + slot * 0.36} y={HEIGHT - 10} textAnchor="middle" className="fill-slate-500 text-[11px]">{month.axis}</text>
              </g>
            );
          })}
          <line x1={LEFT} x2={width} y1={y(0)} y2={y(0)} className="stroke-slate-400" strokeWidth={1} />
        </svg>
      </div>
      <figcaption className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
        {[...series, against].map((s) => (
          <span key={s.label} className="inline-flex items-center gap-1.5"><span aria-hidden className={`h-2.5 w-2.5 rounded-sm ${s.swatch}`} />{s.label}</span>
        ))}
      </figcaption>
    </figure>
  );
}
