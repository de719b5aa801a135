import { describe, expect, it } from 'vitest';
import { collectGarbage } from '@/lib/runtime/collect-garbage';

describe('collectGarbage', () => {
  it('really collects: an object only weakly held is gone afterwards', async () => {
    let target: object | null = { payload: new Array(10_000).fill('x') };
    const ref = new WeakRef(target);
    target = null;
    // WeakRef targets survive until the end of the current job; collect after it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });
});
