/** What started a backtest of the score on a workspace's own history. */
export type ModelTrigger = 'definition' | 'full_sync' | 'weekly' | 'manual'
