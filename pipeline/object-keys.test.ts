import { describe, expect, it } from 'vitest';
import { objectKeys } from './object-keys.js';

describe('object keys', () => {
  it('lists a page OCR key under its folder and reads its page back', () => {
    const sha = 'a'.repeat(64);
    const key = objectKeys.pageOcr(sha, 12);
    expect(key.startsWith(objectKeys.pageOcrFolder(sha))).toBe(true);
    expect(objectKeys.pageOfOcrKey(key)).toBe(12);
    expect(objectKeys.pageOfOcrKey(objectKeys.pageImage(sha, 12))).toBeNull();
  });
});
