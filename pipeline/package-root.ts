import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

/**
 * The folder holding sohoa's package.json. Data files (catalog, rule packs, migrations) are read relative to it,
 * so the same code works from TypeScript sources (tsx, vitest) and from the compiled dist/ tree.
 */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'schemas', 'catalog.json'))) {
      cached = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('sohoa: cannot find the package root (package.json beside schemas/)');
    dir = parent;
  }
}
