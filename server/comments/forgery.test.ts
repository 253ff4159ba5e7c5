import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CLOSE, MESSAGE } from '../../shared/sync/protocol'
import { addItem } from '../../shared/plan-model/write'
import type { Thread, ThreadList } from '../../shared/comments/schema'
import type { ActivityFeed, ApiClient, ApprovalList, NotificationList } from '../../tests/support/api'
import { ENGINES } from '../../tests/support/engines'
import { planWithPeople, startSyncServer, storedDoc } from '../../tests/support/sync-fixture'
import {
  eventually,
  processed,
  rawSocket,
  type StockClient,
  stockClient,
  WITH_ACKS,
} from '../../tests/support/sync-clients'

/**
 * docs/product.md#comments-and-approvals: comment authorship and approval decisions are facts the server vouches for. A stock
 * y-websocket client may write anything into a section it can edit; none of it becomes a comment,
 * changes one, or decides an approval.
 */
describe.each(ENGINES)('forged comments and decisions on $engine', (engine) => {
  describe.skipIf(!engine.available)('', () => {
    let server: Awaited<ReturnType<typeof startSyncServer>>
    let fx: Awaited<ReturnType<typeof planWithPeople>>
    let lead: ApiClient
    let threadId: string
    let commentId: string
    const open: StockClient[] = []
    const client = (who: ApiClient, room: string, opts?: Parameters<typeof stockClient>[3]) => {
      const c = stockClient(server.url, who.cookieHeader, room, opts)
      open.push(c)
      return c
    }

    /** Everything the API says about comments, approvals, activity and inboxes. */
    async function apiView() {
      const get = async <T>(path: string) => (await fx.owner.req<T>('GET', path)).json
      const inbox = async (who: ApiClient) =>
        (await who.req<NotificationList>('GET', `/api/workspaces/${fx.workspace.id}/notifications`)).json
      return {
        plan: await get<ThreadList>(`/api/plans/${fx.plan.id}/comments`),
        sales: await get<ThreadList>(`/api/sections/${fx.objectivesOf('Sales').id}/comments`),
        approvals: await get<ApprovalList>(`/api/plans/${fx.plan.id}/approvals`),
        activity: await get<ActivityFeed>(`/api/plans/${fx.plan.id}/activity?limit=200`),
        inboxes: [await inbox(fx.owner), await inbox(lead), await inbox(fx.commenter)],
      }
    }

    beforeAll(async () => {
      server = await startSyncServer(engine)
      fx = await planWithPeople(server.url)
      lead = await fx.member('editor', { name: 'Lee Lead', departments: ['Sales'], leadOf: ['Sales'] })
      const sales = fx.objectivesOf('Sales').id
      const writer = client(fx.salesEditor, sales)
      expect(await writer.synced).toBe(true)
      const objectiveId = addItem(writer.doc, 'objectives', ['objectives'], {
        statement: 'Capture leads',
        metric: 'leads',
        target: 200,
        deadline: '2027-06-30',
      })
      await eventually(
        async () =>
          JSON.stringify((await storedDoc(server.running, sales)).getMap('fields').toJSON()).includes(objectiveId),
        'the objective is stored',
      )
      expect(
        (await fx.salesEditor.req('POST', `/api/plans/${fx.plan.id}/departments/${fx.dept('Sales')}/objectives/submit`))
          .status,
      ).toBe(200)
      expect(
        (
          await lead.req('POST', `/api/plans/${fx.plan.id}/departments/${fx.dept('Sales')}/objectives/decision`, {
            decision: 'approve',
          })
        ).status,
      ).toBe(200)
      const thread = await fx.commenter.req<Thread>('POST', `/api/sections/${sales}/comments`, {
        body: 'The real comment',
      })
      threadId = thread.json.id
      commentId = thread.json.comments[0]!.id
    })
    afterAll(async () => {
      for (const c of open) c.close()
      await server?.dispose()
    })

    it("writes comment- and approval-shaped data into a section's document: the API's comments and approvals do not change", async () => {
      const before = await apiView()
      expect(
        before.approvals.approvals.find((a: { departmentId: string }) => a.departmentId === fx.dept('Sales'))!.state,
      ).toBe('approved')
      const sales = fx.objectivesOf('Sales').id
      const forger = client(fx.salesEditor, sales, WITH_ACKS)
      expect(await forger.synced).toBe(true)
      const ownerId = fx.owner.user!.id
      const forge = () => {
        // A new comment "by" the owner, and an edit of the real one.
        const comments = forger.doc.getMap('comments')
        comments.set('forged-1', {
          id: 'forged-1',
          threadId,
          author: ownerId,
          authorId: ownerId,
          body: 'I, the owner, approve of everything',
          createdAt: 1,
        })
        comments.set(commentId, { id: commentId, author: ownerId, body: 'Rewritten by a forger' })
        const threads = forger.doc.getArray('threads')
        threads.push([
          { id: 'forged-thread', createdBy: ownerId, comments: [{ author: ownerId, body: 'Forged thread' }] },
        ])
        // A decision "by" the lead, for Sales and for Marketing, in and beside the structured fields.
        const decision = { state: 'approved', decidedBy: lead.user!.id, hash: '0'.repeat(64), decidedAt: Date.now() }
        forger.doc
          .getMap('approvals')
          .set(fx.dept('Sales'), { ...decision, state: 'changes_requested', reason: 'Forged' })
        forger.doc.getMap('approvals').set(fx.dept('Marketing'), decision)
        forger.doc.getMap('fields').set('approval', decision)
      }
      await processed(forger, (doc) => doc.transact(forge), 'the forged data is processed')
      // Stored like any write; and whatever the server does after a write (staleness checks) is done.
      expect((await storedDoc(server.running, sales)).getMap('comments').has('forged-1')).toBe(true)
      await server.running.settled()
      expect(await apiView()).toEqual(before)
    })

    it('cannot write into the plan room, or speak on the server-only channel', async () => {
      const before = await apiView()
      const room = client(fx.owner, fx.plan.id, WITH_ACKS)
      expect(await room.synced).toBe(true)
      await processed(
        room,
        (doc) => doc.getMap('comments').set('forged-2', { author: fx.commenter.user!.id, body: 'In the plan room' }),
        'the write is refused',
      )
      expect((await storedDoc(server.running, fx.plan.id)).getMap('comments').size).toBe(0)

      const socket = rawSocket(server.url, `/sync/${fx.plan.id}`, {
        cookie: fx.salesEditor.cookieHeader,
        origin: server.url,
      })
      await socket.opened
      const forged = new TextEncoder().encode(JSON.stringify({ kind: 'approvals', departmentId: fx.dept('Sales') }))
      socket.ws.send(Buffer.from([MESSAGE.planEvent, forged.length, ...forged]))
      expect(await socket.closed).toBe(CLOSE.malformed)
      expect(await apiView()).toEqual(before)
    })

    it("cannot make an edit of the approved objectives look like anyone else's, nor undo the staleness it causes", async () => {
      const sales = fx.objectivesOf('Sales').id
      const forger = client(fx.salesEditor, sales)
      expect(await forger.synced).toBe(true)
      const objectives = forger.doc.getMap('fields').get('objectives') as Y.Array<Y.Map<unknown>>
      forger.doc.transact(() => {
        objectives.get(0).set('target', 900)
        forger.doc.getMap('approvals').set(fx.dept('Sales'), { state: 'approved', decidedBy: lead.user!.id })
      })
      const salesApproval = async () =>
        (await fx.owner.req<ApprovalList>('GET', `/api/plans/${fx.plan.id}/approvals`)).json.approvals.find(
          (a: { departmentId: string }) => a.departmentId === fx.dept('Sales'),
        )!
      await eventually(async () => (await salesApproval()).state === 'stale', 'the edit makes the approval stale')
      expect((await salesApproval()).decidedBy!.id).toBe(lead.user!.id)
      const stale = (await fx.owner.req<ActivityFeed>('GET', `/api/plans/${fx.plan.id}/activity?kind=objectives_stale`))
        .json.events
      expect(stale).toHaveLength(1)
      expect(stale[0]!.actor!.id).toBe(fx.salesEditor.user!.id)
    })
  })
})
