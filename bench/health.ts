/**
 * Health check and full plan read on a large plan (20 networks, 100 objectives, 2,000 calendar
 * entries), plus the server's per-update content check on the largest list. Prints a Markdown table.
 *
 *   npx tsx bench/health.ts
 */
import * as Y from 'yjs'
import { checkPlanHealth } from '../shared/health/check'
import { objective } from '../shared/plan-model/fixtures'
import { type SectionMeta, buildPlanModel } from '../shared/plan-model/model'
import { sectionGuard } from '../shared/plan-model/repair'
import { addItem, updateItem, writeContent } from '../shared/plan-model/write'
import { quantile, round } from './lib'

const NETWORKS = 20
const DEPARTMENTS = 4
const OBJECTIVES = 100
const CALENDAR = 2000

const departments = Array.from({ length: DEPARTMENTS }, (_, i) => ({ id: `dept-${i}`, name: `Department ${i}` }))
const objectiveIds = Array.from({ length: OBJECTIVES }, (_, i) => `obj-${i}`)
const networkIds = Array.from({ length: NETWORKS }, (_, i) => `net-${i}`)
const day = (i: number) => new Date(Date.UTC(2027, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)

function largePlan() {
  const sections: { meta: SectionMeta; doc: Y.Doc }[] = []
  const add = (meta: SectionMeta, fill: (doc: Y.Doc) => void) => {
    const doc = new Y.Doc()
    fill(doc)
    sections.push({ meta, doc })
  }
  add({ id: 'overview', kind: 'overview', title: 'Overview', ownerDepartmentId: null }, (d) =>
    writeContent(d, 'overview', { businessAims: 'Grow', departmentIds: departments.map((x) => x.id) }),
  )
  departments.forEach((dept, di) =>
    add(
      { id: `objectives-${di}`, kind: 'objectives', title: `Objectives — ${dept.name}`, ownerDepartmentId: dept.id },
      (d) =>
        writeContent(d, 'objectives', {
          objectives: objectiveIds
            .filter((_, i) => i % DEPARTMENTS === di)
            .map((id, i) => ({
              ...objective(id, `Objective ${id}`),
              networkIds: [networkIds[i % NETWORKS]!],
              deadline: i % 7 ? day(i) : null,
            })),
        }),
    ),
  )
  add({ id: 'competition', kind: 'competition', title: 'Competition', ownerDepartmentId: null }, (d) =>
    writeContent(d, 'competition', {
      competitors: Array.from({ length: 10 }, (_, c) => ({
        id: `comp-${c}`,
        name: `Competitor ${c}`,
        ideas: Array.from({ length: 5 }, (_, i) => ({
          id: `idea-${c}-${i}`,
          idea: 'Copy this',
          objectiveId: i % 3 ? objectiveIds[i]! : null,
        })),
      })),
    }),
  )
  add({ id: 'selection', kind: 'network_selection', title: 'Network selection', ownerDepartmentId: null }, (d) =>
    writeContent(d, 'network_selection', {
      chosen: networkIds.map((id, i) => ({
        id: `ch-${i}`,
        name: `Network ${i}`,
        why: i % 5 ? 'Our market' : '',
        sectionId: id,
      })),
    }),
  )
  networkIds.forEach((id, n) =>
    add({ id, kind: 'network', title: `Network ${n}`, ownerDepartmentId: departments[0]!.id }, (d) =>
      writeContent(d, 'network', {
        role: 'brand_image',
        goals: Array.from({ length: 5 }, (_, g) => ({
          id: `${id}-goal-${g}`,
          goal: 'Reach',
          objectiveIds: [objectiveIds[(n * 5 + g) % OBJECTIVES]!],
        })),
        kpis: Array.from({ length: 5 }, (_, k) => ({
          id: `${id}-kpi-${k}`,
          metric: 'reach',
          baseline: 10,
          target: 100,
        })),
        valueShare: 80,
        themes: Array.from({ length: 5 }, (_, t) => ({
          id: `${id}-theme-${t}`,
          topic: 'Recipes',
          frequency: 'weekly',
        })),
        calendar: Array.from({ length: CALENDAR / NETWORKS }, (_, e) => ({
          id: `${id}-cal-${e}`,
          date: day(e),
          theme: 'Spring',
          format: 'reel',
          owner: 'user-1',
          status: 'planned',
        })),
        interaction: [{ id: `${id}-int`, rule: 'Answer within 4 hours', responseTimeHours: 4 }],
      }),
    ),
  )
  add(
    { id: 'conversation', kind: 'line_of_conversation', title: 'Line of conversation', ownerDepartmentId: null },
    (d) =>
      writeContent(d, 'line_of_conversation', {
        crisisManual: [{ id: 'c1', situation: 'Outage', response: 'Apologise' }],
      }),
  )
  add({ id: 'process', kind: 'process', title: 'Process & team', ownerDepartmentId: null }, (d) =>
    writeContent(d, 'process', {
      lead: 'user-1',
      networkCapacity: 10,
      deliverables: Array.from({ length: 50 }, (_, i) => ({
        id: `del-${i}`,
        what: 'Calendar',
        who: 'user-1',
        due: day(i),
        status: 'in_progress',
      })),
    }),
  )
  add({ id: 'indicators', kind: 'indicators', title: 'Indicators', ownerDepartmentId: null }, (d) =>
    writeContent(d, 'indicators', {
      kpis: Array.from({ length: 6 }, (_, k) => ({
        id: `ind-${k}`,
        label: 'Followers',
        actuals: Array.from({ length: 52 }, (_, w) => ({ id: `a-${k}-${w}`, date: day(w * 7), value: w })),
      })),
    }),
  )
  add({ id: 'tools', kind: 'tools', title: 'Tools', ownerDepartmentId: null }, (d) =>
    writeContent(d, 'tools', { tools: [{ id: 't1', name: 'Buffer', purpose: 'publishing' }] }),
  )
  add({ id: 'guidelines', kind: 'guidelines', title: 'Guidelines', ownerDepartmentId: null }, (d) => {
    const p = new Y.XmlElement('paragraph')
    p.insert(0, [new Y.XmlText('Be kind. '.repeat(500))])
    d.getXmlFragment('body').push([p])
  })
  return sections
}

/**
 * Wall milliseconds per run (`fn` may time itself: return the milliseconds that count), and the
 * process's CPU milliseconds per run over the whole batch — the figure that holds on a busy machine.
 */
function time(runs: number, fn: () => unknown) {
  for (let i = 0; i < 20; i++) fn()
  const samples: number[] = []
  const cpu = process.cpuUsage()
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    const own = fn()
    samples.push(typeof own === 'number' ? own : performance.now() - start)
  }
  const used = process.cpuUsage(cpu)
  samples.sort((a, b) => a - b)
  return { median: quantile(samples, 0.5), p95: quantile(samples, 0.95), cpu: (used.user + used.system) / 1000 / runs }
}

