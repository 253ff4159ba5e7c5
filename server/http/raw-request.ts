import { type RequestListener, type ServerResponse, createServer } from 'node:http'
import type { ErrorBody } from '../../shared/api/errors'
import { LIMITS } from '../../shared/limits'

export const PAYLOAD_TOO_LARGE = `The request body is larger than ${LIMITS.requestBodyBytes / 1024} KiB.`

/**
 * Past this a declared body is not read even to be thrown away: the connection closes after the answer
 * (a client still sending may then see a reset, as it would from any server).
 */
const MAX_DISCARDED_BYTES = 64 * 1024 * 1024

/** A path segment that URL parsing would resolve away: `.`, `..`, and their percent-encoded spellings. */
const DOT_SEGMENT = /(^|\/)(\.|%2e){1,2}(\/|$)/i

function answer(res: ServerResponse, status: number, error: ErrorBody['error'], close = false) {
  const body = JSON.stringify({ error } satisfies ErrorBody)
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    ...(close ? { connection: 'close' } : {}),
  })
  res.end(body)
}

/**
 * What is refused before the app sees a request, because by then it is too late:
 * - a body declared larger than the API reads: 413 at once, before a byte of it is read. The rest is then
 *   read and thrown away by Node (the connection is kept), so a client that sends its whole body before
 *   reading sees the 413 rather than a reset once the server stops reading;
 * - a request target with dot segments (`/api/plans/%2e%2e/health`): the URL parser would resolve them
 *   and serve another route; ids are never `.` or `..`, so 400.
 */
function guardRawRequests(next: RequestListener): RequestListener {
  return (req, res) => {
    if (DOT_SEGMENT.test((req.url ?? '/').split(/[?#]/)[0]!))
      return answer(res, 400, { code: 'bad_path', message: 'The path has "." or ".." segments, which are refused.' })
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > LIMITS.requestBodyBytes)
      return answer(res, 413, { code: 'payload_too_large', message: PAYLOAD_TOO_LARGE }, declared > MAX_DISCARDED_BYTES)
    return next(req, res)
  }
}

/** `createServer` for @hono/node-server's `serve`, with `guardRawRequests` in front of the app. */
export const createGuardedServer = ((options: object, listener: RequestListener) =>
  createServer(options, guardRawRequests(listener))) as unknown as typeof createServer
