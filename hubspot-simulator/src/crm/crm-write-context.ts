import type { ChangeFeed } from './change-feed'
import type { PortalCrm } from './portal-crm'

/** Where a write lands and how it is reported. Public API writes use changeSource "API", control writes "CRM_UI". */
export interface CrmWriteContext {
  portal: PortalCrm
  now: number
  changes: ChangeFeed
  changeSource: 'API' | 'CRM_UI'
  /** The HubSpot user a CRM_UI write is made as (property history names them). */
  userId?: number
}
