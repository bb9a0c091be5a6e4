import { describe, expect, it } from 'vitest';
import { endsInsidePhrase } from '../cut-phrase.js';
import { loadRulePack } from '../index.js';

const { settings } = loadRulePack();

describe('values cut inside a known phrase', () => {
  it('finds a header that stops before the last word of its agency', () => {
    expect(endsInsidePhrase('UBND HẢI PHÒNG SỞ TÀI NGUYÊN VÀ MÔI', settings)).toBe('Sở Tài nguyên và Môi trường');
    expect(endsInsidePhrase('CÔNG TY TNHH XÂY DỰNG VÀ', settings)).toBe('xây dựng và thương mại');
  });

  it('accepts a whole phrase, and names ending with two words that open a longer phrase', () => {
    expect(endsInsidePhrase('UBND HẢI PHÒNG SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG', settings)).toBeNull();
    expect(endsInsidePhrase('CÔNG TY TNHH THƯƠNG MẠI', settings)).toBeNull();
    expect(endsInsidePhrase('ỦY BAN NHÂN DÂN', settings)).toBeNull();
  });
});
