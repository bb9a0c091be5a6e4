// Words OCR read unsurely and nothing else confirms. OCR confidences barely separate misreads overall, but a
// word read clearly less surely than usual is where marks slip ("KIỀU" read "KIỂU", "Nghi" read "Nghĩ"); when
// the same word is printed elsewhere in the dossier and read surely there, the reading stands.
import type { ValueWord } from './extract-fields.js';
import type { PreparedLine } from './page-lines.js';

const LETTERS = /^\p{L}+$/u;

const key = (word: string) => word.normalize('NFC').toLowerCase();

/** How the dossier reads each word. */
export interface DossierWords {
  /** Highest confidence of each word (letters only, case folded, marks kept). */
  surest: Map<string, number>;
}

export function dossierWords(lines: readonly PreparedLine[]): DossierWords {
  const out: DossierWords = { surest: new Map() };
  for (const line of lines)
    for (const w of line.words) {
      const text = letters(line.text.slice(w.start, w.end));
      if (!text) continue;
      const k = key(text);
      out.surest.set(k, Math.max(out.surest.get(k) ?? 0, w.word.confidence));
    }
  return out;
}

/** The letters of an OCR word without punctuation glued on either side, or null when other characters remain. */
function letters(text: string): string | null {
  const core = text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  return LETTERS.test(core) ? core : null;
}

/**
 * Words of `value` kept as OCR read them with confidence below `minConfidence`, and read no surer anywhere in the
 * dossier. Words the rules replaced (restored marks) are not in the value as read; `known` words (lower case) are
 * checked by their own closed list (address unit words before a number).
 */
export function weakWords(
  value: string,
  words: readonly ValueWord[],
  minConfidence: number,
  dossier: DossierWords,
  known: ReadonlySet<string> = new Set(),
): ValueWord[] {
  if (minConfidence <= 0) return [];
  const kept = new Set(value.normalize('NFC').match(/\p{L}+/gu) ?? []);
  return words.filter((w) => {
    const text = letters(w.text);
    return (
      text !== null &&
      w.confidence < minConfidence &&
      kept.has(text.normalize('NFC')) &&
      !known.has(key(text)) &&
      (dossier.surest.get(key(text)) ?? 0) < minConfidence
    );
  });
}
