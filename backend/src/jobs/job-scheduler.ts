import type { ModelTrigger } from '../churn/model/model-trigger'

/** How request handlers ask for background work without knowing the queue. */
export interface JobScheduler {
  requestSync(integrationId: string, reason: 'connected' | 'scheduled' | 'manual'): Promise<void>
  /** New events are in the webhook inbox. */
  requestWebhookProcessing(): Promise<void>
  /** Score every company of a workspace again (after changing weights, say). */
  requestRescore(workspaceId: string): Promise<void>
  /** Backtest the score on the workspace's own churn history. */
  requestModelRun(workspaceId: string, trigger: ModelTrigger): Promise<void>
  /** A scoring pass finished: see which alerts it makes due. */
  requestAlertCheck(workspaceId: string): Promise<void>
  /** Apply the workspace's revenue and renewal sources to every company again (after a save, or a sync pass). */
  requestCompanyValues(workspaceId: string): Promise<void>
}

/**
 * The queue starts after the app is built (it needs the same deps), so requests made before it is
 * attached wait here and are handed over on attach, not dropped.
 */
export function createDeferredScheduler(): JobScheduler & { attach(target: JobScheduler): Promise<void> } {
  let target: JobScheduler | null = null
  const pending: Parameters<JobScheduler['requestSync']>[] = []
  let inboxPending = false
  const rescores: string[] = []
  const modelRuns: Parameters<JobScheduler['requestModelRun']>[] = []
  const alertChecks = new Set<string>()
  const companyValues = new Set<string>()
  return {
    async requestCompanyValues(workspaceId) {
      if (target) return target.requestCompanyValues(workspaceId)
      companyValues.add(workspaceId)
    },
    async requestAlertCheck(workspaceId) {
      if (target) return target.requestAlertCheck(workspaceId)
      alertChecks.add(workspaceId)
    },
    async requestModelRun(workspaceId, trigger) {
      if (target) return target.requestModelRun(workspaceId, trigger)
      modelRuns.push([workspaceId, trigger])
    },
    async requestRescore(workspaceId) {
      if (target) return target.requestRescore(workspaceId)
      rescores.push(workspaceId)
    },
    async requestSync(integrationId, reason) {
      if (target) return target.requestSync(integrationId, reason)
      pending.push([integrationId, reason])
    },
    async requestWebhookProcessing() {
      if (target) return target.requestWebhookProcessing()
      inboxPending = true
    },
    async attach(next) {
      target = next
      for (const args of pending.splice(0)) await next.requestSync(...args)
      if (inboxPending) await next.requestWebhookProcessing()
      for (const workspaceId of rescores.splice(0)) await next.requestRescore(workspaceId)
      for (const args of modelRuns.splice(0)) await next.requestModelRun(...args)
      for (const workspaceId of alertChecks) await next.requestAlertCheck(workspaceId)
      alertChecks.clear()
      for (const workspaceId of companyValues) await next.requestCompanyValues(workspaceId)
      companyValues.clear()
    },
  }
}
