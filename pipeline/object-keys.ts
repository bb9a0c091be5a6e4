// Object keys are derived from the source's SHA-256, so every derived file is content-addressed through its source.

const pad = (n: number) => String(n).padStart(4, '0');

/** Folders of the per-page objects: the normalised page images and their OCR. */
export const PAGE_IMAGE_PREFIX = 'pages/';
export const PAGE_OCR_PREFIX = 'ocr/';

export const objectKeys = {
  original: (sha256: string) => `originals/${sha256.slice(0, 2)}/${sha256}`,
  pageImage: (sha256: string, page: number) => `${PAGE_IMAGE_PREFIX}${sha256}/p${pad(page)}.jpg`,
  pageOcr: (sha256: string, page: number) => `${objectKeys.pageOcrFolder(sha256)}p${pad(page)}.json`,
  /** The folder of a source's page OCR, for listing which pages are stored. */
  pageOcrFolder: (sha256: string) => `${PAGE_OCR_PREFIX}${sha256}/`,
  /** The page number of a key under pageOcrFolder, or null. */
  pageOfOcrKey: (key: string): number | null => {
    const page = /\/p(\d+)\.json$/.exec(key)?.[1];
    return page ? Number(page) : null;
  },
  // By page range only: the PDF holds images and text, not the type, so a re-typed component keeps its file.
  componentPdf: (sha256: string, first: number, last: number) =>
    `components/${sha256}/p${pad(first)}-p${pad(last)}.pdf`,
};
