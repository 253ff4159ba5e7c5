import type { SectionOf } from '../../plan-model/model'
import type { PlanIndex } from '../plan-index'
import { filled, quote } from '../plan-index'
import { type HealthRule, type Spot, defineRule, spot } from '../rule'

type Network = SectionOf<'network'>

/** A rule that looks at each network section on its own. */
const perNetwork = (rule: Omit<HealthRule, 'find'> & { check(n: Network, plan: PlanIndex): Spot[] }) =>
  defineRule({ ...rule, find: (plan) => plan.of('network').flatMap((n) => rule.check(n, plan)) })

const CART = 'Mistake 1, "the cart before the horse": no tactics before the goals they serve'

/** Mistake 1: tactics before goals. A network with no goals is all tactics. */
export const networkWithoutGoals = perNetwork({
  id: 'network-without-goals',
  severity: 'error',
  source: `${CART}; key "objectives by social network"`,
  check: (n) =>
    n.content.goals.length > 0
      ? []
      : [spot(n, ['goals'], `${n.title} has no goals: say what it is for before planning what to post.`)],
})

/** Mistake 1: each network goal must serve one of the plan's objectives. */
export const networkGoalUnlinked = perNetwork({
  id: 'network-goal-unlinked',
  severity: 'error',
  source: CART,
  check: (n, plan) =>
    n.content.goals
      .filter((g) => !plan.linksAnObjective(g.objectiveIds))
      .map((g) => {
        const why =
          g.objectiveIds.length === 0 ? 'links to no objective' : 'links only to objectives that no longer exist'
        return spot(
          n,
          ['goals', g.id, 'objectiveIds'],
          `${n.title}: the goal ${quote(g.goal, 'without a description')} ${why}.`,
        )
      }),
})

/** Step 4 and key "indicators": define the KPIs to analyse from the beginning. */
export const networkWithoutKpis = perNetwork({
  id: 'network-without-kpis',
  severity: 'warning',
  source: 'Step 4: KPIs to analyse; key "indicators": define them from the beginning',
  check: (n) =>
    n.content.kpis.length > 0 ? [] : [spot(n, ['kpis'], `${n.title} has no KPIs: nothing says whether it works.`)],
})

/** Step 4: a KPI is a metric with a target, or it measures nothing. */
export const networkKpiIncomplete = perNetwork({
  id: 'network-kpi-incomplete',
  severity: 'warning',
  source: 'Step 4: KPIs (key performance indicators) to analyse',
  check: (n) =>
    n.content.kpis.flatMap((k) => {
      if (!filled(k.metric))
        return [spot(n, ['kpis', k.id, 'metric'], `${n.title}: a KPI has no metric: name what it counts.`)]
      if (k.target !== null) return []
      return [spot(n, ['kpis', k.id, 'target'], `${n.title}: the KPI ${quote(k.metric, '')} has no target.`)]
    }),
})

/** Step 4 "editorial strategy"; key "line of conversation": how value and promotional content are mixed. */
export const networkWithoutEditorialLine = perNetwork({
  id: 'network-without-editorial-line',
  severity: 'warning',
  source: 'Step 4: editorial strategy; key "line of conversation": value content and promotional content',
  check: (n) =>
    n.content.valueShare !== null || filled(n.content.editorialLine)
      ? []
      : [
          spot(
            n,
            ['valueShare'],
            `${n.title} has no editorial line: set the share of value versus promotional content.`,
          ),
        ],
})

/** Key "interaction": "The interaction is VITAL… you must set times of interaction." */
export const networkWithoutInteractionRule = perNetwork({
  id: 'network-without-interaction-rule',
  severity: 'warning',
  source: 'Key "strategy of interaction": the interaction is VITAL; set times of interaction',
  check: (n) => {
    const some = n.content.interaction.some((r) => filled(r.rule) || filled(r.hours) || r.responseTimeHours !== null)
    return some
      ? []
      : [spot(n, ['interaction'], `${n.title} has no interaction rule: say how fast, when and who answers.`)]
  },
})

/** Step 4: a conversational calendar, with dated entries. */
export const networkWithoutCalendar = perNetwork({
  id: 'network-without-calendar',
  severity: 'warning',
  source: 'Step 4: conversational calendar',
  check: (n) =>
    n.content.calendar.some((e) => e.date !== null)
      ? []
      : [spot(n, ['calendar'], `${n.title} has no dated entries in its conversational calendar.`)],
})

/** Key "strategy of action": brand image, online sale, market studies, customer loyalty or leads. */
export const networkWithoutRole = perNetwork({
  id: 'network-without-role',
  severity: 'info',
  source: 'Key "strategy of action in each social network"',
  check: (n) =>
    n.content.role !== null
      ? []
      : [spot(n, ['role'], `${n.title} has no role (brand image, online sales, market research, loyalty or leads).`)],
})
