import { log } from '../log'

/** Who and where, for the log line of a failure: user, section, what was being done. */
export type GuardContext = Record<string, unknown>

/** A short reason from anything thrown: client bytes can make decoders throw strings, errors, anything. */
export function reasonOf(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`
  return String(err)
}

/**
 * The one rule for every path from a socket to the hub (upgrade, message, close, relayed change):
 * whatever `run` throws or rejects with is logged with its context and ends only what `end` ends (that
 * one connection, that one relayed message). Nothing a client sends can reach the event loop as an
 * uncaught exception and stop the process.
 */
export function shield(what: string, context: () => GuardContext, end: (err: unknown) => void, run: () => unknown) {
  const fail = (err: unknown) => {
    log.warn(`sync ${what} failed`, { ...context(), reason: reasonOf(err) })
    try {
      end(err)
    } catch (endErr) {
      log.error(`sync ${what}: ending the connection failed too`, { ...context(), reason: reasonOf(endErr) })
    }
  }
  try {
    const result = run()
    if (result instanceof Promise) result.catch(fail)
  } catch (err) {
    fail(err)
  }
}

/** `shield` as a listener: `socket.on('close', guarded('close', ctx, end, () => …))`. */
export function guarded<A extends unknown[]>(
  what: string,
  context: () => GuardContext,
  end: (err: unknown) => void,
  run: (...args: A) => unknown,
): (...args: A) => void {
  return (...args: A) => shield(what, context, end, () => run(...args))
}
