import { describe, expect, it } from 'vitest';
import { loadRulePack } from '../index.js';
import { oddSurnamesInText } from '../text-surnames.js';

const pack = loadRulePack();

describe('surnames in running text', () => {
  const surnames = pack.settings.names.surnames;
  it('finds a person introduced by a surname printed with other marks', () => {
    expect(oddSurnamesInText('hỗ trợ cho hộ ông Đỉnh Quang Nghĩa', surnames)).toEqual([
      { read: 'Đỉnh', surname: 'Đinh' },
    ]);
    expect(oddSurnamesInText('từ bà Trấn Thị Lan sang ông Lê Văn Hùng', surnames)).toEqual([
      { read: 'Trấn', surname: 'Trần' },
    ]);
  });

  it('accepts listed surnames, other surnames and a lone word', () => {
    expect(oddSurnamesInText('từ ông Đinh Quang Nghĩa sang bà Huỳnh Thị Mai', surnames)).toEqual([]);
    expect(oddSurnamesInText('cho ông Kha Văn Bình', surnames)).toEqual([]);
    expect(oddSurnamesInText('giao cho ông Tạ', surnames)).toEqual([]);
  });
});
