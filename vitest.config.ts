import { defineConfig } from 'vitest/config'

// Three rings, named by suffix: *.unit.test.ts (pure), *.sim.test.ts (the simulator in-process),
// *.integration.test.ts (the real app in-process on PGlite, or on Postgres when TEST_DATABASE_URL is set).
// End-to-end tests live in e2e/ and run under Playwright.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{contracts,backend,hubspot-simulator,frontend}/{src,test}/**/*.unit.test.ts'],
        },
      },
      { test: { name: 'simulator', include: ['hubspot-simulator/{src,test}/**/*.sim.test.ts'], testTimeout: 20_000 } },
      {
        test: {
          name: 'integration',
          include: ['backend/{src,test}/**/*.integration.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Two cores: one file at a time per database keeps timings honest and PGlite memory bounded.
          fileParallelism: false,
        },
      },
    ],
  },
})
