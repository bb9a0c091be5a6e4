import { describe, expect, it } from 'vitest';
import { median } from './median.js';

describe('median', () => {
  it('takes the middle value, or the mean of the middle two, whatever the order given', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([59.9, 61.5, 60.1, 58.0])).toBeCloseTo(60.0);
    expect(median([4])).toBe(4);
  });
});
