/** Structured one-line JSON logs with context; quiet under tests unless LOG_LEVEL says otherwise. */
type Level = 'debug' | 'info' | 'warn' | 'error'
const ORDER: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 }
const threshold = (process.env.LOG_LEVEL as Level | undefined) ?? (process.env.VITEST ? 'error' : 'info')

function write(level: Level, msg: string, context: Record<string, unknown> = {}) {
  if (ORDER[level] < (ORDER[threshold] ?? 1)) return
  const line = JSON.stringify({ t: new Date().toISOString(), level, msg, ...context })
  if (level === 'error' || level === 'warn') process.stderr.write(line + '\n')
  else process.stdout.write(line + '\n')
}

export const log = {
  debug: (msg: string, ctx?: Record<string, unknown>) => write('debug', msg, ctx),
  info: (msg: string, ctx?: Record<string, unknown>) => write('info', msg, ctx),
  warn: (msg: string, ctx?: Record<string, unknown>) => write('warn', msg, ctx),
  error: (msg: string, ctx?: Record<string, unknown>) => write('error', msg, ctx),
}
