import net from 'node:net'

/**
 * A TCP load balancer for tests, as nginx or HAProxy would be: each new connection goes to the next
 * backend in turn, skipping any that refuses it (a killed process), so a client's reconnect lands on
 * a process that is alive. Connections are not moved once made: a backend's death closes its own.
 */
export async function startBalancer(backendPorts: number[]) {
  let next = 0
  const sockets = new Set<net.Socket>()
  const track = (s: net.Socket) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
    s.on('error', () => s.destroy())
  }
  const server = net.createServer((client) => {
    track(client)
    client.pause()
    const start = next++ % backendPorts.length
    const attempt = (tried: number) => {
      if (tried === backendPorts.length || client.destroyed) return client.destroy()
      const backend = net.connect(backendPorts[(start + tried) % backendPorts.length]!, '127.0.0.1')
      backend.once('error', () => attempt(tried + 1))
      backend.once('connect', () => {
        track(backend)
        client.pipe(backend).pipe(client)
        client.on('close', () => backend.destroy())
        backend.on('close', () => client.destroy())
        client.resume()
      })
    }
    attempt(0)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}
