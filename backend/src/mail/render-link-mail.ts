import type { OutgoingMail } from './mailer'

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!)

/**
 * The product's mails are all one shape: a few sentences, one action, a closing note. The text part
 * carries the link in full; the HTML part is one column of plain text with a real link (no images,
 * no tables), which screen readers and text-only clients read the same way.
 */
export function renderLinkMail(input: {
  to: string
  subject: string
  intro: string[]
  action: { label: string; url: string }
  outro: string[]
}): OutgoingMail {
  const text = [...input.intro, '', `${input.action.label}: ${input.action.url}`, '', ...input.outro].join('\n')
  const paragraphs = (lines: string[]) => lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')
  const html = [
    '<!doctype html>',
    `<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(input.subject)}</title></head>`,
    '<body style="font-family: system-ui, sans-serif; font-size: 16px; line-height: 1.5; max-width: 36em">',
    paragraphs(input.intro),
    `<p><a href="${escapeHtml(input.action.url)}">${escapeHtml(input.action.label)}</a></p>`,
    `<p>Or copy this address into your browser: ${escapeHtml(input.action.url)}</p>`,
    paragraphs(input.outro),
    '</body></html>',
  ].join('\n')
  return { to: input.to, subject: input.subject, text, html }
}
