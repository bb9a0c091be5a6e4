import { describe, expect, it } from 'vitest';
import type { RecognizablePage } from '../../page-model.js';
import { loadRulePack, pageFromLines, prepareLines, recognize } from '../index.js';
import { dossierWords, weakWords } from '../weak-words.js';
import { QUYET_DINH } from './sample-documents.js';

const pack = loadRulePack();
const none = { surest: new Map<string, number>() };

describe('words read unsurely', () => {
  const words = [
    { text: 'QUẬN', confidence: 0.95 },
    { text: 'NINH', confidence: 0.96 },
    { text: 'KIỂU', confidence: 0.8 },
  ];

  it('finds a word kept as read below the bar that no surer reading confirms', () => {
    expect(weakWords('QUẬN NINH KIỂU', words, 0.88, none).map((w) => w.text)).toEqual(['KIỂU']);
  });

  it('trusts a word the dossier reads surely elsewhere and a word the rules replaced', () => {
    expect(weakWords('QUẬN NINH KIỂU', words, 0.88, { surest: new Map([['kiểu', 0.95]]) })).toEqual([]);
    expect(weakWords('QUẬN NINH KIỀU', words, 0.88, none)).toEqual([]);
  });

  it('reads a word with punctuation glued on by its letters', () => {
    const dotted = [{ text: 'DŨNG...', confidence: 0.56 }];
    expect(weakWords('CAO THỊ DŨNG', dotted, 0.88, none)).toEqual(dotted);
    expect(weakWords('CAO THỊ DŨNG', dotted, 0.88, { surest: new Map([['dũng', 0.96]]) })).toEqual([]);
  });

  it('leaves words of a closed list to their own check', () => {
    const unit = [{ text: 'hẻm', confidence: 0.66 }];
    expect(weakWords('Số 242, hẻm 12', unit, 0.85, none, new Set(['hẻm']))).toEqual([]);
    expect(weakWords('Số 242, hẻm 12', unit, 0.85, none)).toEqual(unit);
  });

  it('is off at 0', () => {
    expect(weakWords('QUẬN NINH KIỂU', words, 0, none)).toEqual([]);
  });

  it('keeps the surest reading of each word of the dossier, case folded', () => {
    const lines = prepareLines(1, pageFromLines(['NINH KIỀU', 'Ninh Kiều'], { wordConfidence: { KIỀU: 0.7 } }));
    expect(dossierWords(lines).surest.get('kiều')).toBe(0.95);
    expect(dossierWords(lines).surest.get('ninh')).toBe(0.95);
  });

  it('sends a component with an agency word read unsurely to review', () => {
    const pages = (conf: Record<string, number>): RecognizablePage[] =>
      QUYET_DINH.pages.map((lines, i) => ({ number: i + 1, text: pageFromLines(lines, { wordConfidence: conf }) }));
    const strict = {
      ...pack,
      settings: { ...pack.settings, plausibility: { ...pack.settings.plausibility, unsureWordConfidence: 0.88 } },
    };
    const [sure] = recognize(pages({}), strict);
    expect(sure!.reasons.join('; ')).not.toMatch(/unsurely/);
    // "ĐỊNH" is printed surely elsewhere (the title); "BÌNH" only in agency lines, all read unsurely.
    const [unsure] = recognize(pages({ BÌNH: 0.7 }), strict);
    expect(unsure!.status).toBe('needs_review');
    expect(unsure!.reasons.join('; ')).toMatch(
      /co_quan_ban_hanh: words read unsurely and nowhere surer \(BÌNH 0\.70\)/,
    );
  });
});
