import { describe, expect, it } from 'vitest';
import { enqueueRender, pendingRenders } from '@/lib/pdf/render-queue';
import { pdfText } from '@/lib/pdf/pdf-text';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('render queue', () => {
  it('runs one render at a time, in the order asked, and keeps going after a failure', async () => {
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const job = (n: number, fail = false) => async () => {
      running += 1;
      most = Math.max(most, running);
      await tick(5);
      order.push(n);
      running -= 1;
      if (fail) throw new Error(`render ${n} failed`);
      return n;
    };
    const results = Promise.allSettled([enqueueRender(job(1)), enqueueRender(job(2, true)), enqueueRender(job(3)), enqueueRender(job(4))]);
    expect(pendingRenders()).toBe(4);
    const settled = await results;
    expect(most).toBe(1);
    expect(order).toEqual([1, 2, 3, 4]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(pendingRenders()).toBe(0);
  });
});

describe('text drawn in the pack', () => {
  it('replaces the narrow no-break space Inter lacks with a no-break space, and symbols it lacks', () => {
    expect(pdfText('270\u202F000\u00A0€ · 80\u202F%')).toBe('270\u00A0000\u00A0€ · 80\u00A0%');
    expect(pdfText('n ≥ 1 → ok')).toBe('n >= 1 -> ok');
  });
});
