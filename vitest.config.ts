import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/**/*.test.ts',
      'pipeline/**/*.test.ts',
      'storage/**/*.test.ts',
      'workers/**/*.test.ts',
      'schemas/**/*.test.ts',
      'cli/**/*.test.ts',
      'service/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
  },
});
