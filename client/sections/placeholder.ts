import type { Section } from '../../shared/plans/schema'

/** What the rich text of a section invites one to write, naming a network as it is spelled. */
export function bodyPlaceholder(section: Pick<Section, 'kind' | 'title'>): string {
  switch (section.kind) {
    case 'overview':
      return 'Anything else the team should know about the business and its audience…'
    case 'objectives':
      return 'Why these objectives, and what the lead should know before approving them…'
    case 'network':
      return `How ${section.title} fits the plan, in your own words…`
    case 'guidelines':
      return 'Write the guidelines everyone follows: how we post, how we answer, what to do when in doubt…'
    default:
      return 'Notes, context and decisions for this section…'
  }
}
