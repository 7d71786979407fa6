import type { CrmObjectType } from '../change-feed'
import { lastModifiedProperty } from '../object-types'
import type { PortalCrm } from '../portal-crm'
import { defaultProperties } from '../property-definitions'

/**
 * The property names a response carries: the requested ones the portal defines (unknown names are silently
 * ignored), or the default set; HubSpot always adds hs_object_id, createdate and the last-modified date.
 */
export function selectProperties(
  portal: PortalCrm,
  objectType: CrmObjectType,
  requested: readonly string[] | undefined,
): string[] {
  const definitions = portal.properties[objectType]
  const wanted =
    requested && requested.length > 0
      ? requested.filter((name) => definitions.has(name))
      : defaultProperties[objectType]
  return [...new Set([...wanted, 'createdate', lastModifiedProperty[objectType], 'hs_object_id'])]
}

/** `propertiesWithHistory`: the requested names the portal defines, unknown ones silently ignored. */
export function selectHistoryProperties(
  portal: PortalCrm,
  objectType: CrmObjectType,
  requested: readonly string[] | undefined,
): string[] {
  const definitions = portal.properties[objectType]
  return [...new Set((requested ?? []).filter((name) => definitions.has(name)))]
}
