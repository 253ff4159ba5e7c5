import type { z } from 'zod'
import type { CalendarStatus, DeliverableStatus, PostFormat } from '../../shared/plan-model/schema'
import type { Member } from '../../shared/workspaces/schema'

export type PostFormatValue = z.infer<typeof PostFormat>
export type CalendarStatusValue = z.infer<typeof CalendarStatus>
export type DeliverableStatusValue = z.infer<typeof DeliverableStatus>

export const FORMAT_LABELS: Record<PostFormatValue, string> = {
  post: 'Post',
  image: 'Image',
  video: 'Video',
  story: 'Story',
  reel: 'Reel',
  live: 'Live',
  article: 'Article',
  thread: 'Thread',
  poll: 'Poll',
  event: 'Event',
  other: 'Other',
}

export const CALENDAR_STATUS_LABELS: Record<CalendarStatusValue, string> = {
  idea: 'Idea',
  planned: 'Planned',
  in_progress: 'In progress',
  ready: 'Ready',
  published: 'Published',
  cancelled: 'Cancelled',
}

export const DELIVERABLE_STATUS_LABELS: Record<DeliverableStatusValue, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  blocked: 'Blocked',
  done: 'Done',
}

/** Select options from a label map, in the schema's order. */
export const optionsOf = <T extends string>(labels: Record<T, string>) =>
  (Object.entries(labels) as [T, string][]).map(([value, label]) => ({ value, label }))

/**
 * A person field holds a member's user id or the name of someone outside (an agency): show the
 * member's name when it is one of them, else the text as written.
 */
export function personName(members: readonly Pick<Member, 'userId' | 'name'>[], ref: string): string {
  if (!ref) return ''
  return members.find((m) => m.userId === ref)?.name ?? ref
}

/** What to store for a name typed or picked in a form: the member's id when it names one, else the text. */
export function personRef(members: readonly Pick<Member, 'userId' | 'name'>[], typed: string): string {
  const name = typed.trim()
  if (!name) return ''
  return members.find((m) => m.name.toLowerCase() === name.toLowerCase())?.userId ?? name
}

/**
 * The colour of each network, by its place in the plan: Mantine palette names, distinct from each
 * other and from the neutral grey of deliverables and the brand blue of the page.
 */
const NETWORK_COLORS = [
  'grape',
  'teal',
  'orange',
  'cyan',
  'pink',
  'lime',
  'violet',
  'red',
  'indigo',
  'yellow',
  'green',
  'blue',
] as const
export const networkColor = (index: number): string => NETWORK_COLORS[index % NETWORK_COLORS.length]!
export const DELIVERABLE_COLOR = 'gray'
