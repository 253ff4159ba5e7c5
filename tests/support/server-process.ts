import { type ChildProcess, spawn } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'

/** A real Planroom process (as `npm start` runs it), for sync, crash and browser tests. */
export interface ServerProcess {
  url: string
  port: number
  child: ChildProcess
  output: () => string
  stop(signal?: NodeJS.Signals): Promise<void>
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

const ROOT = path.resolve(import.meta.dirname, '../..')

/**
 * `nodeArgs`: extra flags for node itself (e.g. `--cpu-prof`, which NODE_OPTIONS does not allow).
 * `compiled`: a server build to run (its main.js) instead of the sources under tsx.
 */
export async function startServerProcess(
  env: Record<string, string>,
  port?: number,
  nodeArgs: string[] = [],
  compiled?: string,
): Promise<ServerProcess> {
  const chosen = port ?? (await freePort())
  // PLANROOM_COMPILED=1 (the benchmarks): the build `npm start` runs, not the sources under tsx.
  const build = compiled ?? (process.env.PLANROOM_COMPILED === '1' ? 'dist/server/main.js' : null)
  const entry = build ? [build] : ['--import', 'tsx', 'server/main.ts']
  const child = spawn(process.execPath, [...nodeArgs, ...entry], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', ...env, PORT: String(chosen) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr.on('data', (d: Buffer) => (out += d.toString()))
  const url = `http://127.0.0.1:${chosen}`
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${out}`)
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.ok) break
    } catch {
      // Not listening yet: try again.
    }
    await new Promise((r) => setTimeout(r, 150))
  }
  if (Date.now() >= deadline) {
    child.kill('SIGKILL')
    throw new Error(`server did not start:\n${out}`)
  }
  return {
    url,
    port: chosen,
    child,
    output: () => out,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill(signal)
      }),
  }
}
