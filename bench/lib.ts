import { type ChildProcess, spawn } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'
import { ApiClient, type PlanBody, httpTarget, workspaceFixture } from '../tests/support/api'

export const ROOT = path.resolve(import.meta.dirname, '..')

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export function quantile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!
}

export const median = (xs: number[]) =>
  quantile(
    [...xs].sort((a, b) => a - b),
    0.5,
  )

export const round = (x: number, digits = 1) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : x)

/** Resolves once something accepts TCP connections on the port. */
export async function waitForPort(port: number, child?: ChildProcess, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`process exited early (${child.exitCode})`)
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1')
      s.once('connect', () => (s.destroy(), resolve(true)))
      s.once('error', () => resolve(false))
    })
    if (ok) return
    await sleep(100)
  }
  throw new Error(`nothing listens on ${port}`)
}

/** Run a command to completion, returning its stdout (stderr is passed through on failure). `onStdout` sees output as it comes. */
export function run(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; onStdout?: (chunk: string) => void } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => {
      out += d
      opts.onStdout?.(String(d))
    })
    child.stderr.on('data', (d) => (err += d))
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${err.slice(-4000)}`)),
    )
  })
}

export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
    child.once('exit', () => (clearTimeout(timer), resolve()))
    child.kill(signal)
  })
}

/** A user with a workspace and enough plans for `minSections` sections on a running server: their session cookie and the section ids. */
export async function sectionsOnServer(
  url: string,
  minSections: number,
): Promise<{ owner: ApiClient; cookie: string; sectionIds: string[] }> {
  const fx = await workspaceFixture(httpTarget(), 'Bench', url)
  const sectionIds: string[] = []
  for (let i = 0; sectionIds.length < minSections; i++) {
    const res = await fx.owner.req<PlanBody>('POST', `/api/workspaces/${fx.workspace.id}/plans`, {
      title: `Bench plan ${i + 1}`,
    })
    if (res.status !== 201) throw new Error(`creating a plan failed: ${res.status} ${res.text}`)
    for (const s of res.json.sections) sectionIds.push(s.id)
  }
  return { owner: fx.owner, cookie: fx.owner.cookieHeader, sectionIds }
}

/** A Markdown table. */
export function table(headers: string[], rows: (string | number | null | undefined)[][]): string {
  const cell = (v: string | number | null | undefined) => (v === null || v === undefined ? '–' : String(v))
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n')
}

export interface Series {
  kind: 'bar' | 'line'
  name: string
  values: number[]
}

/** A Mermaid xychart-beta block (rendered by GitHub and most Markdown viewers). */
export function xychart(title: string, xLabels: string[], yLabel: string, series: Series[], legend = true): string {
  const all = series.flatMap((s) => s.values).filter(Number.isFinite)
  const max = Math.max(1, ...all)
  const top = niceCeil(max * 1.1)
  const lines = [
    '```mermaid',
    'xychart-beta',
    `  title "${title}"`,
    `  x-axis [${xLabels.map((l) => `"${l}"`).join(', ')}]`,
    `  y-axis "${yLabel}" 0 --> ${top}`,
  ]
  for (const s of series) lines.push(`  ${s.kind} [${s.values.map((v) => round(v, 2)).join(', ')}]`)
  lines.push('```')
  if (legend && series.length > 1)
    lines.push('', `Series, in order: ${series.map((s) => `${s.kind} = ${s.name}`).join('; ')}.`)
  return lines.join('\n')
}

function niceCeil(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x))
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= x) return m * p
  return 10 * p
}
