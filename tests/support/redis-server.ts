import { type ChildProcess, spawn } from 'node:child_process'
import net from 'node:net'
import { freePort } from './server-process'

/**
 * A Redis server of the test's own (the machine's `redis-server` binary on a free port), so a test can
 * stop and restart it without disturbing other suites that use the shared one.
 */
export async function startRedisServer() {
  const port = await freePort()
  let child: ChildProcess | null = null
  const up = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    })
    const deadline = Date.now() + 10_000
    while (Date.now() < deadline) {
      const open = await new Promise<boolean>((resolve) => {
        const s = net.connect(port, '127.0.0.1', () => (s.destroy(), resolve(true)))
        s.on('error', () => resolve(false))
      })
      if (open) return
      await new Promise((r) => setTimeout(r, 50))
    }
    throw new Error(`redis-server did not start on port ${port}`)
  }
  await up()
  return {
    url: `redis://127.0.0.1:${port}`,
    /** Kill it (as an outage would) and wait until it is gone. */
    stop: () =>
      new Promise<void>((resolve) => {
        const c = child
        if (!c || c.exitCode !== null) return resolve()
        c.once('exit', () => resolve())
        c.kill('SIGKILL')
      }),
    start: up,
  }
}
