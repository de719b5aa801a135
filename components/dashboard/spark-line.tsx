'use client';

import { SparkLineChart } from '@tremor/react';

/** A tiny trend line; the figures it draws are listed beside it for screen readers. */
export function SparkLine({ data, color }: { data: { month: string; value: number | null }[]; color: string }) {
  return <SparkLineChart aria-hidden className="h-10 w-28" data={data} index="month" categories={['value']} colors={[color]} connectNulls />;
}
