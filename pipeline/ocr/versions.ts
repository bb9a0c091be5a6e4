import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Installed tesseract.js version, read from its package.json so stored results name the engine that made them. */
export function tesseractJsVersion(): string {
  const pkg = JSON.parse(readFileSync(require.resolve('tesseract.js/package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
