import { describe, expect, it } from 'vitest'
import { callbackBodyFrom } from '../../app/utils/callback-body-from'

describe('callbackBodyFrom', () => {
  it.each([
    [
      { code: 'abc', state: 's1' },
      { code: 'abc', state: 's1' },
    ],
    [{ code: 'abc' }, { code: 'abc' }],
    [
      { code: ['abc', 'def'], state: 's1' },
      { code: 'abc', state: 's1' },
    ],
    [
      { error: 'access_denied', error_description: 'User denied', state: 's1' },
      { error: 'access_denied', error_description: 'User denied', state: 's1' },
    ],
    [
      { error: 'access_denied', state: 's1' },
      { error: 'access_denied', state: 's1' },
    ],
    [
      { error: 'access_denied', code: 'abc', state: 's1' },
      { error: 'access_denied', state: 's1' },
    ],
    [{ code: '', state: 's1', extra: 'x' }, null],
    [{ state: 's1' }, null],
    [{}, null],
  ])('maps %j to %j', (query, expected) => {
    expect(callbackBodyFrom(query)).toEqual(expected)
  })
})
