import * as Y from 'yjs'
import { writeContent } from '../../shared/plan-model/write'
import type { Plan } from '../../shared/plans/schema'
import type { ApiClient, workspaceFixture } from './api'

/** A server-side or client-side way to change one section's document (hub.change, a stock client…). */
export type EditSection = (sectionId: string, edit: (doc: Y.Doc) => void) => Promise<void>

/** Words the filled plan holds, for tests to look for in exports and shared pages. */
export const BOARD = {
  guidelinesHeading: 'How we speak',
  guidelines: 'Answer every comment within four hours, signed with a first name.',
  guidelinesBullet: 'Never argue in public; move the talk to messages.',
  objective: {
    statement: 'Turn Instagram followers into weekday bookings',
    metric: 'Bookings from Instagram',
    baseline: '12 per month',
    target: '60 per month',
    deadline: '30 Jun 2027',
  },
  kpi: 'Saves per post',
  calendarTheme: 'Galette week recap',
  competitor: 'Maison Durand',
  crisis: 'A customer posts a photo of a burnt loaf',
} as const

/** Rich text as Tiptap stores it: a heading, a paragraph and a bullet. */
function writeGuidelinesBody(doc: Y.Doc) {
  const block = (name: string, text: string, attrs: Record<string, unknown> = {}) => {
    const el = new Y.XmlElement(name)
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v as string)
    el.insert(0, [new Y.XmlText(text)])
    return el
  }
  const item = new Y.XmlElement('listItem')
  item.insert(0, [block('paragraph', BOARD.guidelinesBullet)])
  const list = new Y.XmlElement('bulletList')
  list.insert(0, [item])
  doc
    .getXmlFragment('body')
    .push([block('heading', BOARD.guidelinesHeading, { level: 2 }), block('paragraph', BOARD.guidelines), list])
}

/**
 * A plan filled the way a company would fill it: objectives, a network with KPIs and a calendar,
 * competitors, personality, a crisis manual, indicators, tools and written guidelines; Sales'
 * objectives approved by its lead. Returns the plan as it is then (with its Instagram section).
 */