/** The server's work after one client update to a 2,000-entry list, as LiveDoc runs it: apply, then check. */
function guardOnUpdate(change: (client: Y.Doc) => void) {
  const server = new Y.Doc()
  writeContent(server, 'network', {
    calendar: Array.from({ length: CALENDAR }, (_, e) => ({
      id: `cal-${e}`,
      date: day(e % 365),
      theme: 'Spring',
      format: 'post',
      status: 'planned',
    })),
  })
  const check = sectionGuard('network')
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  let update: Uint8Array = new Uint8Array()
  client.on('update', (u: Uint8Array) => (update = u))
  return () => {
    change(client)
    const start = performance.now()
    let transaction: Y.Transaction | null = null
    const capture = (tr: Y.Transaction) => (transaction = tr)
    server.on('afterTransaction', capture)
    Y.applyUpdate(server, update)
    server.off('afterTransaction', capture)
    const repair = check(server, transaction!)
    const elapsed = performance.now() - start
    if (repair) throw new Error('a valid write was repaired')
    return elapsed
  }
}

const plan = { id: 'plan', title: 'Large plan' }
const sections = largePlan()
const read = () => buildPlanModel({ plan, departments, sections })
const model = read()
const calendarEntries = model.sections.reduce((n, s) => n + (s.kind === 'network' ? s.content.calendar.length : 0), 0)
const objectives = model.sections.reduce((n, s) => n + (s.kind === 'objectives' ? s.content.objectives.length : 0), 0)
if (calendarEntries !== CALENDAR || objectives !== OBJECTIVES) throw new Error('the plan is not the size it should be')

let n = 0
const rows: [string, ReturnType<typeof time>][] = [
  ['Full plan read (Y.Docs → PlanModel)', time(300, read)],
  ['checkPlanHealth on the model', time(1000, () => checkPlanHealth(model))],
  ['Read + health check (what GET /health and the live panel do)', time(300, () => checkPlanHealth(read()))],
  [
    'Server apply + content check: one field of one entry in a 2,000-entry calendar',
    time(
      500,
      guardOnUpdate((c) => updateItem(c, 'network', ['calendar'], `cal-${n++ % CALENDAR}`, { theme: `t${n}` })),
    ),
  ],
  [
    'Server apply + content check: one entry added to a 2,000-entry calendar',
    time(
      500,
      guardOnUpdate((c) => addItem(c, 'network', ['calendar'], { date: '2027-05-01', theme: 'New' }, 0)),
    ),
  ],
]

console.log(
  `Large plan: ${NETWORKS} networks, ${OBJECTIVES} objectives, ${CALENDAR} calendar entries, ${sections.length} sections; ${checkPlanHealth(model).length} findings. Node ${process.version}.\n`,
)
const [load] = (await import('node:os')).loadavg()
console.log(`Load average while measuring: ${round(load!, 1)} on ${(await import('node:os')).cpus().length} cores.\n`)
console.log('| operation | median ms | p95 ms | CPU ms per run |')
console.log('| --- | ---: | ---: | ---: |')
for (const [name, t] of rows)
  console.log(`| ${name} | ${round(t.median, 2)} | ${round(t.p95, 2)} | ${round(t.cpu, 2)} |`)
