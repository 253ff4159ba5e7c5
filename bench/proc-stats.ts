import fs from 'node:fs'

/** Linux clock ticks per second in /proc/<pid>/stat (USER_HZ, 100 on every usual kernel; loadgen assumes it too). */
const TICKS_PER_S = 100

function cpuTicks(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return Number(fields[11]) + Number(fields[12]) // utime + stime
}

function memoryMb(pid: number): { rssMb: number; peakMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (key: string) => Number(status.match(new RegExp(`${key}:\\s+(\\d+)`))?.[1] ?? 0)
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 }
}

export interface ProcessFigures {
  /** % of one core over the window. */
  cpuPct: number
  rssMb: number
  peakMb: number
}

/**
 * CPU time of several processes sampled from /proc, so that loadgen's measuring window (which it reports
 * only at its end, and for a single --pid) can be cut out afterwards for all of them alike.
 */
export function sampleProcesses(pids: number[], everyMs = 100) {
  const samples: { at: number; ticks: number[] }[] = []
  const take = () => samples.push({ at: performance.now(), ticks: pids.map(cpuTicks) })
  take()
  const timer = setInterval(take, everyMs)
  let memory: { rssMb: number; peakMb: number }[] | null = null
  return {
    /** The end of the window: a last sample, and memory as it is now. Later calls do nothing. */
    stop() {
      if (memory) return
      clearInterval(timer)
      take()
      memory = pids.map(memoryMb)
    },
    /** Per process: CPU over the `windowMs` before stop(), memory at stop(). */
    figures(windowMs: number): ProcessFigures[] {
      if (!memory) throw new Error('figures() before stop()')
      const end = samples.at(-1)!
      const wantStart = end.at - windowMs
      const start = samples.reduce((best, s) => (Math.abs(s.at - wantStart) < Math.abs(best.at - wantStart) ? s : best))
      const seconds = (end.at - start.at) / 1000
      return pids.map((_, i) => ({
        cpuPct: ((end.ticks[i]! - start.ticks[i]!) / TICKS_PER_S / seconds) * 100,
        ...memory![i]!,
      }))
    },
  }
}
