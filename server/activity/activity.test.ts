import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ActivityEvent } from '../../shared/activity/schema'
import type { Thread } from '../../shared/comments/schema'
import { type ActivityFeed, ApiClient, type Created, httpTarget, workspaceFixture } from '../../tests/support/api'
import { expectError } from '../../tests/support/contract'
import { ENGINES } from '../../tests/support/engines'
import { type EventClient, planEventClient } from '../../tests/support/plan-events'
import { planWithPeople, startSyncServer } from '../../tests/support/sync-fixture'
import { eventually } from '../../tests/support/sync-clients'

describe.each(ENGINES)('activity log on $engine', (engine) => {
  describe.skipIf(!engine.available)('', () => {
    let server: Awaited<ReturnType<typeof startSyncServer>>
    let fx: Awaited<ReturnType<typeof planWithPeople>>
    let lead: ApiClient
    let room: EventClient

    const feed = async (query = '', who?: ApiClient): Promise<ActivityEvent[]> => {
      const res = await (who ?? fx.owner).req<ActivityFeed>('GET', `/api/plans/${fx.plan.id}/activity${query}`)
      expect(res.status, res.text).toBe(200)
      return res.json.events
    }

    beforeAll(async () => {
      server = await startSyncServer(engine)
      fx = await planWithPeople(server.url)
      lead = await fx.member('editor', { name: 'Lee Lead', departments: ['Sales'], leadOf: ['Sales'] })
      room = planEventClient(server.url, fx.viewer, fx.plan.id)
      expect(await room.synced).toBe(true)
      // A little of everything: approvals of Sales, comments on Marketing's objectives and the overview.
      const sales = `/api/plans/${fx.plan.id}/departments/${fx.dept('Sales')}/objectives`
      expect((await fx.salesEditor.req('POST', `${sales}/submit`)).status).toBe(200)
      expect(
        (await lead.req('POST', `${sales}/decision`, { decision: 'request_changes', reason: 'Add a deadline.' }))
          .status,
      ).toBe(200)
      const thread = await fx.commenter.req<Thread>(
        'POST',
        `/api/sections/${fx.objectivesOf('Marketing').id}/comments`,
        {
          body: 'Why this target?',
        },
      )
      const reply = await fx.marketingEditor.req<Thread>(
        'POST',
        `/api/sections/${fx.objectivesOf('Marketing').id}/comments`,
        {
          body: 'Last year plus 10%.',
          threadId: thread.json.id,
        },
      )
      await fx.marketingEditor.req('PATCH', `/api/comments/${reply.json.comments[1]!.id}`, {
        body: 'Last year plus 12%.',
      })
      await fx.marketingEditor.req('POST', `/api/threads/${thread.json.id}/resolve`)
      await fx.commenter.req('POST', `/api/threads/${thread.json.id}/reopen`)
      const other = await fx.owner.req<Thread>('POST', `/api/sections/${fx.shared.id}/comments`, { body: 'Remove me' })
      await fx.owner.req('DELETE', `/api/comments/${other.json.comments[0]!.id}`)
    })
    afterAll(async () => {
      room?.close()
      await server?.dispose()
    })

    it('records every submission, decision and comment event: who, what, when, on what', async () => {
      const events = await feed('?limit=200')
      const kinds = events.map((e) => e.kind)
      for (const kind of [
        'objectives_submitted',
        'objectives_changes_requested',
        'thread_created',
        'comment_added',
        'comment_edited',
        'thread_resolved',
        'thread_reopened',
        'comment_deleted',
      ]) {
        expect(kinds, kind).toContain(kind)
      }
      const decision = events.find((e) => e.kind === 'objectives_changes_requested')!
      expect(decision).toMatchObject({
        category: 'approvals',
        actor: { id: lead.user!.id },
        departmentId: fx.dept('Sales'),
        planId: fx.plan.id,
        details: { reason: 'Add a deadline.' },
      })
      expect(decision.summary).toBe('Lee Lead requested changes to Sales’ objectives.')
      const resolved = events.find((e) => e.kind === 'thread_resolved')!
      expect(resolved).toMatchObject({
        category: 'comments',
        actor: { id: fx.marketingEditor.user!.id },
        departmentId: fx.dept('Marketing'),
        sectionId: fx.objectivesOf('Marketing').id,
      })
      expect(resolved.summary).toBe('Mo Marketing resolved a thread on Objectives — Marketing.')
      for (const e of events) {
        expect(e.summary).toMatch(/^\S.*\.$/)
        expect(JSON.stringify(e.details)).not.toContain('Why this target')
      }
      // Newest first.
      expect(events.map((e) => Number(e.id))).toEqual(events.map((e) => Number(e.id)).sort((a, b) => b - a))
    })

    it('records joins, role and department changes and removals, shown in every plan of the workspace', async () => {
      const person = await fx.member('viewer', { name: 'Nia New' })
      const id = person.user!.id
      await fx.owner.req('PATCH', `/api/workspaces/${fx.workspace.id}/members/${id}`, { role: 'commenter' })
      await fx.owner.req('PATCH', `/api/workspaces/${fx.workspace.id}/members/${id}`, {
        departmentIds: [fx.dept('Sales')],
      })
      // A change that changes nothing is not an event.
      await fx.owner.req('PATCH', `/api/workspaces/${fx.workspace.id}/members/${id}`, { role: 'commenter' })
      await fx.owner.req('DELETE', `/api/workspaces/${fx.workspace.id}/members/${id}`)
      const mine = async () => (await feed('?category=members&limit=200')).filter((e) => e.details.userId === id)
      await eventually(async () => (await mine()).some((e) => e.kind === 'member_removed'), 'the removal is recorded')
      const events = (await mine()).reverse()
      expect(events.map((e) => e.kind)).toEqual(['member_joined', 'member_changed', 'member_changed', 'member_removed'])
      expect(events.map((e) => e.summary)).toEqual([
        'Nia New joined the workspace as viewer.',
        'Olivia Owner changed Nia New’s role from viewer to commenter.',
        'Olivia Owner changed Nia New’s departments or leads.',
        'Olivia Owner removed Nia New from the workspace.',
      ])
      expect(events[1]!.details).toMatchObject({ before: { role: 'viewer' }, after: { role: 'commenter' } })
      expect(events.every((e) => e.planId === null)).toBe(true)
      const secondPlan = await fx.owner.req<Created>('POST', `/api/workspaces/${fx.workspace.id}/plans`, {
        title: 'Second plan',
      })
      const there = (
        await fx.owner.req<ActivityFeed>('GET', `/api/plans/${secondPlan.json.id}/activity?category=members&limit=200`)
      ).json.events
      expect(there.filter((e) => e.details.userId === id)).toHaveLength(4)
      await eventually(
        () => room.events.some((e) => e.kind === 'activity' && e.departmentId === undefined),
        'the plan room hears of it',
      )
    })

    it('filters by department, kind and category, and pages', async () => {
      const sales = await feed(`?departmentId=${fx.dept('Sales')}`)
      expect(sales.length).toBeGreaterThan(0)
      expect(sales.every((e) => e.departmentId === fx.dept('Sales'))).toBe(true)
      expect(sales.map((e) => e.kind).sort()).toEqual(['objectives_changes_requested', 'objectives_submitted'])
      const marketing = await feed(`?departmentId=${fx.dept('Marketing')}&category=comments`)
      expect(marketing.map((e) => e.kind).sort()).toEqual([
        'comment_added',
        'comment_edited',
        'thread_created',
        'thread_reopened',
        'thread_resolved',
      ])
      expect((await feed('?kind=thread_resolved')).map((e) => e.kind)).toEqual(['thread_resolved'])
      expect(await feed(`?departmentId=${fx.dept('Human resources')}`)).toEqual([])

      const all = await feed('?limit=200')
      const first = await fx.owner.req<ActivityFeed>('GET', `/api/plans/${fx.plan.id}/activity?limit=3`)
      expect(first.json.events.map((e: ActivityEvent) => e.id)).toEqual(all.slice(0, 3).map((e) => e.id))
      const next = await fx.owner.req<ActivityFeed>(
        'GET',
        `/api/plans/${fx.plan.id}/activity?limit=3&before=${first.json.nextBefore}`,
      )
      expect(next.json.events.map((e: ActivityEvent) => e.id)).toEqual(all.slice(3, 6).map((e) => e.id))
    })

    it.each([
      ['an unknown kind', '?kind=everything'],
      ['an unknown category', '?category=gossip'],
      ['a department id that is not an id', '?departmentId=not%20an%20id!'],
      ['a page too large', '?limit=100000'],
      ['a cursor that is not a number', '?before=yesterday'],
    ])('refuses %s with 400', async (_, query) => {
      expectError(await fx.owner.req('GET', `/api/plans/${fx.plan.id}/activity${query}`), 400, 'invalid_request')
    })

    it('is read by every member and nobody else', async () => {
      for (const who of [fx.viewer, fx.commenter, fx.salesEditor])
        expect((await feed('', who)).length).toBeGreaterThan(0)
      const other = await workspaceFixture(httpTarget(), 'Other company', server.url)
      expectError(await other.owner.req('GET', `/api/plans/${fx.plan.id}/activity`), 404)
      expectError(await new ApiClient(httpTarget(), server.url).req('GET', `/api/plans/${fx.plan.id}/activity`), 401)
      // Their workspace's events never show in ours.
      const ours = await feed('?limit=200')
      expect(ours.every((e) => e.planId === fx.plan.id || e.planId === null)).toBe(true)
      const otherPlan = await other.owner.req<Created>('POST', `/api/workspaces/${other.workspace.id}/plans`, {
        title: 'Theirs',
      })
      const theirs = (await other.owner.req<ActivityFeed>('GET', `/api/plans/${otherPlan.json.id}/activity?limit=200`))
        .json.events
      expect(theirs.some((e) => ours.some((o) => o.id === e.id))).toBe(false)
    })
  })
})
