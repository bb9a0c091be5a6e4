// Review routing: a component is accepted only when its type and its key fields clear the thresholds and no
// validation problem was found; otherwise it needs review, with the reasons listed.
import type { ComponentStatus, FieldResult } from '../page-model.js';
import type { PackSettings, TypeRule } from './rule-pack.js';

export interface ReviewInput {
  type: TypeRule;
  confidence: number;
  fields: Record<string, FieldResult>;
  problems: string[];
  settings: PackSettings;
}

export function routeForReview(input: ReviewInput): { status: ComponentStatus; reasons: string[] } {
  const { type, confidence, fields, problems, settings } = input;
  const t = settings.thresholds;
  const reasons: string[] = [];
  if (type.code === 'khac') reasons.push('component type not recognised');
  else if (confidence < t.typeConfidence)
    reasons.push(`type confidence ${confidence.toFixed(2)} below ${t.typeConfidence}`);
  for (const key of type.keyFields) {
    const f = fields[key];
    if (!f) reasons.push(`key field ${key} missing`);
    else if (f.confidence < t.fieldConfidence)
      reasons.push(`key field ${key} confidence ${f.confidence.toFixed(2)} below ${t.fieldConfidence}`);
  }
  reasons.push(...problems);
  return { status: reasons.length === 0 ? 'accepted' : 'needs_review', reasons };
}
