import net from 'node:net'
import { startServerProcess } from './tests/support/server-process'
import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path'
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-'))
const s = await startServerProcess({ DATA_DIR: dir })
function upload(size: number, paceMs: number): Promise<string> {
  const { port } = new URL(s.url)
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), '127.0.0.1')
    socket.pause()
    let answer = ''
    socket.on('data', (d) => (answer += d))
    socket.on('error', (e: any) => resolve('error ' + e.code + ' after ' + answer.slice(0, 12)))
    socket.on('end', () => resolve(answer.slice(0, 12)))
    socket.write(`POST /api/auth/signup HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${size}\r\n\r\n`)
    const chunk = Buffer.alloc(64 * 1024, 'x')
    let sent = 0
    const tick = () => {
      if (sent >= size) { socket.resume(); setTimeout(() => resolve(answer.slice(0, 12) || 'nothing'), 1000); return }
      const n = Math.min(chunk.length, size - sent); sent += n
      socket.write(chunk.subarray(0, n)); setTimeout(tick, paceMs)
    }
    tick()
  })
}
console.log(await upload(10 * 1024 * 1024, 5))
await s.stop('SIGKILL')
