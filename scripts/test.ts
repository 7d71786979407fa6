/**
 * `npm test`: lint and the format check, typecheck, unit and simulator tests, integration tests on PGlite and on real
 * Postgres, and the browser tests; then one line `N passed, N failed` summing every suite.
 * Postgres: TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test if it answers.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

const root = fileURLToPath(new URL('..', import.meta.url))
const reports = join(root, '.tmp/test-reports')
rmSync(reports, { recursive: true, force: true })
mkdirSync(reports, { recursive: true })

interface Outcome {
  suite: string
  passed: number
  failed: number
  skipped: number
  note?: string
}
const outcomes: Outcome[] = []

function exec(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
    child.on('exit', (code) => resolve(code ?? 1))
  })
}

const bin = (name: string) => join(root, 'node_modules/.bin', name)

async function check(suite: string, command: string, args: string[]) {
  console.log(`\n=== ${suite} ===`)
  const code = await exec(command, args)
  outcomes.push({ suite, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 })
}

async function vitest(suite: string, projects: string[], env: Record<string, string> = {}) {
  console.log(`\n=== ${suite} ===`)
  const file = join(reports, `${suite.replace(/\W+/g, '-')}.json`)
  const code = await exec(
    bin('vitest'),
    [
      'run',
      ...projects.flatMap((p) => ['--project', p]),
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${file}`,
    ],
    env,
  )
  try {
    const report = JSON.parse(readFileSync(file, 'utf8')) as {
      numPassedTests: number
      numFailedTests: number
      numPendingTests: number
      numTodoTests: number
      success: boolean
    }
    // A file that fails to load counts no tests but fails the run: count it as a failure.
    const failed = report.numFailedTests + (code !== 0 && report.numFailedTests === 0 ? 1 : 0)
    outcomes.push({
      suite,
      passed: report.numPassedTests,
      failed,
      skipped: report.numPendingTests + report.numTodoTests,
    })
  } catch {
    outcomes.push({ suite, passed: 0, failed: 1, skipped: 0, note: `no report (exit ${code})` })
  }
}

async function playwright() {
  console.log('\n=== end-to-end (Playwright, Chromium) ===')
  const file = join(reports, 'e2e.json')
  const code = await exec(bin('playwright'), ['test', '--config', 'e2e/playwright.config.ts'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: file,
  })
  try {
    const report = JSON.parse(readFileSync(file, 'utf8')) as {
      stats: { expected: number; unexpected: number; flaky: number; skipped: number }
    }
    const failed = report.stats.unexpected + (code !== 0 && report.stats.unexpected === 0 ? 1 : 0)
    outcomes.push({
      suite: 'e2e',
      passed: report.stats.expected + report.stats.flaky,
      failed,
      skipped: report.stats.skipped,
    })
  } catch {
    outcomes.push({ suite: 'e2e', passed: 0, failed: 1, skipped: 0, note: `no report (exit ${code})` })
  }
}

async function postgresUrl(): Promise<string | null> {
  const candidate = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
  const client = new pg.Client({ connectionString: candidate, connectionTimeoutMillis: 1500 })
  try {
    await client.connect()
    await client.end()
    return candidate
  } catch (error) {
    if (process.env.TEST_DATABASE_URL) throw new Error(`TEST_DATABASE_URL does not answer: ${(error as Error).message}`)
    return null
  }
}

const only = process.argv.slice(2)
const wanted = (name: string) => only.length === 0 || only.includes(name)

if (wanted('lint')) await check('lint', 'npm', ['run', '--silent', 'lint'])
if (wanted('lint')) await check('format', 'npm', ['run', '--silent', 'format:check'])
if (wanted('typecheck')) await check('typecheck', 'npm', ['run', '--silent', 'typecheck'])
if (wanted('unit')) await vitest('unit + simulator', ['unit', 'simulator'])
if (wanted('integration')) await vitest('integration (PGlite)', ['integration'], { TEST_DB: 'pglite' })
if (wanted('integration')) {
  const url = await postgresUrl()
  if (url) await vitest('integration (Postgres)', ['integration'], { TEST_DB: 'postgres', TEST_DATABASE_URL: url })
  else
    outcomes.push({
      suite: 'integration (Postgres)',
      passed: 0,
      failed: 0,
      skipped: 0,
      note: 'skipped: no Postgres at TEST_DATABASE_URL or 127.0.0.1:5432',
    })
}
if (wanted('e2e')) await playwright()

console.log('\n=== summary ===')
for (const o of outcomes)
  console.log(
    `${o.suite.padEnd(26)} ${o.passed} passed, ${o.failed} failed${o.skipped ? `, ${o.skipped} skipped` : ''}${o.note ? `  (${o.note})` : ''}`,
  )
const passed = outcomes.reduce((n, o) => n + o.passed, 0)
const failed = outcomes.reduce((n, o) => n + o.failed, 0)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
