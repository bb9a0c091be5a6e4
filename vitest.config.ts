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
    // Test files run side by side: OCR threads keep the priority of the rest, so one file's OCR is not starved
    // behind another file's work and its timeouts mean the same as before.
    env: { SOHOA_OCR_NICE: '0', SOHOA_OCR_IDLE: 'false' },
  },
});
