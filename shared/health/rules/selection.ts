import { chosenNetworks } from '../../plan-model/networks'
import type { PlanIndex } from '../plan-index'
import { filled, quote } from '../plan-index'
import { defineRule, spot } from '../rule'

const EVERYWHERE = 'Mistake 3, "being everywhere": be present where it is relevant for your brand to be'

/** The networks the plan is on (plan-model/networks.ts): every network section, and chosen ones without a section yet. */
const planNetworks = (plan: PlanIndex) =>
  chosenNetworks(
    plan.first('network_selection')?.content.chosen ?? [],
    plan.of('network').map((s) => ({ id: s.id, title: s.title })),
  )

/** Key "selection": a plan on no network has no strategy to detail (step 4) — choose where the market is first. */
export const noNetworkChosen = defineRule({
  id: 'no-network-chosen',
  severity: 'error',
  source: 'Key "selection": choose the networks where your market is',
  find: (plan) =>
    planNetworks(plan).length > 0
      ? []
      : [
          spot(
            plan.first('network_selection'),
            ['chosen'],
            'No network is chosen yet: pick the networks where your market is (Network selection).',
          ),
        ],
})

/** Key "selection": a network is chosen "because it is where your market is", not because it is fashionable. */
export const networkWithoutReason = defineRule({
  id: 'network-without-reason',
  severity: 'error',
  source: `${EVERYWHERE}; key "selection": choose networks because they are where your market is`,
  find: (plan) => {
    const selection = plan.first('network_selection')
    return planNetworks(plan).flatMap(({ id, name, entry }) => {
      if (entry && filled(entry.why)) return []
      // A network nobody wrote a reason for yet has its row all the same, keyed by its section.
      return [
        spot(
          selection,
          ['chosen', entry?.id ?? id, 'why'],
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
