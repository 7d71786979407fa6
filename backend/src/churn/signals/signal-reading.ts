import type { ChurnSignal } from '@churnlens/contracts'

/** One signal's verdict on a company: how strongly it fires (0–1) and the evidence in words. */
export interface SignalReading {
  signal: ChurnSignal
  /** 0 = silent, 1 = as strong as this signal gets; points are weight × strength. */
  strength: number
  evidence: string
  ticketIds: number[]
}
