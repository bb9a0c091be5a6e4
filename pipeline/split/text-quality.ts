import type { TextLayerQuality } from './opened-source.js';

/**
 * Whether a PDF text layer can stand in for OCR. Heuristic, in order:
 * - `none`: fewer than `minChars` non-space characters (empty or a stray header: OCR the page instead).
 * - `garbage`: most glyphs are drawn invisibly (render mode 3/7: an earlier scanner's OCR, of unknown quality);
 *   or many words carry legacy Vietnamese encodings (TCVN3/VNI mojibake such as "Céng hoµ", "Coäng hoøa");
 *   or many characters are not letters/digits/punctuation (fonts without Unicode maps, private-use glyphs);
 *   or too few tokens look like words; or the words are clearly Vietnamese yet carry no Vietnamese diacritics.
 * - `usable` otherwise.
 */
export interface TextQualityOptions {
  minChars: number;
  /** Share of glyphs drawn invisibly above which the layer is treated as foreign OCR. */
  maxInvisibleShare: number;
  /** Share of words with legacy-encoding characters above which the text is mojibake. */
  maxMojibakeWordShare: number;
  /** Share of characters that must be letters, digits, spaces or ordinary punctuation. */
  minCleanCharShare: number;
  /** Share of tokens that must look like words. */
  minWordShare: number;
  /** Share of tokens that are unaccented Vietnamese syllables above which missing diacritics are assumed. */
  maxBareVietnameseShare: number;
}

export const DEFAULT_TEXT_QUALITY_OPTIONS: TextQualityOptions = {
  minChars: 20,
  maxInvisibleShare: 0.5,
  maxMojibakeWordShare: 0.15,
  minCleanCharShare: 0.85,
  minWordShare: 0.6,
  maxBareVietnameseShare: 0.2,
};

// Vietnamese letters outside ASCII. Any of these in a token marks proper Vietnamese.
const VIETNAMESE_MARKED = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/iu;

// Latin-1 characters that TCVN3 and VNI fonts use for Vietnamese letters but that never occur in NFC Vietnamese.
// (German/French letters are in here too, so only a high share of such words counts.)
const LEGACY_ENCODING = /[¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïðñö÷øûüþÿ]/u;

// Frequent Vietnamese syllables written without their diacritics; rare as English words.
const BARE_VIETNAMESE = new Set(
  (
    'cong hoa xa hoi chu nghia viet nam doc lap tu do hanh phuc nguoi duoc cua khong nhung cac trong voi theo viec ' +
    'ngay thang giay chung nhan dia chi tinh huyen thanh pho quan phuong ho ten sinh dan toc quoc tich thuong tru ' +
    'dien thoai tien thue hang ban mua don vi so luong gia tri cap noi lam nay chiu trach nhiem dong ky ghi ro muc ' +
    'dung bang chu cho tai khoan kinh doanh doanh nghiep uy nhan dan quyen su dung dat nha o'
  ).split(' '),
);

const CLEAN_CHAR = /[\p{L}\p{M}\p{N}\s.,:;!?'"()[\]{}\-–—/\\%&@#*+=<>_|~°ºª€$₫•…“”‘’«»§№]/u;
const WORDLIKE = /^[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*$|^\p{N}+(?:[.,/:-]\p{N}+)*$/u;
const VOWEL =
  /[aeiouyàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ\p{Script=Cyrillic}\p{Script=Greek}]/iu;

export interface TextQualityInput {
  text: string;
  /** Glyphs drawn in an invisible render mode, and all glyphs drawn; from the page's operator list. */
  invisibleGlyphs: number;
  totalGlyphs: number;
}

export interface TextQualityVerdict {
  quality: TextLayerQuality;
  reason: string;
}

function stripPunctuation(token: string): string {
  return token.replace(/^[^\p{L}\p{M}\p{N}]+|[^\p{L}\p{M}\p{N}]+$/gu, '');
}

const UNMAPPED = /[\p{Cc}\p{Co}\p{Cs}\uFFFD]/u;

export function judgeTextLayer(
  input: TextQualityInput,
  options: TextQualityOptions = DEFAULT_TEXT_QUALITY_OPTIONS,
): TextQualityVerdict {
  const text = input.text.normalize('NFC');
  const chars = [...text.replace(/\s+/g, '')];
  if (chars.length < options.minChars) return { quality: 'none', reason: `only ${chars.length} characters` };

  // Glyphs the PDF's font cannot map back to Unicode (a font missing Vietnamese letters, a broken ToUnicode map).
  const unmapped = chars.filter((c) => UNMAPPED.test(c)).length;
  if (unmapped > 0) {
    return { quality: 'garbage', reason: `${unmapped} characters have no Unicode mapping` };
  }
  if (input.totalGlyphs > 0 && input.invisibleGlyphs / input.totalGlyphs > options.maxInvisibleShare) {
    return { quality: 'garbage', reason: 'text is drawn invisibly (an earlier OCR layer)' };
  }

  const clean = chars.filter((c) => CLEAN_CHAR.test(c) && !LEGACY_ENCODING.test(c)).length;
  const tokens = text.split(/\s+/).filter(Boolean);
  const mojibake = tokens.filter((t) => LEGACY_ENCODING.test(t)).length;
  if (mojibake / tokens.length > options.maxMojibakeWordShare) {
    return { quality: 'garbage', reason: `${mojibake}/${tokens.length} words look like a legacy (TCVN3/VNI) encoding` };
  }
  if (clean / chars.length < options.minCleanCharShare) {
    return { quality: 'garbage', reason: `only ${Math.round((100 * clean) / chars.length)}% ordinary characters` };
  }

  const words = tokens.map(stripPunctuation).filter(Boolean);
  if (words.length === 0) return { quality: 'garbage', reason: 'no words' };
  const wordlike = words.filter((w) => WORDLIKE.test(w) && (/\p{N}/u.test(w) || VOWEL.test(w) || w.length <= 3));
  if (wordlike.length / words.length < options.minWordShare) {
    return { quality: 'garbage', reason: `only ${wordlike.length}/${words.length} tokens look like words` };
  }

  const lower = words.map((w) => w.toLowerCase());
  const marked = lower.filter((w) => VIETNAMESE_MARKED.test(w)).length;
  const bare = lower.filter((w) => BARE_VIETNAMESE.has(w)).length;
  if (bare / words.length > options.maxBareVietnameseShare && marked < bare / 4) {
    return { quality: 'garbage', reason: 'Vietnamese words without diacritics' };
  }
  return { quality: 'usable', reason: `${words.length} words` };
}
