/**
 * What a Slack webhook's answer means for the delivery. Slack answers 404 `no_service` for a removed
 * webhook, 410 for an archived channel and 403 when posting is forbidden: the URL will not work again
 * until someone changes it. 429 and 5xx pass; anything else is our message being refused.
 * @example classifySlackAnswer(404) // 'url_gone'
 */
export function classifySlackAnswer(status: number | 'network_error'): 'sent' | 'url_gone' | 'retry' | 'refused' {
  if (status === 'network_error' || status === 429 || status >= 500) return 'retry'
  if (status >= 200 && status < 300) return 'sent'
  if (status === 403 || status === 404 || status === 410) return 'url_gone'
  return 'refused'
}
