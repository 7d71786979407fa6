import type { SealContext } from '../crypto/token-cipher'

/** The Slack URL is a bearer secret: sealed, and bound to its workspace's row. */
export const slackUrlSeal = (workspaceId: string): SealContext => ({
  table: 'alert_slack_targets',
  rowId: workspaceId,
  column: 'url_sealed',
})
