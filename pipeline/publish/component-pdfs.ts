import type { ObjectStore, PutObject } from '../../storage/object-store/object-store.port.js';
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

/** Built PDFs held before they are stored together. */
const PDF_BATCH_BYTES = 32 * 1024 * 1024;

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
  // Built PDFs are stored together (one sync for the lot on the fs store), a batch at a time to bound memory.
  let batch: PutObject[] = [];
  let batchBytes = 0;
  const flush = async () => {
    await store.putAll(batch);
    batch = [];
    batchBytes = 0;
  };
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
      batch.push({ key: pdfKey, data: pdf, contentType: 'application/pdf' });
      batchBytes += pdf.byteLength;
      if (batchBytes >= PDF_BATCH_BYTES) await flush();
    }
    out.push({ ...component, pdfKey });
  }
  if (batch.length > 0) await flush();
  return out;
}
