import { createTransport } from 'nodemailer'
import type { Mailer } from './mailer'

/**
 * Mail over SMTP through nodemailer, to a real server in production and to the local mail catcher
 * in development and tests: the same code path everywhere, so what tests read is what was sent.
 */
export function createMailer(smtp: { url: string; from: string }): Mailer {
  const transport = createTransport(smtp.url)
  return {
    async send(mail) {
      await transport.sendMail({ from: smtp.from, ...mail })
    },
  }
}
