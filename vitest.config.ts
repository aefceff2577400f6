import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two cores: end-to-end tests spawn several processes each, so files run one at a time.
    fileParallelism: false,
  },
});
