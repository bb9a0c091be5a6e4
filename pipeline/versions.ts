import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './package-root.js';

let cached: string | null = null;

/** The pipeline's own version (package.json), recorded on every source it processes. */
export function pipelineVersion(): string {
  if (!cached) {
    const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
    cached = `sohoa@${pkg.version}`;
  }
  return cached;
}
