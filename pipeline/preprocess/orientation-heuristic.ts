import type { Rotation } from '../page-model.js';
import { type Bitmap, columnProfile, rotateBitmap, rowProfile } from './bitmap.js';

export interface OrientationGuess {
  rotation: Rotation;
  /** 0..1 */
  confidence: number;
  /** Evidence that text lines run horizontally (>1) or vertically (<1). */
  axisRatio: number;
  /** (ink above the x-height band - ink below) / both, over all lines; positive when upright. */
  upScore: number;
}

/** Text lines needed before the guess is trusted: a title or a picture alone says little. */
const MIN_LINES = 8;

/** Mean absolute change between neighbouring profile entries, per unit of ink: high when the profile has stripes. */
function stripeScore(p: Float64Array): number {
  let diff = 0;
  let total = 0;
  for (let i = 0; i < p.length; i++) {
    total += p[i]!;
    if (i > 0) diff += Math.abs(p[i]! - p[i - 1]!);
  }
  return total > 0 ? diff / total : 0;
}

/**
 * Upper-vs-lower asymmetry of text lines. Latin letters have many more ascenders than descenders and Vietnamese adds
 * tone and vowel marks above, so in an upright line the ink above the x-height band outweighs the ink below it.
 */
export function upDownScore(b: Bitmap): { score: number; lines: number } {
  const p = rowProfile(b);
  let max = 0;
  for (const v of p) max = Math.max(max, v);
  if (max === 0) return { score: 0, lines: 0 };
  const floor = Math.max(1, max * 0.02);
  let above = 0;
  let below = 0;
  let lines = 0;
  let y = 0;
  while (y < p.length) {
    if (p[y]! < floor) {
      y++;
      continue;
    }
    const start = y;
    while (y < p.length && p[y]! >= floor) y++;
    const end = y; // exclusive
    if (end - start < 4) continue;
    lines++;
    let peak = 0;
    for (let i = start; i < end; i++) peak = Math.max(peak, p[i]!);
    let coreStart = start;
    while (p[coreStart]! < peak * 0.4) coreStart++;
    let coreEnd = end - 1;
    while (p[coreEnd]! < peak * 0.4) coreEnd--;
    for (let i = start; i < coreStart; i++) above += p[i]!;
    for (let i = coreEnd + 1; i < end; i++) below += p[i]!;
  }
  return { score: above + below > 0 ? (above - below) / (above + below) : 0, lines };
}

/** Cheap orientation guess from projection profiles; meant to clear upright pages without running OSD. */
export function guessOrientation(b: Bitmap): OrientationGuess {
  const axisRatio = (stripeScore(rowProfile(b)) + 1e-9) / (stripeScore(columnProfile(b)) + 1e-9);
  const horizontal = axisRatio >= 1;
  const view = horizontal ? b : rotateBitmap(b, 90);
  const { score: upScore, lines } = upDownScore(view);
  let rotation: Rotation;
  if (horizontal) rotation = upScore >= 0 ? 0 : 180;
  else rotation = upScore >= 0 ? 90 : 270;
  // Scales measured on scanned text pages: upright pages show axis ratios 1.2..3 and up-scores 0.3..0.95.
  const axisConfidence = Math.min(1, Math.abs(Math.log(axisRatio)) / Math.log(1.25));
  const upConfidence = Math.min(1, Math.abs(upScore) / 0.3);
  const lineConfidence = Math.min(1, lines / MIN_LINES);
  return { rotation, confidence: Math.min(axisConfidence, upConfidence, lineConfidence), axisRatio, upScore };
}
