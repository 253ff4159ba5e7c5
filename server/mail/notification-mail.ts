import type { NotificationKind } from '../../shared/notifications/schema'
import { type MailContent, renderMail } from './templates'

/** What one notification mail needs, read by the mailer. */
export interface NotificationFacts {
  kind: NotificationKind
  actor: string
  plan: string
  department: string
  excerpt: string
  link: string
}

/** The kinds that are mailed (docs/product.md#mail-and-the-calendar-feed); resolving and reopening stay in the app. */
export const MAILED_KINDS: ReadonlySet<NotificationKind> = new Set([
  'mention',
  'reply',
  'approval_submitted',
  'approval_decided',
  'approval_stale',
])

function describe(n: NotificationFacts): { subject: string; heading: string; line: string; action: string } {
  switch (n.kind) {
    case 'mention':
      return {
        subject: `${n.actor} mentioned you in ${n.plan}`,
        heading: `${n.actor} mentioned you`,
        line: `In the plan ${n.plan}:`,
        action: 'Open the comment',
      }
    case 'reply':
      return {
        subject: `${n.actor} replied in your thread in ${n.plan}`,
        heading: `${n.actor} replied`,
        line: `In a thread you take part in, in the plan ${n.plan}:`,
        action: 'Open the thread',
      }
    case 'approval_submitted':
      return {
        subject: `${n.department} objectives await your approval in ${n.plan}`,
        heading: `${n.actor} submitted ${n.department}'s objectives`,
        line: `As a lead of ${n.department}, you approve them or ask for changes, in the plan ${n.plan}.`,
        action: 'Review the objectives',
      }
    case 'approval_decided':
      return {
        subject: `${n.actor} decided on ${n.department}'s objectives in ${n.plan}`,
        heading: `A decision on ${n.department}'s objectives`,
        line: `${n.actor} decided, in the plan ${n.plan}:`,
        action: 'See the objectives',
      }
    default:
      return {
        subject: `${n.department}'s approval went stale in ${n.plan}`,
        heading: `${n.department}'s approval needs another look`,
        line: `The objectives changed after they were approved, in the plan ${n.plan}:`,
        action: 'See what changed',
      }
  }
}

export interface Unsubscribe {
  url: string
  settingsUrl: string
}

const footer = (u: Unsubscribe) => [
  `You get this mail because of your notification settings: ${u.settingsUrl}`,
  `Stop notification mail with one click: ${u.url}`,
]

export function notificationMail(n: NotificationFacts, u: Unsubscribe) {
  const d = describe(n)
  const content: MailContent = {
    subject: d.subject,
    heading: d.heading,
    paragraphs: [d.line],
    quote: n.excerpt || undefined,
    action: { label: d.action, url: n.link },
    footer: footer(u),
  }
  return renderMail(content)
}

/** One mail for a day of notifications, grouped by plan. */
export function digestMail(items: readonly NotificationFacts[], u: Unsubscribe) {
  const byPlan = new Map<string, NotificationFacts[]>()
  for (const n of items) byPlan.set(n.plan, [...(byPlan.get(n.plan) ?? []), n])
  const paragraphs: string[] = []
  for (const [plan, list] of byPlan) {
    paragraphs.push(`${plan}:`)
    for (const n of list) paragraphs.push(`• ${describe(n).heading}${n.excerpt ? `: “${n.excerpt}”` : ''} — ${n.link}`)
  }
  return renderMail({
    subject: `Your Planroom day: ${items.length} update${items.length === 1 ? '' : 's'}`,
    heading: `What happened in your plans today`,
    paragraphs,
    footer: footer(u),
  })
}

export const unsubscribeHeaders = (u: Unsubscribe) => ({
  'List-Unsubscribe': `<${u.url}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
})
