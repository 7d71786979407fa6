import { createHash } from 'node:crypto'

/**
 * Seeded, reproducible randomness. Every value is sha256(seed, stream, counter), so each named stream
 * advances on its own: issuing a token never shifts the next correlation id, and two simulators with
 * the same seed hand out the same values for the same sequence of calls.
 */
export interface SeededRandom {
  /** The next `length` bytes of `stream`. */
  bytes(stream: string, length: number): Buffer
  /** Bytes that depend only on seed and label (no counter): for seeded fixtures such as app credentials. */
  fixedBytes(label: string, length: number): Buffer
  uuid(stream: string): string
  fixedUuid(label: string): string
  /** Integer in [min, max], fixed per label. */
  fixedInt(label: string, min: number, max: number): number
}

export function createSeededRandom(seed: string): SeededRandom {
  const counters = new Map<string, number>()

  const derive = (input: string, length: number): Buffer => {
    const blocks: Buffer[] = []
    for (let block = 0; blocks.length * 32 < length; block++) {
      blocks.push(createHash('sha256').update(`${seed}\0${input}\0${block}`).digest())
    }
    return Buffer.concat(blocks).subarray(0, length)
  }

  const bytes = (stream: string, length: number): Buffer => {
    const counter = counters.get(stream) ?? 0
    counters.set(stream, counter + 1)
    return derive(`${stream}\0${counter}`, length)
  }

  const fixedBytes = (label: string, length: number): Buffer => derive(`fixed\0${label}`, length)

  return {
    bytes,
    fixedBytes,
    uuid: (stream) => formatUuid(bytes(stream, 16)),
    fixedUuid: (label) => formatUuid(fixedBytes(label, 16)),
    fixedInt: (label, min, max) => min + (fixedBytes(label, 6).readUIntBE(0, 6) % (max - min + 1)),
  }
}

/** RFC 4122 version-4 layout, so the values pass uuid validators in client code. */
function formatUuid(raw: Buffer): string {
  const b = Buffer.from(raw)
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80
  const hex = b.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`
}
