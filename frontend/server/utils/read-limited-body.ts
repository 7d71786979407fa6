import type { IncomingMessage } from 'node:http'

/**
 * Reads a request body, counting bytes as they arrive and stopping at `limit` (a declared
 * Content-Length over the limit is refused before reading), so an oversized or endless chunked body
 * never sits whole in memory. Null when it is too large: the rest is then read and dropped, so the
 * client, still sending, receives the 413 instead of a reset connection (a socket closed with
 * unread data resets, and a reset can discard the answer before the client reads it), up to
 * `DRAIN_LIMIT_BYTES`. Past that, reading stops, so a client that keeps sending is held back by
 * TCP itself, and the connection is cut `LINGER_MS` later, once the answer has had time to arrive.
 */
const DRAIN_LIMIT_BYTES = 4 * 1024 * 1024
const LINGER_MS = 2_000

function drain(request: IncomingMessage): void {
  let dropped = 0
  const onData = (chunk: Buffer) => {
    dropped += chunk.length
    if (dropped <= DRAIN_LIMIT_BYTES) return
    request.off('data', onData)
    request.pause()
    setTimeout(() => request.socket.destroy(), LINGER_MS).unref()
  }
  request.on('data', onData)
  request.resume()
}

export function readLimitedBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(request.headers['content-length'] ?? 0)
  if (declared > limit) {
    drain(request)
    return Promise.resolve(null)
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const stop = () => {
      request.off('data', onData)
      request.off('end', onEnd)
      request.off('error', onError)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) return void chunks.push(chunk)
      stop()
      drain(request)
      resolve(null)
    }
    const onEnd = () => {
      stop()
      resolve(Buffer.concat(chunks))
    }
    const onError = (error: Error) => {
      stop()
      reject(error)
    }
    request.on('data', onData)
    request.on('end', onEnd)
    request.on('error', onError)
  })
}
