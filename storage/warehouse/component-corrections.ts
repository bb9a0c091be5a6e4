// Human corrections of a component's type or page range, re-applied to every new recognition run of the source so
// that no re-run (`sohoa recognize`, a worker's finish job, an OCR re-run) undoes them. Pure: the repository applies
// them inside its write transaction and re-recognition applies them to predict what would be stored.
import type { ComponentStatus } from '../../pipeline/page-model.js';

export interface ComponentCorrection {
  /** Where the machine had placed the component when the reviewer corrected it. */
  machineType: string;
  machineFirstPage: number;
  type?: string;
  pages?: [number, number];
}

export interface CorrectableComponent {
  type: string;
  pages: [number, number];
  status: ComponentStatus;
  reasons: string[];
  pdfKey?: string | null;
}

/**
 * Applies corrections oldest first (a later one was made on the result of the earlier ones). A correction finds its
 * component by the machine's type and first page, or, when the rules now give that component another type, by the
 * first page alone: the reviewer's word about the component starting there still holds. A corrected range swallows
 * the machine components inside it and trims those overlapping it. Corrected components are accepted; a PDF made
 * for another range is dropped (pdfKey null) so it is made again. Applying the same corrections twice changes
 * nothing more.
 */
export function applyComponentCorrections<C extends CorrectableComponent>(
  components: C[],
  corrections: ComponentCorrection[],
): C[] {
  let list = components.map((c) => ({ ...c, pages: [...c.pages] as [number, number] }));
  const pinned = new Set<C>();
  for (const fix of corrections) {
    const target =
      list.find((c) => c.type === fix.machineType && c.pages[0] === fix.machineFirstPage) ??
      list.find((c) => c.pages[0] === fix.machineFirstPage && !pinned.has(c));
    if (!target) continue;
    if (fix.type !== undefined) target.type = fix.type;
    if (fix.pages && (fix.pages[0] !== target.pages[0] || fix.pages[1] !== target.pages[1])) {
      target.pages = [fix.pages[0], fix.pages[1]];
      if (target.pdfKey !== undefined) target.pdfKey = null;
      list = makeRoom(list, target, pinned);
    }
    target.status = 'accepted';
    target.reasons = [];
    pinned.add(target);
  }
  return list.sort((a, b) => a.pages[0] - b.pages[0] || a.pages[1] - b.pages[1] || a.type.localeCompare(b.type));
}

/** Drops machine components inside the corrected range and trims those overlapping it. */
function makeRoom<C extends CorrectableComponent>(list: C[], target: C, pinned: Set<C>): C[] {
  const [first, last] = target.pages;
  const out: C[] = [];
  for (const c of list) {
    if (c === target || pinned.has(c) || c.pages[1] < first || c.pages[0] > last) {
      out.push(c);
      continue;
    }
    if (c.pages[0] >= first && c.pages[1] <= last) continue;
    const trimmed: [number, number] = c.pages[0] < first ? [c.pages[0], first - 1] : [last + 1, c.pages[1]];
    out.push({ ...c, pages: trimmed, ...(c.pdfKey !== undefined ? { pdfKey: null } : {}) });
  }
  return out;
}
