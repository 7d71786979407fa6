/** A deal stage as HubSpot describes it: `probability` and `isClosed` are strings in the API's metadata. */
export interface DealStage {
  id: string
  label: string
  probability: string
  isClosed: boolean
}

/** One deal pipeline; `createdAt` null means a HubSpot default (the API shows the epoch, without milliseconds). */
export interface DealPipeline {
  id: string
  label: string
  displayOrder: number
  createdAt: number | null
  stages: DealStage[]
}
