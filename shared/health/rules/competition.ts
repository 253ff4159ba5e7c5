import { quote } from '../plan-index'
import { defineRule, spot } from '../rule'

/**
 * Mistake 2, "make as neighbour": copying what worked for other brands "without verifying that they
 * meet the objectives that we have set ourselves". An idea we adopt must serve one of our objectives.
 */
export const competitorIdeaUnlinked = defineRule({
  id: 'competitor-idea-unlinked',
  severity: 'error',
  source: 'Mistake 2, "make as neighbour": always goals, goals!',
  find: (plan) =>
    plan.of('competition').flatMap((s) =>
      s.content.competitors.flatMap((c) =>
        c.ideas
          .filter((idea) => !idea.notForUs && !plan.linksAnObjective([idea.objectiveId]))
          .map((idea) => {
            const why =
              idea.objectiveId === null
                ? 'serves none of our objectives'
                : 'links to an objective that no longer exists'
            return spot(
              s,
              ['competitors', c.id, 'ideas', idea.id, 'objectiveId'],
              `The idea ${quote(idea.idea, 'without a description')} from ${quote(c.name, 'a competitor')} ${why}: link it to an objective or mark it "not for us".`,
            )
          }),
      ),
    ),
})
