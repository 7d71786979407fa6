import { describe, expect, it } from 'vitest'
import { safeNextPath } from '../../app/utils/safe-next-path'

describe('safeNextPath', () => {
  it.each([
    ['/settings/integrations', '/settings/integrations'],
    ['/onboarding/analyze?tab=1#x', '/onboarding/analyze?tab=1#x'],
    ['/', '/'],
  ])('keeps the same-site path %s', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected)
  })

  it.each([
    ['//evil.test'],
    ['/\\evil.test'],
    ['https://evil.test/'],
    ['javascript:alert(1)'],
    ['/\t/evil.test'],
    ['relative/path'],
    [''],
    [undefined],
    [['/a', '/b']],
  ])('falls back for %j', (next) => {
    expect(safeNextPath(next)).toBe('/')
  })
})
