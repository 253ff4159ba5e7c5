import type { Config } from '../config'
import { publicOrigin } from '../http/public-url'
import { log } from '../log'
import type { NotificationRow } from '../notifications/tables'
import type { Storage } from '../storage/db'
import type { DbOrTx } from '../storage/database'
import type { DocumentHub } from '../sync/hub'
import {
  MAILED_KINDS,
  type NotificationFacts,
  type Unsubscribe,
  digestMail,
  notificationMail,
  unsubscribeHeaders,
} from './notification-mail'
import { enqueueMail } from './outbox'
import { ensurePreferences, unsubscribeToken } from './preferences'

export interface NotificationMailerDeps {
  storage: Storage
  hub: DocumentHub
  config: Pick<Config, 'publicUrl' | 'port'>
}

export const DAY_MS = 24 * 60 * 60_000

/** Whether the person has the plan open in this process now (the plan's presence room knows). */
async function inPlanNow(hub: DocumentHub, planId: string | null, userId: string): Promise<boolean> {
  if (!planId) return false
  const room = await hub.peek(planId)
  return room ? [...room.peers].some((p) => p.who?.userId === userId) : false
}

/** Names and addresses the mails need, for a batch of notifications. */
async function readFacts(db: DbOrTx, rows: readonly NotificationRow[], origin: string) {
  const ids = (pick: (r: NotificationRow) => string | null) => [
    ...new Set(rows.map(pick).filter((x): x is string => !!x)),
  ]
  const userIds = [...ids((r) => r.user_id), ...ids((r) => r.actor_id)]
  const [users, plans, departments] = await Promise.all([
    userIds.length ? db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', userIds).execute() : [],
    ids((r) => r.plan_id).length
      ? db
          .selectFrom('plans')
          .select(['id', 'title'])
          .where(
            'id',
            'in',
            ids((r) => r.plan_id),
          )
          .execute()
      : [],
    ids((r) => r.department_id).length
      ? db
          .selectFrom('departments')
          .select(['id', 'name'])
          .where(
            'id',
            'in',
            ids((r) => r.department_id),
          )
          .execute()
      : [],
  ])
  const user = new Map(users.map((u) => [u.id, u]))
  const plan = new Map(plans.map((p) => [p.id, p.title]))
  const department = new Map(departments.map((d) => [d.id, d.name]))
  const facts = (r: NotificationRow): NotificationFacts => {
    const place = new URLSearchParams()
    if (r.section_id) place.set('section', r.section_id)
    if (r.thread_id) place.set('thread', r.thread_id)
    const query = place.size ? `?${place.toString()}` : ''
    return {
      kind: r.kind,
      actor: (r.actor_id && user.get(r.actor_id)?.name) || 'Someone',
      plan: (r.plan_id && plan.get(r.plan_id)) || 'a plan',
      department: (r.department_id && department.get(r.department_id)) || 'A department',
      excerpt: r.excerpt,
      link: r.plan_id ? `${origin}/w/${r.workspace_id}/plans/${r.plan_id}${query}` : `${origin}/w/${r.workspace_id}`,
    }
  }
  return { facts, email: (userId: string) => user.get(userId)?.email ?? null }
}

async function unsubscribeFor(db: DbOrTx, userId: string, workspaceId: string, origin: string): Promise<Unsubscribe> {
  const prefs = await ensurePreferences(db, userId)
  return {
    url: `${origin}/api/mail/unsubscribe/${unsubscribeToken(userId, prefs.unsubscribe_key)}`,
    settingsUrl: `${origin}/w/${workspaceId}/settings/notification-mail`,
  }
}

/**
 * Looks at every notification made since the last round, once (rows are claimed with SKIP LOCKED on
 * PostgreSQL): mails it now to those who want instant mail and are not in that plan right now,
 * keeps it for the digest of those who want one, and skips it for the others. Returns how many it mailed.
 */
