import type { SectionKind } from '../plans/catalog'
import type { PlanModel, SectionModel, SectionOf } from './model'
import { type ContentInput, SECTION_CONTENT, type SectionContent } from './schema'

/**
 * Small plans for tests and benchmarks: `healthyPlan()` is a plan the health check has nothing to
 * say about; tests break one thing with `edit` and look for the one finding.
 */

export const DEPARTMENTS = [
  { id: 'dept-marketing', name: 'Marketing' },
  { id: 'dept-sales', name: 'Sales' },
] as const

export const content = <K extends SectionKind>(kind: K, values?: ContentInput<K>): SectionContent<K> =>
  SECTION_CONTENT[kind].parse(values ?? {}) as SectionContent<K>

export function section<K extends SectionKind>(
  kind: K,
  id: string,
  values?: ContentInput<K>,
  extra: Partial<Pick<SectionModel, 'title' | 'ownerDepartmentId' | 'bodyText'>> = {},
): SectionOf<K> {
  const built = {
    id,
    kind,
    title: extra.title ?? kind,
    ownerDepartmentId: extra.ownerDepartmentId ?? null,
    bodyText: extra.bodyText ?? '',
    content: content(kind, values),
  }
  return built as unknown as SectionOf<K>
}

export const objective = (id: string, statement: string) => ({
  id,
  statement,
  metric: 'followers',
  unit: 'people',
  baseline: 1000,
  target: 5000,
  deadline: '2027-12-31',
  owner: 'user-ana',
  networkIds: ['sec-instagram'],
})

/** A network section with everything step 4 asks for. */
export const networkSection = (id: string, name: string, objectiveId: string) =>
  section(
    'network',
    id,
    {
      role: 'brand_image',
      goals: [{ id: `${id}-goal`, goal: 'Be known for our recipes', objectiveIds: [objectiveId] }],
      kpis: [{ id: `${id}-kpi`, metric: 'reach', baseline: 100, target: 1000 }],
      valueShare: 80,
      calendar: [
        {
          id: `${id}-cal`,
          date: '2027-03-01',
          theme: 'Spring recipes',
          format: 'reel',
          owner: 'user-ana',
          status: 'planned',
        },
      ],
      interaction: [
        {
          id: `${id}-int`,
          rule: 'Answer every question',
          responseTimeHours: 4,
          hours: 'Mon–Fri 9–18',
          who: 'user-ana',
        },
      ],
    },
    { title: name, ownerDepartmentId: DEPARTMENTS[0].id },
  )

export function healthyPlan(): PlanModel {
  const [marketing, sales] = DEPARTMENTS
  return {
    plan: { id: 'plan-1', title: 'Social plan 2027' },
    departments: DEPARTMENTS.map((d) => ({ ...d })),
    sections: [
      section('overview', 'sec-overview', { businessAims: 'Sell more bread', departmentIds: [marketing.id, sales.id] }),
      section(
        'objectives',
        'sec-obj-marketing',
        { objectives: [objective('obj-followers', 'Grow our audience')] },
        { ownerDepartmentId: marketing.id },
      ),
      section(
        'objectives',
        'sec-obj-sales',
        { objectives: [objective('obj-leads', 'Capture leads')] },
        { ownerDepartmentId: sales.id },
      ),
      section('competition', 'sec-competition', {
        competitors: [
          {
            id: 'comp-1',
            name: 'Other Bakery',
            ideas: [{ id: 'idea-1', idea: 'Weekly live baking', objectiveId: 'obj-followers' }],
          },
        ],
      }),
      section('positioning', 'sec-positioning', { statement: 'The friendly baker next door' }),
      section('network_selection', 'sec-selection', {
        chosen: [
          { id: 'ch-ig', name: 'Instagram', why: 'Our customers share food photos there', sectionId: 'sec-instagram' },
        ],
      }),
      networkSection('sec-instagram', 'Instagram', 'obj-followers'),
      section('line_of_conversation', 'sec-conversation', {
        crisisManual: [
          {
            id: 'crisis-1',
            situation: 'A customer falls ill',
            response: 'Apologise publicly, call them',
            who: 'user-ana',
          },
        ],
      }),
      section('process', 'sec-process', { lead: 'user-ana', networkCapacity: 2 }),
      section('indicators', 'sec-indicators'),
      section('tools', 'sec-tools'),
      section('guidelines', 'sec-guidelines', {}, { bodyText: 'Be kind, be quick, be ourselves.' }),
    ],
    approvals: { [marketing.id]: 'approved', [sales.id]: 'approved' },
  }
}

/** Change the content of the `index`-th section of a kind in place. */
export function edit<K extends SectionKind>(
  model: PlanModel,
  kind: K,
  change: (content: SectionContent<K>, s: SectionOf<K>) => void,
  index = 0,
) {
  const s = model.sections.filter((x) => x.kind === kind)[index] as SectionOf<K> | undefined
  if (!s) throw new Error(`no ${kind} section #${index}`)
  change(s.content as SectionContent<K>, s)
}
