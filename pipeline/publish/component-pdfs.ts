import type { ObjectStore } from '../../storage/object-store/object-store.port.js';
import { objectKeys } from '../object-keys.js';
import type { ComponentResult, PageText } from '../page-model.js';
import { buildSearchablePdf } from './searchable-pdf.js';

export interface PublishablePage {
  number: number;
  dpi: number;
  text: PageText | null;
  /** Where the page image is stored (default: the source's own page key). */
  imageKey?: string | null;
}

/**
 * One searchable PDF per component (page images from the store plus an invisible text layer). A PDF already stored
 * for the same page range is reused when asked (re-recognition from stored OCR: same images, same text), so a run that
 * only re-types components writes nothing.
 */
export async function publishComponentPdfs(
  sha256: string,
  components: ComponentResult[],
  pages: PublishablePage[],
  store: ObjectStore,
  options: { reuseExisting: boolean },
): Promise<Array<ComponentResult & { pdfKey: string | null }>> {
  const out: Array<ComponentResult & { pdfKey: string | null }> = [];
  for (const component of components) {
    const [first, last] = component.pages;
    const pdfKey = objectKeys.componentPdf(sha256, first, last);
    if (!options.reuseExisting || !(await store.exists(pdfKey))) {
      const members = pages.filter((p) => p.number >= first && p.number <= last);
      const pdfPages = [];
      for (const p of members) {
        const key = p.imageKey ?? objectKeys.pageImage(sha256, p.number);
        pdfPages.push({ image: await store.get(key), dpi: p.dpi, text: p.text });
      }
      const pdf = await buildSearchablePdf(pdfPages, { title: `${component.type} p${first}-${last}` });
      await store.put(pdfKey, pdf, { contentType: 'application/pdf' });
    }
    out.push({ ...component, pdfKey });
  }
  return out;
}
