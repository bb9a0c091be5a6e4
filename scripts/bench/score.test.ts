import { describe, expect, it } from 'vitest';
import { type ResultSource, scoreRun, type TruthSource } from './score.js';

const truth: TruthSource[] = [
  {
    path: 'a.pdf',
    pageCount: 1,
    pages: [{ number: 1, rotation: 0, textSource: 'ocr' }],
    components: [
      {
        type: 'quyet_dinh',
        pages: [1, 1],
        fields: { co_quan_ban_hanh: { value: 'ỦY BAN NHÂN DÂN' }, so: { value: '12' } },
      },
    ],
  },
];

function result(fields: Record<string, string>): ResultSource[] {
  return [
    {
      path: 'a.pdf',
      status: 'done',
      pages: [{ number: 1, rotation: 0, textSource: 'ocr' }],
      components: [
        {
          type: 'quyet_dinh',
          pages: [1, 1],
          status: 'accepted',
          fields: Object.fromEntries(Object.entries(fields).map(([k, value]) => [k, { value, confidence: 0.9 }])),
        },
      ],
    },
  ];
}

describe('bench scoring', () => {
  it('counts the other tone-mark placement as the same value, and a different value as wrong', () => {
    const same = scoreRun(truth, result({ co_quan_ban_hanh: 'UỶ BAN NHÂN DÂN', so: '12' }));
    expect(same.fields).toMatchObject({ total: 2, correct: 2 });
    expect(same.accepted).toMatchObject({ fields: 2, correct: 2 });
    const wrong = scoreRun(truth, result({ co_quan_ban_hanh: 'UY BAN NHAN DAN', so: '12' }));
    expect(wrong.fields.correct).toBe(1);
    expect(wrong.acceptedErrors.map((e) => e.key)).toEqual(['co_quan_ban_hanh']);
  });
});
