import type { LocationQueryValue } from 'vue-router'

/** The first non-empty string of a query parameter (`?a=1&a=2` gives '1'), or undefined. */
export function queryValue(value: LocationQueryValue | LocationQueryValue[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value
  return typeof first === 'string' && first !== '' ? first : undefined
}
