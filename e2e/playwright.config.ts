import { defineConfig } from '@playwright/test'
import { fileURLToPath } from 'node:url'

// The real processes, started the way a person starts them (`npm start`), on ports of their own
// and a throwaway data folder, so a running development copy is never touched.
const root = fileURLToPath(new URL('..', import.meta.url))
// E2E_PORT_OFFSET lets two checkouts run their browser tests side by side on one machine.
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0)
export const ports = { frontend: 3300 + offset, backend: 3301 + offset, simulator: 4310 + offset, mail: 3325 + offset }
export const baseURL = `http://localhost:${ports.frontend}`
const dataDir = `${root}.tmp/e2e-data-${process.pid}`

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json']],
  outputDir: `${root}.tmp/e2e-results`,
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's Chromium; Playwright never downloads a browser of its own here.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `rm -rf "${dataDir}" && "${process.execPath}" --import tsx scripts/start.ts`,
    cwd: root,
    url: `http://127.0.0.1:${ports.backend}/healthz`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      FRONTEND_PORT: String(ports.frontend),
      BACKEND_PORT: String(ports.backend),
      SIMULATOR_PORT: String(ports.simulator),
      MAIL_CATCHER_PORT: String(ports.mail),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // As a TLS terminator in front of the frontend would be: tests name the client with X-Forwarded-For.
      TRUSTED_PROXIES: '127.0.0.1',
      // The daily digest every minute (still one mail per member and day), so a test sees it arrive.
      ALERT_DIGEST_CRON: '* * * * *',
    },
  },
})
