import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createLogger } from '../http/create-logger'
import { createMailer } from './create-mailer'

describe('the development outbox', () => {
  it('writes each mail as an .eml file and logs its text, with no mail server', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'churnlens-outbox-')), 'outbox')
    const lines: string[] = []
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) })
    const mailer = createMailer({ kind: 'outbox', dir, from: 'Churnlens <no-reply@localhost>' }, logger)
    await mailer.send({ to: 'ada@example.com', subject: 'Hello', text: 'Follow http://localhost:3000/x' })
    const files = readdirSync(dir)
    expect(files).toHaveLength(1)
    const eml = readFileSync(join(dir, files[0]!), 'utf8')
    expect(eml).toContain('To: ada@example.com')
    expect(eml).toContain('Subject: Hello')
    expect(eml).toContain('Follow http://localhost:3000/x')
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({
      msg: 'mail written to the development outbox',
      to: 'ada@example.com',
    })
  })
})
