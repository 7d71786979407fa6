import type { CrmObjectType } from '../change-feed'
import type { CrmRecord } from '../crm-record'
import { readProperty } from '../crm-record'
import { tokens } from './compile-filter'

/** The default text-searchable properties per type (search docs). */
const searchableProperties: Record<CrmObjectType, readonly string[]> = {
  tickets: ['subject', 'content', 'hs_object_id'],
  companies: ['name', 'domain', 'website', 'phone', 'hs_object_id'],
  contacts: ['firstname', 'lastname', 'email', 'phone', 'company', 'hs_object_id'],
  deals: ['dealname', 'hs_object_id'],
  tasks: ['hs_task_subject', 'hs_task_body', 'hs_object_id'],
}

/** `query`: every word must start some word of a searchable property (case-insensitive). */
export function queryMatcher(
  objectType: CrmObjectType,
  query: string | undefined,
): ((record: CrmRecord) => boolean) | undefined {
  const words = tokens((query ?? '').toLowerCase())
  if (words.length === 0) return undefined
  return (record) => {
    const haystack = searchableProperties[objectType].flatMap((name) =>
      tokens(readProperty(record, name)?.toLowerCase() ?? ''),
    )
    return words.every((word) => haystack.some((token) => token.startsWith(word)))
  }
}
