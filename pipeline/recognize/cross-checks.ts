// Checks across the fields of one component: personal ID vs date of birth and sex, amount in words vs figures.
// They adjust confidences, may swap in a valid confusable-digit reading, and report problems for review.
import type { FieldResult } from '../page-model.js';
import { dateOrderProblems } from './date-order.js';
import { round } from './extract-fields.js';
import { canonicalNumberWords, parseNumberWords } from './number-words.js';
import type { TypeRule } from './rule-pack.js';
import { checkPersonalId, repairByConfusion } from './validators.js';
import { isImplausiblySmallAmount } from './value-parsers.js';

export const CROSS_CHECK_FACTORS = {
  /** Confidence kept by an ID that fails its structure check. */
  invalidId: 0.5,
  /** Confidence kept by an ID repaired by one confusable digit. */
  repairedId: 0.6,
  /** Confidence kept by amounts (figures and words) that disagree. */
  moneyDisagrees: 0.5,
  /** Confidence kept by an amount in words that cannot be parsed. */
  wordsUnreadable: 0.7,
  /** Confidence kept by an amount below the smallest one a dossier holds. */
  implausiblySmall: 0.5,
};

/** `trusted` fields come from a text layer: they are checked but never corrected. */
export function crossCheck(
  type: TypeRule,
  fields: Record<string, FieldResult>,
  trusted: ReadonlySet<string> = new Set(),
): string[] {
  const problems: string[] = [];
  for (const [key, rule] of Object.entries(type.fields)) {
    const field = fields[key];
    if (!field) continue;
    if (rule.type === 'id_number') {
      const context = {
        birthDate: rule.idContext?.birthDate ? fields[rule.idContext.birthDate]?.value : undefined,
        sex: rule.idContext?.sex ? fields[rule.idContext.sex]?.value : rule.idContext?.holderSex,
      };
      const check = checkPersonalId(field.value, context);
      if (!check.valid) {
        const fixes = trusted.has(key) ? [] : repairByConfusion(field.value, (c) => checkPersonalId(c, context).valid);
        if (fixes.length === 1) {
          problems.push(`${key}: read ${field.value}, corrected to ${fixes[0]} (${check.problems.join('; ')})`);
          field.value = fixes[0]!;
          field.confidence = round(field.confidence * CROSS_CHECK_FACTORS.repairedId);
        } else {
          problems.push(`${key}: ${check.problems.join('; ')}`);
          field.confidence = round(field.confidence * CROSS_CHECK_FACTORS.invalidId);
        }
      }
    }
    if (rule.type === 'money') {
      if (isImplausiblySmallAmount(field.value)) {
        problems.push(
          `${key}: ${field.value} đồng is below the smallest amount a dossier holds, a longer figure was cut`,
        );
        field.confidence = round(field.confidence * CROSS_CHECK_FACTORS.implausiblySmall);
      }
      // "1.500.000.000 đồng (Bằng chữ: Một tỷ năm trăm triệu đồng)": the words printed beside the figures.
      const inline = /bằng chữ\s*[:：]?\s*(.+)$/iu.exec(field.raw.normalize('NFC'));
      const words = inline ? parseNumberWords(inline[1]!) : null;
      if (words !== null && String(words) !== field.value) {
        problems.push(`${key}: amount in words (${words}) disagrees with the figures (${field.value})`);
        field.confidence = round(field.confidence * CROSS_CHECK_FACTORS.moneyDisagrees);
      }
    }
    if (rule.agreesWith) {
      if (!trusted.has(key)) {
        const canonical = canonicalNumberWords(field.value);
        field.value = canonical.value;
        if (canonical.unknown.length > 0) {
          problems.push(`${key}: words outside the amount vocabulary (${canonical.unknown.join(' ')})`);
          field.confidence = round(field.confidence * CROSS_CHECK_FACTORS.wordsUnreadable);
        }
      }
      // Amounts in words close with the currency ("… đồng", "… đồng chẵn"); without it the line was cut short.
      if (!/(?:đồng|chẵn)[\s.]*$/iu.test(field.value.normalize('NFC')))
        problems.push(`${key}: amount in words does not end with "đồng", it looks cut short`);
      const amount = fields[rule.agreesWith];
      const words = parseNumberWords(field.value);
      if (words === null) {
        problems.push(`${key}: amount in words not readable`);
        field.confidence = round(field.confidence * CROSS_CHECK_FACTORS.wordsUnreadable);
      } else if (!amount) {
        // The figures were not found: the words give the amount, with review.
        fields[rule.agreesWith] = { ...field, value: String(words), confidence: round(field.confidence * 0.6) };
        problems.push(`${rule.agreesWith}: taken from the amount in words (${key})`);
      } else if (
        String(words) !== amount.value &&
        String(words).startsWith(amount.value) &&
        !trusted.has(rule.agreesWith)
      ) {
        // Figures cut at a line end ("25" / ".050.000") read as the first digits of the amount: the words complete it.
        problems.push(`${rule.agreesWith}: read ${amount.value}, completed from the amount in words (${key})`);
        amount.value = String(words);
        amount.confidence = round(amount.confidence * CROSS_CHECK_FACTORS.moneyDisagrees);
      } else if (String(words) !== amount.value) {
        problems.push(`${key} (${words}) disagrees with ${rule.agreesWith} (${amount.value})`);
        field.confidence = round(field.confidence * CROSS_CHECK_FACTORS.moneyDisagrees);
        amount.confidence = round(amount.confidence * CROSS_CHECK_FACTORS.moneyDisagrees);
      }
    }
  }
  problems.push(...dateOrderProblems(type, fields));
  return problems;
}
