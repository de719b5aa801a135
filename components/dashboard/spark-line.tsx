'use client';

import { SparkLineChart } from './lazy-tremor';

/** A tiny trend line; the figures it draws are listed beside it for screen readers. */
export function SparkLine({ data, color }: { data: { month: string; value: number | null }[]; color: string }) {
  return (
    <div aria-hidden className="h-10 w-28">
      <SparkLineChart className="h-full w-full" data={data} index="month" categories={['value']} colors={[color]} connectNulls />
    </div>
  );
}
