'use client';

import dynamic from 'next/dynamic';

/**
 * Tremor's charts (recharts underneath, ~115 KB gzip) load after the page is interactive, in
 * their own chunk: the figures, tables and explanations never wait for them. Until then each
 * chart's box keeps its size; its figures are in the data table beside it.
 */
export const LineChart = dynamic(() => import('@tremor/react').then((m) => m.LineChart), { ssr: false });
export const SparkLineChart = dynamic(() => import('@tremor/react').then((m) => m.SparkLineChart), { ssr: false });
