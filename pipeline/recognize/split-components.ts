// Splitting a page stack into components: a page with a convincing title starts one; untitled pages continue the
// previous one; blank pages join their neighbours and are a component only when nothing else is there.
import type { PageClass } from './classify.js';

export interface ComponentSpan {
  type: string;
  /** Inclusive page numbers. */
  first: number;
  last: number;
  /** The page that decided the type. */
  head: PageClass;
}

/** True when an untitled page rather begins a new component than continues the current one. */
function startsNew(page: PageClass, current: ComponentSpan, twoSided: ReadonlySet<string>): boolean {
  if (page.continues.includes(current.type)) return false;
  // A page opening with the motto or a "Số: …" line is the first page of something, even without a title.
  if (page.head) return true;
  // Continuing needs positive evidence: an unread page or one opening with a heading of its own is something else.
  if (page.unread) return current.type !== 'khac' && !(twoSided.has(current.type) && current.first === current.last);
  if (page.heading && !page.genericContinuation) return true;
  if (page.type === 'khac' || page.type === current.type) return false;
  if (page.genericContinuation) return false;
  // Keyword evidence alone (e.g. a card back after a contract) needs its own continuation or a strong score.
  return page.continues.includes(page.type) || current.type === 'khac';
}

/** `twoSided`: types printed on both sides of a card (their back may not be readable). */
export function splitComponents(pages: PageClass[], twoSided: ReadonlySet<string> = new Set()): ComponentSpan[] {
  const spans: ComponentSpan[] = [];
  let leadingBlanks: PageClass[] = [];
  for (const page of pages) {
    const current = spans[spans.length - 1];
    if (page.blank) {
      if (current) current.last = page.page;
      else leadingBlanks.push(page);
      continue;
    }
    if (!current || page.titled || startsNew(page, current, twoSided)) {
      const first = leadingBlanks[0]?.page ?? page.page;
      leadingBlanks = [];
      spans.push({ type: page.type, first, last: page.page, head: page });
    } else {
      current.last = page.page;
    }
  }
  if (spans.length === 0 && leadingBlanks.length > 0) {
    spans.push({
      type: 'khac',
      first: leadingBlanks[0]!.page,
      last: leadingBlanks.at(-1)!.page,
      head: leadingBlanks[0]!,
    });
  }
  return spans;
}
