import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

/** Extensions taken from folders; files named explicitly are always tried (their content decides their type). */
export const SCAN_EXTENSIONS = new Set(['.pdf', '.jpg', '.jpeg', '.png', '.webp', '.tif', '.tiff']);

export type CollectedPath = { path: string; error?: undefined } | { path: string; error: string };

async function walk(dir: string, out: CollectedPath[]): Promise<void> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    out.push({ path: dir, error: `cannot read folder: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, out);
    else if (entry.isFile() && SCAN_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push({ path: full });
  }
}

/** Expands the command's arguments: folders recursively (sorted, scan extensions only), files as given. */
export async function collectPaths(args: string[]): Promise<CollectedPath[]> {
  const out: CollectedPath[] = [];
  for (const arg of args) {
    try {
      const info = await stat(arg);
      if (info.isDirectory()) await walk(arg, out);
      else out.push({ path: arg });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? 'no such file or folder' : code === 'EACCES' ? 'permission denied' : code;
      out.push({ path: arg, error: `cannot read: ${reason ?? String(error)}` });
    }
  }
  return out;
}
