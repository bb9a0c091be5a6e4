// Builds the counter-staff pages into web/dist (served by `sohoa serve` at /): one minified script, one stylesheet,
// index.html. Prints the sizes so a growing bundle is noticed.
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'dist');
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await build({
  entryPoints: { app: join(here, 'src', 'main.tsx') },
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['chrome110', 'firefox110', 'safari16'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  outdir: out,
  logLevel: 'warning',
});
await copyFile(join(here, 'src', 'style.css'), join(out, 'app.css'));
await copyFile(join(here, 'index.html'), join(out, 'index.html'));
for (const name of ['app.js', 'app.css']) {
  const bytes = await readFile(join(out, name));
  process.stdout.write(`web/dist/${name}: ${bytes.length} bytes, ${gzipSync(bytes).length} gzipped\n`);
}