export async function mailNewNotifications(deps: NotificationMailerDeps): Promise<number> {
  const { db, engine } = deps.storage
  const origin = publicOrigin(deps.config)
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('notifications')
      .selectAll()
      .where('mail_state', 'is', null)
      .orderBy('created_at')
      .limit(200)
      .$if(engine === 'postgres', (q) => q.forUpdate().skipLocked())
      .execute()
    if (rows.length === 0) return 0
    const { facts, email } = await readFacts(trx, rows, origin)
    const prefs = new Map(
      (
        await trx
          .selectFrom('mail_preferences')
          .select(['user_id', 'email_notifications'])
          .where('user_id', 'in', [...new Set(rows.map((r) => r.user_id))])
          .execute()
      ).map((p) => [p.user_id, p.email_notifications]),
    )
    let mailed = 0
    for (const row of rows) {
      const pref = prefs.get(row.user_id) ?? 'instant'
      const to = email(row.user_id)
      let state: 'sent' | 'skipped' | 'digest' = 'skipped'
      if (!MAILED_KINDS.has(row.kind) || pref === 'off' || !to) state = 'skipped'
      else if (pref === 'daily') state = 'digest'
      else if (!(await inPlanNow(deps.hub, row.plan_id, row.user_id))) {
        const unsubscribe = await unsubscribeFor(trx, row.user_id, row.workspace_id, origin)
        const mail = notificationMail(facts(row), unsubscribe)
        await enqueueMail(trx, {
          ...mail,
          to,
          kind: `notification:${row.kind}`,
          workspaceId: row.workspace_id,
          headers: unsubscribeHeaders(unsubscribe),
        })
        state = 'sent'
        mailed++
      }
      await trx.updateTable('notifications').set({ mail_state: state }).where('id', '=', row.id).execute()
    }
    return mailed
  })
}

/** One digest per person who chose it and whose day is over, with what waited for it. Returns how many went. */
export async function sendDigests(deps: NotificationMailerDeps, now = Date.now()): Promise<number> {
  const { db } = deps.storage
  const origin = publicOrigin(deps.config)
  const due = await db
    .selectFrom('mail_preferences')
    .select(['user_id', 'last_digest_at'])
    .where('email_notifications', '=', 'daily')
    .where('last_digest_at', '<=', now - DAY_MS)
    .execute()
  let sent = 0
  for (const person of due) {
    const went = await db.transaction().execute(async (trx) => {
      // Taking the day first means a second process finds nothing to take.
      const took = await trx
        .updateTable('mail_preferences')
        .set({ last_digest_at: now })
        .where('user_id', '=', person.user_id)
        .where('last_digest_at', '=', person.last_digest_at)
        .executeTakeFirst()
      if (Number(took.numUpdatedRows) !== 1) return false
      const rows = await trx
        .selectFrom('notifications')
        .selectAll()
        .where('user_id', '=', person.user_id)
        .where('mail_state', '=', 'digest')
        .orderBy('created_at')
        .execute()
      const { facts, email } = await readFacts(trx, rows, origin)
      const to = email(person.user_id)
      if (rows.length === 0 || !to) return false
      const unsubscribe = await unsubscribeFor(trx, person.user_id, rows[0]!.workspace_id, origin)
      await enqueueMail(trx, {
        ...digestMail(rows.map(facts), unsubscribe),
        to,
        kind: 'digest',
        workspaceId: rows[0]!.workspace_id,
        headers: unsubscribeHeaders(unsubscribe),
      })
      await trx
        .updateTable('notifications')
        .set({ mail_state: 'digested' })
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
      return true
    })
    if (went) sent++
  }
  return sent
}

/** Runs both in the background, every `pollMs`. */
export function startNotificationMailer(deps: NotificationMailerDeps, pollMs = 2_000) {
  let stopped = false
  let running: Promise<void> = Promise.resolve()
  const timer = setInterval(() => {
    running = running
      .then(async () => {
        if (stopped) return
        await mailNewNotifications(deps)
        await sendDigests(deps)
      })
      .catch((err) => log.error('notification mail round failed', { error: String(err) }))
  }, pollMs)
  timer.unref()
  return {
    async stop() {
      stopped = true
      clearInterval(timer)
      await running
    },
  }
}
