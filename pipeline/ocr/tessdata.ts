import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The model folder used inside the `@tesseract.js-data/<lang>` packages (LSTM-only integer models). */
export const MODEL_FOLDER = '4.0.0_best_int';

export interface TraineddataFile {
  lang: string;
  path: string;
  gzip: boolean;
}

/** Locate `<lang>.traineddata[.gz]` inside the installed `@tesseract.js-data/<lang>` package; never a download. */
export function traineddataFile(lang: string, folder = MODEL_FOLDER): TraineddataFile {
  let pkgDir: string;
  try {
    pkgDir = dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`));
  } catch {
    throw new Error(`OCR language data for "${lang}" is not installed: add the npm package @tesseract.js-data/${lang}`);
  }
  const gz = join(pkgDir, folder, `${lang}.traineddata.gz`);
  if (existsSync(gz)) return { lang, path: gz, gzip: isGzipFile(gz) };
  const plain = join(pkgDir, folder, `${lang}.traineddata`);
  if (existsSync(plain)) return { lang, path: plain, gzip: false };
  throw new Error(`OCR language data for "${lang}" has no ${folder}/${lang}.traineddata[.gz] in ${pkgDir}`);
}

function isGzipFile(path: string): boolean {
  const head = readFileSync(path).subarray(0, 2);
  return head[0] === 0x1f && head[1] === 0x8b;
}

export interface LangFolder {
  /** Folder holding every requested language (symlinks to the package files). */
  path: string;
  gzip: boolean;
  remove(): void;
}

/**
 * tesseract.js reads every language from one `langPath`, while each npm package holds one language; a temporary folder
 * of symlinks joins them without copying the data.
 */
export function langFolder(langs: string[], folder = MODEL_FOLDER): LangFolder {
  const files = langs.map((lang) => traineddataFile(lang, folder));
  const gzip = files[0]?.gzip ?? true;
  if (files.some((f) => f.gzip !== gzip)) throw new Error(`OCR language data mixes gzipped and plain files: ${langs}`);
  const dir = mkdtempSync(join(tmpdir(), 'sohoa-tessdata-'));
  for (const f of files) symlinkSync(f.path, join(dir, `${f.lang}.traineddata${gzip ? '.gz' : ''}`));
  return { path: dir, gzip, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
