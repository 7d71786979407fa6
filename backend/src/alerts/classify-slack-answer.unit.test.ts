import { describe, expect, it } from 'vitest'
import { classifySlackAnswer } from './classify-slack-answer'

describe('classifySlackAnswer', () => {
  it.each([
    [200, 'sent'],
    [204, 'sent'],
    [404, 'url_gone'],
    [410, 'url_gone'],
    [403, 'url_gone'],
    [400, 'refused'],
    [413, 'refused'],
    [429, 'retry'],
    [500, 'retry'],
    [503, 'retry'],
    ['network_error', 'retry'],
  ] as const)('%s → %s', (status, verdict) => {
    expect(classifySlackAnswer(status)).toBe(verdict)
  })
})
