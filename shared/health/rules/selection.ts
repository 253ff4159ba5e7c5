import type { SectionOf } from '../../plan-model/model'
import type { PlanIndex } from '../plan-index'
import { filled, quote } from '../plan-index'
import { defineRule, spot } from '../rule'

const EVERYWHERE = 'Mistake 3, "being everywhere": be present where it is relevant for your brand to be'

type Chosen = SectionOf<'network_selection'>['content']['chosen'][number]
const key = (name: string) => name.trim().toLowerCase()

/** The networks the plan will be on: every network section, and every chosen network that has none yet. */
function planNetworks(plan: PlanIndex): { name: string; section?: SectionOf<'network'>; entry?: Chosen }[] {
  const chosen = plan.first('network_selection')?.content.chosen ?? []
  const out: { name: string; section?: SectionOf<'network'>; entry?: Chosen }[] = plan.of('network').map((section) => ({
    name: section.title,
    section,
    entry:
      chosen.find((c) => c.sectionId === section.id) ??
      chosen.find((c) => c.sectionId === null && key(c.name) === key(section.title)),
  }))
  for (const entry of chosen) {
    if (!out.some((n) => n.entry === entry) && !out.some((n) => key(n.name) === key(entry.name)))
      out.push({ name: entry.name, entry })
  }
  return out
}

/** Key "selection": a network is chosen "because it is where your market is", not because it is fashionable. */
export const networkWithoutReason = defineRule({
  id: 'network-without-reason',
  severity: 'error',
  source: `${EVERYWHERE}; key "selection": choose networks because they are where your market is`,
  find: (plan) => {
    const selection = plan.first('network_selection')
    return planNetworks(plan).flatMap(({ name, entry }) => {
      if (!entry)
        return [
          spot(
            selection,
            ['chosen'],
            `${quote(name, 'A network')} has a section but Network selection does not say why the plan is on it.`,
          ),
        ]
      if (filled(entry.why)) return []
      return [
        spot(
          selection,
          ['chosen', entry.id, 'why'],
          `${quote(name, 'A chosen network')} is chosen without a reason: say why your market is there.`,
        ),
      ]
    })
  },
})

/** Mistake 3: being everywhere "is a waste of time, money and energy"; stay within what the team can staff (step 5). */
export const tooManyNetworks = defineRule({
  id: 'too-many-networks',
  severity: 'error',
  source: `${EVERYWHERE}; step 5: assemble your team`,
  find: (plan) => {
    const capacity = plan.first('process')?.content.networkCapacity ?? null
    const count = planNetworks(plan).length
    if (capacity === null || count <= capacity) return []
    return [
      spot(
        plan.first('network_selection'),
        ['chosen'],
        `The plan is on ${count} networks but the team can staff ${capacity} (Process & team).`,
      ),
    ]
  },
})

/** Mistake 3 needs a number to check against: how many networks the team can staff (step 5). */
export const networkCapacityUnknown = defineRule({
  id: 'network-capacity-unknown',
  severity: 'info',
  source: `${EVERYWHERE}; step 5: assemble your team`,
  find: (plan) => {
    const process = plan.first('process')
    if ((process?.content.networkCapacity ?? null) !== null || planNetworks(plan).length === 0) return []
    return [
      spot(
        process,
        ['networkCapacity'],
        'Say how many networks the team can staff, so the plan can tell whether it is spread too thin.',
      ),
    ]
  },
})
