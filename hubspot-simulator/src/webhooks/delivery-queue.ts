import type { SimState } from '../state/sim-state'
import type { AppWebhookConfigs } from './app-webhook-config'
import { maxRetries, retryDelayMs } from './retry-delay'
import { sendBatch, shouldRetry } from './send-batch'
import { deliveryHeaders } from './sign-delivery'
import type { DeliveryRecord, HubSpotWebhookEvent } from './webhook-types'

/** HubSpot posts at most 100 events per request. */
export const maxBatchSize = 100

export interface DeliveryQueueConfig {
  fetch: typeof fetch
  retryBaseMs: number
  batchWindowMs: number
  timeoutMs: number
  duplicateRate: number
  shuffle: boolean
}

export interface DeliveryQueue {
  enqueue(event: HubSpotWebhookEvent): void
  /** Re-checks every lane's concurrency limit (after maxConcurrentRequests changes). */
  pumpAll(): void
  flush(): Promise<void>
  deliveries(): DeliveryRecord[]
  /** Drops queued batches and pending retries; attempts already in flight finish unrecorded and are not retried. */
  clear(): void
  clearLog(): void
}

interface Batch {
  id: number
  appId: number
  portalId: number
  events: HubSpotWebhookEvent[]
  attemptNumber: number
}

/** One (app, portal) pair: HubSpot batches and throttles per installing account of an app. */
interface Lane {
  appId: number
  portalId: number
  gathering: HubSpotWebhookEvent[]
  /** Duplicates travel in their own later requests, as redelivered events do. */
  duplicates: HubSpotWebhookEvent[]
  gatherTimer: ReturnType<typeof setTimeout> | undefined
  ready: Batch[]
  inFlight: number
}

/** Batching, per-lane concurrency and the retry schedule. Delays are real time; timestamps come from the simulator clock. */
export function createDeliveryQueue(
  state: SimState,
  configs: AppWebhookConfigs,
  config: DeliveryQueueConfig,
): DeliveryQueue {
  let lanes = new Map<string, Lane>()
  const retryTimers = new Set<ReturnType<typeof setTimeout>>()
  const log: DeliveryRecord[] = []
  let waiters: (() => void)[] = []
  let nextBatchId = 1
  // Bumped by clear(): attempts started before it must not log or retry into the fresh state.
  let generation = 0

  const draw = (stream: string): number => state.random.bytes(`webhooks:${stream}`, 4).readUInt32BE(0) / 2 ** 32

  const notify = (): void => {
    const current = waiters
    waiters = []
    for (const wake of current) wake()
  }

  const laneFor = (appId: number, portalId: number): Lane => {
    const key = `${appId}:${portalId}`
    let lane = lanes.get(key)
    if (!lane) {
      lane = { appId, portalId, gathering: [], duplicates: [], gatherTimer: undefined, ready: [], inFlight: 0 }
      lanes.set(key, lane)
    }
    return lane
  }

  const shuffleInPlace = (events: HubSpotWebhookEvent[]): void => {
    for (let i = events.length - 1; i > 0; i--) {
      const j = Math.floor(draw('shuffle') * (i + 1))
      const swap = events[i]
      const other = events[j]
      if (swap === undefined || other === undefined) continue
      events[i] = other
      events[j] = swap
    }
  }

  const cut = (lane: Lane): void => {
    clearTimeout(lane.gatherTimer)
    lane.gatherTimer = undefined
    for (const group of [lane.gathering.splice(0), lane.duplicates.splice(0)]) {
      if (config.shuffle) shuffleInPlace(group)
      for (let start = 0; start < group.length; start += maxBatchSize) {
        const events = group.slice(start, start + maxBatchSize)
        lane.ready.push({ id: nextBatchId++, appId: lane.appId, portalId: lane.portalId, events, attemptNumber: 0 })
      }
    }
    pump(lane)
  }

  const pump = (lane: Lane): void => {
    const limit = configs.get(lane.appId).maxConcurrentRequests
    while (lane.inFlight < limit) {
      const batch = lane.ready.shift()
      if (!batch) break
      lane.inFlight += 1
      attempt(lane, batch)
        .catch((error: unknown) => console.error('hubspot-simulator: webhook delivery failed unexpectedly', error))
        .finally(() => {
          lane.inFlight -= 1
          pump(lane)
          notify()
        })
    }
  }

  const scheduleRetry = (lane: Lane, batch: Batch, retryAfterMs: number | undefined): void => {
    const delay = Math.max(
      retryDelayMs(batch.attemptNumber + 1, config.retryBaseMs, draw('retry-jitter')),
      retryAfterMs ?? 0,
    )
    const timer = setTimeout(() => {
      retryTimers.delete(timer)
      batch.attemptNumber += 1
      lane.ready.push(batch)
      pump(lane)
      notify()
    }, delay)
    retryTimers.add(timer)
  }

  const attempt = async (lane: Lane, batch: Batch): Promise<void> => {
    const startedIn = generation
    const app = state.apps.find((candidate) => candidate.appId === batch.appId)
    const targetUrl = configs.get(batch.appId).targetUrl
    // Settings deleted (or app gone) while queued: HubSpot pauses delivery, so the batch is dropped.
    if (!app || targetUrl === null) return
    const at = state.clock.now()
    const body = JSON.stringify(batch.events.map((event) => ({ ...event, attemptNumber: batch.attemptNumber })))
    const outcome = await sendBatch({
      fetch: config.fetch,
      url: targetUrl,
      headers: deliveryHeaders(app.clientSecret, targetUrl, body, at, config.timeoutMs),
      body,
      timeoutMs: config.timeoutMs,
    })
    if (startedIn !== generation) return
    log.push({
      batchId: batch.id,
      appId: batch.appId,
      portalId: batch.portalId,
      attemptNumber: batch.attemptNumber,
      eventCount: batch.events.length,
      status: outcome.status,
      at,
    })
    if (shouldRetry(outcome.status) && batch.attemptNumber < maxRetries)
      scheduleRetry(lane, batch, outcome.retryAfterMs)
  }

  const idle = (): boolean =>
    retryTimers.size === 0 &&
    [...lanes.values()].every(
      (lane) =>
        lane.gathering.length === 0 && lane.duplicates.length === 0 && lane.ready.length === 0 && lane.inFlight === 0,
    )

  return {
    enqueue(event) {
      const lane = laneFor(event.appId, event.portalId)
      lane.gathering.push(event)
      if (config.duplicateRate > 0 && draw('duplicate') < config.duplicateRate) lane.duplicates.push(event)
      if (lane.gathering.length >= maxBatchSize) cut(lane)
      else lane.gatherTimer ??= setTimeout(() => cut(lane), config.batchWindowMs)
    },
    pumpAll: () => {
      for (const lane of lanes.values()) pump(lane)
    },
    async flush() {
      for (;;) {
        for (const lane of lanes.values()) cut(lane)
        if (idle()) return
        await new Promise<void>((resolve) => waiters.push(resolve))
      }
    },
    deliveries: () => log.map((record) => ({ ...record })),
    clear() {
      generation += 1
      for (const lane of lanes.values()) {
        clearTimeout(lane.gatherTimer)
        // Emptied, not just forgotten: an in-flight attempt still pumps its old lane when it settles.
        lane.gathering.length = 0
        lane.duplicates.length = 0
        lane.ready.length = 0
      }
      for (const timer of retryTimers) clearTimeout(timer)
      retryTimers.clear()
      lanes = new Map()
      notify()
    },
    clearLog: () => {
      log.length = 0
    },
  }
}
