import { describe, expect, it } from 'vitest';
import { Lru } from './lru';

describe('Lru', () => {
  it('evicts the least recently used entry, counting reads as uses', () => {
    const lru = new Lru<number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1);
    lru.set('c', 3);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe(1);
    expect(lru.get('c')).toBe(3);
    expect(lru.size).toBe(2);
  });

  it('replaces a value under the same key without growing', () => {
    const lru = new Lru<string>(2);
    lru.set('a', 'x');
    lru.set('a', 'y');
    expect(lru.get('a')).toBe('y');
    expect(lru.size).toBe(1);
    lru.delete('a');
    expect(lru.get('a')).toBeUndefined();
  });
});
