// `npm run dev`: the server under `tsx watch` on :3000 and vite's dev server on :5173 (proxying /api and
// /sync to it), stopped together.
import { spawn } from 'node:child_process'
import path from 'node:path'
import process from 'node:process'

const bin = (name) => path.resolve(import.meta.dirname, '../node_modules/.bin', name)
const children = [
  spawn(bin('tsx'), ['watch', 'server/main.ts'], { stdio: 'inherit' }),
  spawn(bin('vite'), [], { stdio: 'inherit' }),
]
const stop = (signal) => children.forEach((child) => child.exitCode === null && child.kill(signal))
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(signal))
for (const child of children) child.on('exit', () => stop('SIGTERM'))
