import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Argon2 and two databases: give slow machines room, never time anything here.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
