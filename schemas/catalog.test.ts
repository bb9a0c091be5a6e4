import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const shared = join(root, '..', 'shared', 'catalog.json');

describe('catalog', () => {
  it.skipIf(!existsSync(shared))('is the shared public contract, unchanged', () => {
    const ours = JSON.parse(readFileSync(join(root, 'schemas', 'catalog.json'), 'utf8'));
    expect(ours).toEqual(JSON.parse(readFileSync(shared, 'utf8')));
  });
});