export async function fillBoardPlan(
  fx: Awaited<ReturnType<typeof workspaceFixture>>,
  planId: string,
  edit: EditSection,
): Promise<{ plan: Plan; lead: ApiClient }> {
  const added = await fx.owner.req('POST', `/api/plans/${planId}/networks`, {
    name: 'Instagram',
    ownerDepartmentId: fx.dept('Marketing'),
  })
  if (added.status !== 201) throw new Error(`network failed: ${added.status} ${added.text}`)
  const plan = added.json as Plan
  const of = (kind: string, dept?: string) =>
    plan.sections.find((s) => s.kind === kind && (!dept || s.ownerDepartmentId === fx.dept(dept)))!.id
  const instagram = of('network')
  const owner = fx.owner.user!.id
  const o = BOARD.objective

  await edit(of('overview'), (doc) =>
    writeContent(doc, 'overview', {
      businessAims: 'Fill weekday tables and hire two bakers by spring.',
      departmentIds: [fx.dept('Marketing'), fx.dept('Sales')],
      audience: 'Families and office workers within 3 km.',
      whySocial: 'Our customers already talk about us there.',
    }),
  )
  await edit(of('objectives', 'Marketing'), (doc) =>
    writeContent(doc, 'objectives', {
      objectives: [
        {
          id: 'obj-bookings',
          statement: o.statement,
          metric: o.metric,
          unit: 'per month',
          baseline: 12,
          target: 60,
          deadline: '2027-06-30',
          owner,
          networkIds: [instagram],
        },
      ],
    }),
  )
  await edit(of('objectives', 'Sales'), (doc) =>
    writeContent(doc, 'objectives', {
      objectives: [
        {
          id: 'obj-orders',
          statement: 'Take more catering orders from offices',
          metric: 'Catering orders',
          unit: 'per month',
          baseline: 4,
          target: 10,
          deadline: '2027-09-30',
          owner: 'Agence Lumière',
          networkIds: [],
        },
      ],
    }),
  )
  await edit(of('competition'), (doc) =>
    writeContent(doc, 'competition', {
      competitors: [
        {
          id: 'c1',
          name: BOARD.competitor,
          networks: ['Instagram', 'TikTok'],
          audience: 'Young families',
          whatWorks: 'Short videos of the morning bake.',
          ideas: [
            { id: 'i1', idea: 'Film the first loaf out of the oven', objectiveId: 'obj-bookings', notForUs: false },
          ],
        },
      ],
      monitoring: [{ id: 'm1', topic: 'Reviews of our sourdough', where: 'Google reviews', tool: 'Google Alerts' }],
    }),
  )
  await edit(of('positioning'), (doc) =>
    writeContent(doc, 'positioning', {
      statement: 'For busy families, the bakery that knows your name.',
      traits: [{ id: 't1', left: 'serious', right: 'cheerful', value: 70 }],
      voiceDo: [{ id: 'd1', text: 'Answer with a first name' }],
      voiceDont: [{ id: 'n1', text: 'Use jargon or irony' }],
    }),
  )
  await edit(of('network_selection'), (doc) =>
    writeContent(doc, 'network_selection', {
      chosen: [{ id: 'ch1', name: 'Instagram', why: 'Our families scroll it every evening.', sectionId: instagram }],
      leftOut: [{ id: 'lo1', name: 'TikTok', why: 'No one to film every day.' }],
    }),
  )
  await edit(instagram, (doc) =>
    writeContent(doc, 'network', {
      role: 'brand_image',
      goals: [{ id: 'g1', goal: 'Show the bakers at work, every day', objectiveIds: ['obj-bookings'] }],
      kpis: [{ id: 'k1', metric: BOARD.kpi, unit: '%', baseline: 1.5, target: 4 }],
      valueShare: 80,
      editorialLine: 'Warm, close, a little cheeky.',
      themes: [{ id: 'th1', topic: 'Behind the oven', frequency: 'Twice a week', sources: 'The bakers’ phones' }],
      calendar: [
        { id: 'cal1', date: '2027-02-05', theme: BOARD.calendarTheme, format: 'reel', owner, status: 'planned' },
      ],
      interaction: [
        {
          id: 'r1',
          rule: 'Every question gets an answer, then a like',
          responseTimeHours: 4,
          hours: 'Mon–Sat, 8:00–19:00',
          who: owner,
        },
      ],
      growthTactics: [{ id: 'gt1', tactic: 'Feature a customer’s photo every Friday' }],
    }),
  )
  await edit(of('line_of_conversation'), (doc) =>
    writeContent(doc, 'line_of_conversation', {
      policies: 'We sign replies with a first name.',
      crisisManual: [
        {
          id: 'cm1',
          situation: BOARD.crisis,
          response: 'Apologise, offer a new one, follow up in messages.',
          who: owner,
        },
      ],
    }),
  )
  await edit(of('process'), (doc) =>
    writeContent(doc, 'process', {
      lead: owner,
      staffing: 'mixed',
      agency: 'Agence Lumière',
      networkCapacity: 2,
      deliverables: [{ id: 'dl1', what: 'March calendar', who: owner, due: '2027-02-20', status: 'in_progress' }],
    }),
  )
  await edit(of('indicators'), (doc) =>
    writeContent(doc, 'indicators', {
      kpis: [
        {
          id: 'ik1',
          indicator: 'followers',
          label: 'Instagram',
          unit: 'people',
          baseline: 1200,
          target: 5000,
          actuals: [{ id: 'a1', date: '2027-01-31', value: 1350 }],
        },
      ],
    }),
  )
  await edit(of('tools'), (doc) =>
    writeContent(doc, 'tools', {
      tools: [{ id: 'tl1', name: 'Meta Business Suite', purpose: 'publishing', notes: 'Scheduling posts' }],
    }),
  )
  await edit(of('guidelines'), writeGuidelinesBody)

  const lead = await fx.member('editor', { name: 'Lee Lead', departments: ['Sales'], leadOf: ['Sales'] })
  const approval = `/api/plans/${planId}/departments/${fx.dept('Sales')}/objectives`
  const submitted = await fx.owner.req('POST', `${approval}/submit`)
  const decided = await lead.req('POST', `${approval}/decision`, { decision: 'approve' })
  if (submitted.status !== 200 || decided.status !== 200)
    throw new Error(`approval failed: ${submitted.text} ${decided.text}`)
  return { plan, lead }
}
