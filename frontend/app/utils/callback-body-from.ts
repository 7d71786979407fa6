import type { CallbackBody } from '@churnlens/contracts'
import type { LocationQuery } from 'vue-router'
import { queryValue } from './query-value'

/**
 * HubSpot's redirect query as the callback endpoint takes it: passed on as it came, absent keys left out.
 * An `error` wins over a `code`; with neither, HubSpot did not send the person back properly and the result is null.
 * @example callbackBodyFrom({ code: 'abc', state: 's1' }) // { code: 'abc', state: 's1' }
 */
export function callbackBodyFrom(query: LocationQuery): CallbackBody | null {
  const code = queryValue(query.code)
  const state = queryValue(query.state)
  const error = queryValue(query.error)
  const description = queryValue(query.error_description)
  const withState = state === undefined ? {} : { state }
  if (error !== undefined)
    return { error, ...(description === undefined ? {} : { error_description: description }), ...withState }
  if (code !== undefined) return { code, ...withState }
  return null
}
