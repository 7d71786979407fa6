import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createTransport } from 'nodemailer'
import type { Logger } from 'pino'
import type { MailConfig } from '../config'
import type { Mailer } from './mailer'

/**
 * SMTP through nodemailer when SMTP_URL is set; otherwise (development only, config refuses it in
 * production) each mail is rendered by the same library into an .eml file in the outbox folder and
 * its text logged, so a reset link can be followed with no mail server at all.
 */
export function createMailer(config: MailConfig, logger: Logger): Mailer {
  if (config.kind === 'smtp') {
    const transport = createTransport(config.url)
    return {
      async send(mail) {
        await transport.sendMail({ from: config.from, ...mail })
      },
    }
  }
  const transport = createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  return {
    async send(mail) {
      const info = await transport.sendMail({ from: config.from, ...mail })
      mkdirSync(config.dir, { recursive: true })
      const file = join(
        config.dir,
        `${new Date().toISOString().replace(/[:.]/g, '-')}-${info.messageId.replace(/[^\w.@-]/g, '')}.eml`,
      )
      writeFileSync(file, info.message as Buffer)
      logger.info(
        { to: mail.to, subject: mail.subject, file, text: mail.text },
        'mail written to the development outbox',
      )
    },
  }
}
