export { CLASSIFY_WEIGHTS, classifyLines, type PageClass, type TitleMatch } from './classify.js';
export { CROSS_CHECK_FACTORS, crossCheck } from './cross-checks.js';
export { isCalendarDate, isPlausibleDate, type ParsedDate, parseDate } from './date-parser.js';
export { confusableNeighbours, fixDigitRun, looksNumeric } from './digit-runs.js';
export {
  dossierFindings,
  type Finding,
  type FindingInput,
  type FindingKind,
  NEAR_ID_DIGITS,
  PERSON_FIELDS,
  type PersonFields,
} from './dossier-findings.js';
export { type Extraction, extractFields } from './extract-fields.js';
export { parseNumberWords } from './number-words.js';
export { pageFromLines, type SyntheticPageOptions } from './page-from-lines.js';
export { type PreparedLine, prepareLines } from './page-lines.js';
export { type PhraseRestore, restorePhrases } from './phrase-restore.js';
export { type RecognizeOptions, recognize } from './recognize.js';
export { routeForReview } from './review.js';
export {
  type FieldRule,
  loadRulePack,
  type PackSettings,
  type RulePack,
  RulePackError,
  type TypeRule,
  VALUE_TYPES,
} from './rule-pack.js';
export { type ComponentSpan, splitComponents } from './split-components.js';
export { CCCD_PROVINCE_CODES, checkPersonalId, isValidTaxCode, repairByConfusion } from './validators.js';
export {
  cleanText,
  type ParsedValue,
  parseAddress,
  parseArea,
  parseCode,
  parseDateValue,
  parseDossierCode,
  parseIdNumber,
  parseMoney,
  parsePersonName,
  parseSex,
  parseTaxCode,
  parseText,
  parseValue,
  type ValueType,
} from './value-parsers.js';
export {
  danglingEnd,
  type ImplausibleWord,
  implausibleWords,
  plausibilityProblems,
  REPEATED_RUN_WORDS,
  repeatedRun,
  unknownNumberedWord,
  WORD_VALUE_TYPES,
  wordVocabulary,
} from './value-plausibility.js';
export {
  isVietnameseSyllable,
  parseSyllable,
  type SyllableParse,
  splitGluedSyllables,
} from './vietnamese-syllables.js';
export {
  allowedDistance,
  canonicalTones,
  foldKey,
  foldText,
  fuzzySimilarity,
  normalizeText,
  ocrEditDistance,
  sameVietnamese,
  upperCaseRatio,
} from './vietnamese-text.js';
