import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CLOSE, MESSAGE } from '../../shared/sync/protocol'
import { addItem, removeItem } from '../../shared/plan-model/write'
import type { Thread, ThreadList } from '../../shared/comments/schema'
import {
  ApiClient,
  httpTarget,
  type NotificationList,
  type PlanBody,
  type UnreadCount,
  workspaceFixture,
} from '../../tests/support/api'
import { expectError } from '../../tests/support/contract'
import { ENGINES } from '../../tests/support/engines'
import { planEventClient } from '../../tests/support/plan-events'
import { planWithPeople, startSyncServer, storedDoc } from '../../tests/support/sync-fixture'
import {
  appendParagraph,
  bodyText,
  eventually,
  rawSocket,
  type StockClient,
  stockClient,
} from '../../tests/support/sync-clients'

const b64 = (rp: Y.RelativePosition) => Buffer.from(Y.encodeRelativePosition(rp)).toString('base64')
const comments = (res: { json: { comments: { id: string; author: { id: string }; body: string | null }[] } }) =>
  res.json.comments

describe.each(ENGINES)('comments on $engine', (engine) => {
  describe.skipIf(!engine.available)('', () => {
    let server: Awaited<ReturnType<typeof startSyncServer>>
    let fx: Awaited<ReturnType<typeof planWithPeople>>
    let admin: ApiClient
    let other: Awaited<ReturnType<typeof workspaceFixture>>
    let otherSectionId: string
    const open: StockClient[] = []
    const track = <T extends StockClient>(c: T) => (open.push(c), c)
    /** Everyone a table row can name. */
    let people: Record<string, ApiClient>

    beforeAll(async () => {
      server = await startSyncServer(engine)
      fx = await planWithPeople(server.url)
      admin = await fx.member('admin', { name: 'Ada Admin', departments: ['Marketing'] })
      other = await workspaceFixture(httpTarget(), 'Other company', server.url)
      const otherPlan = await other.owner.req<PlanBody>('POST', `/api/workspaces/${other.workspace.id}/plans`, {
        title: 'Their plan',
      })
      otherSectionId = otherPlan.json.sections[0]!.id
      people = {
        owner: fx.owner,
        admin,
        salesEditor: fx.salesEditor,
        marketingEditor: fx.marketingEditor,
        commenter: fx.commenter,
        viewer: fx.viewer,
        outsider: other.owner,
        anonymous: new ApiClient(httpTarget(), server.url),
      }
    })
    afterAll(async () => {
      for (const c of open) c.close()
      await server?.dispose()
    })

    const sectionOf = (name: 'overview' | 'Sales' | 'Marketing') =>
      name === 'overview' ? fx.shared.id : fx.objectivesOf(name).id
    const start = (who: ApiClient, sectionId: string, body: unknown = { body: 'A remark' }) =>
      who.req<Thread>('POST', `/api/sections/${sectionId}/comments`, body)

    describe('who may comment (docs/product.md#comments-and-approvals: commenters and leads comment without edit rights, viewers read)', () => {
      const rows: [who: string, section: 'overview' | 'Sales' | 'Marketing', status: number][] = [
        ['owner', 'overview', 201],
        ['admin', 'overview', 201],
        ['salesEditor', 'overview', 201],
        ['commenter', 'overview', 201],
        ['viewer', 'overview', 403],
        ['outsider', 'overview', 404],
        ['anonymous', 'overview', 401],
        ['salesEditor', 'Marketing', 201],
        ['commenter', 'Marketing', 201],
        ['viewer', 'Marketing', 403],
        ['marketingEditor', 'Sales', 201],
      ]
      it.each(rows)('%s on %s → %i, authored by the caller', async (who, section, status) => {
        const res = await start(people[who]!, sectionOf(section), { body: `From ${who}` })
        if (status !== 201) return expectError(res, status)
        expect(res.status, res.text).toBe(201)
        expect(res.json.createdBy.id).toBe(people[who]!.user!.id)
        expect(comments(res)).toEqual([
          expect.objectContaining({
            author: expect.objectContaining({ id: people[who]!.user!.id }) as unknown,
            body: `From ${who}`,
          }),
        ])
      })

      it.each(['viewer', 'outsider', 'anonymous'])(
        'lets the %s read comments only as far as membership goes',
        async (who) => {
          const res = await people[who]!.req<ThreadList>('GET', `/api/sections/${fx.shared.id}/comments`)
          if (who === 'viewer') {
            expect(res.status).toBe(200)
            expect(res.json.threads.length).toBeGreaterThan(0)
            expect(res.json.threads.every((t: { abilities: { reply: boolean } }) => !t.abilities.reply)).toBe(true)
          } else expectError(res, who === 'outsider' ? 404 : 401)
        },
      )
    })

    describe('the author is always the caller', () => {
      it.each([
        ['author', { body: 'Forged', author: 'someone' }],
        ['authorId', { body: 'Forged', authorId: 'someone' }],
        ['createdBy', { body: 'Forged', createdBy: 'someone' }],
        ['createdAt', { body: 'Forged', createdAt: 1 }],
      ])('refuses a body that names an %s, storing nothing', async (_, body) => {
        const before = (await fx.owner.req<ThreadList>('GET', `/api/sections/${fx.shared.id}/comments`)).json.threads
          .length
        const res = await start(fx.commenter, fx.shared.id, { ...body, author: fx.owner.user!.id })
        expectError(res, 400, 'invalid_request')
        expect(
          (await fx.owner.req<ThreadList>('GET', `/api/sections/${fx.shared.id}/comments`)).json.threads.length,
        ).toBe(before)
      })

      it('keeps the caller as author when the text mentions someone else or the reply is on their thread', async () => {
        const owner = fx.owner.user!
        const thread = await start(fx.commenter, fx.shared.id, {
          body: `Written by @[${owner.name}](${owner.id})`,
          mentions: [owner.id],
        })
        expect(thread.status).toBe(201)
        expect(comments(thread)[0]!.author.id).toBe(fx.commenter.user!.id)
        const reply = await start(fx.salesEditor, fx.shared.id, { body: 'A reply', threadId: thread.json.id })
        expect(reply.json.createdBy.id).toBe(fx.commenter.user!.id)
        expect(comments(reply).map((c) => c.author.id)).toEqual([fx.commenter.user!.id, fx.salesEditor.user!.id])
      })
    })

    describe('bad input', () => {
      const pos = 'AQIDBAU='
      it.each([
        ['an empty body', { body: '   ' }],
        ['a body too long', { body: 'x'.repeat(10_001) }],
        ['no body', { anchor: { type: 'item', itemId: 'abc' } }],
        ['an anchor of no known type', { body: 'x', anchor: { type: 'paragraph' } }],
        ['a text anchor without its quote', { body: 'x', anchor: { type: 'text', start: pos, end: pos } }],
        [
          'a text anchor that is not base64',
          { body: 'x', anchor: { type: 'text', start: 'not base64!', end: pos, quote: 'q' } },
        ],
        [
          'a text anchor that is not a relative position',
          { body: 'x', anchor: { type: 'text', start: 'AA==', end: 'AA==', quote: 'q' } },
        ],
        ['an item anchor with a bad id', { body: 'x', anchor: { type: 'item', itemId: 'not an id!' } }],
        ['a reply with an anchor', { body: 'x', threadId: 'abc', anchor: { type: 'item', itemId: 'abc' } }],
        ['too many mentions', { body: 'x', mentions: Array.from({ length: 21 }, (_, i) => `u${i}`) }],
        ['an unknown field', { body: 'x', extra: true }],
      ])('refuses %s with 400', async (_, body) => {
        expectError(await start(fx.commenter, fx.shared.id, body), 400)
      })

      it('refuses mentions of people outside the workspace, by field or in the text', async () => {
        const stranger = other.owner.user!
        expectError(
          await start(fx.commenter, fx.shared.id, { body: 'Hi', mentions: [stranger.id] }),
          400,
          'unknown_member',
        )
        expectError(
          await start(fx.commenter, fx.shared.id, { body: `Hi @[${stranger.name}](${stranger.id})` }),
          400,
          'unknown_member',
        )
        expectError(
          await start(fx.commenter, fx.shared.id, { body: 'Hi', mentions: ['nosuchuser'] }),
          400,
          'unknown_member',
        )
      })

      it('answers 404 for a section, thread or comment that does not exist', async () => {
        expectError(await start(fx.commenter, 'nosuchsection'), 404)
        expectError(await start(fx.commenter, fx.shared.id, { body: 'x', threadId: 'nosuchthread' }), 404)
        expectError(await fx.commenter.req('PATCH', '/api/comments/nosuchcomment', { body: 'x' }), 404)
        expectError(await fx.commenter.req('POST', '/api/threads/nosuchthread/resolve'), 404)
      })

      it("refuses a reply to another section's thread", async () => {
        const thread = await start(fx.commenter, fx.shared.id)
        expectError(
          await start(fx.commenter, fx.objectivesOf('Sales').id, { body: 'x', threadId: thread.json.id }),
          404,
        )
      })
    })

    describe('edit and delete: only one’s own comments', () => {
      it.each([
        ['the author', 'commenter', 200],
        ['the owner (not the author)', 'owner', 403],
        ['an editor of the section', 'salesEditor', 403],
        ['a viewer', 'viewer', 403],
        ['someone from another workspace', 'outsider', 404],
      ])('%s editing → %i', async (_, who, status) => {
        const thread = await start(fx.commenter, fx.shared.id, { body: 'Original' })
        const id = comments(thread)[0]!.id
        const res = await people[who]!.req('PATCH', `/api/comments/${id}`, { body: 'Edited' })
        const after = (
          await fx.owner.req<ThreadList>('GET', `/api/sections/${fx.shared.id}/comments`)
        ).json.threads.find((t: { id: string }) => t.id === thread.json.id)
        if (status === 200) {
          expect(res.status).toBe(200)
          expect(after!.comments[0]).toMatchObject({
            body: 'Edited',
            author: { id: fx.commenter.user!.id },
            editedAt: expect.any(Number) as unknown,
          })
        } else {
          expectError(res, status)
          expect(after!.comments[0]).toMatchObject({ body: 'Original', editedAt: null })
        }
      })

      it.each([
        ['the author', 'commenter', 204],
        ['the owner', 'owner', 403],
        ['a viewer', 'viewer', 403],
        ['an outsider', 'outsider', 404],
      ])('%s deleting → %i', async (_, who, status) => {
        const thread = await start(fx.commenter, fx.shared.id, { body: 'To delete' })
        await start(fx.salesEditor, fx.shared.id, { body: 'A reply stays', threadId: thread.json.id })
        const id = comments(thread)[0]!.id
        const res = await people[who]!.req('DELETE', `/api/comments/${id}`)
        const after = (
          await fx.owner.req<ThreadList>('GET', `/api/sections/${fx.shared.id}/comments`)
        ).json.threads.find((t: { id: string }) => t.id === thread.json.id)
        if (status === 204) {
          expect(res.status).toBe(204)
          expect(after!.comments.map((c: { body: string | null }) => c.body)).toEqual([null, 'A reply stays'])
          expect(after!.comments[0]!.deletedAt).toEqual(expect.any(Number))
          expectError(await fx.commenter.req('PATCH', `/api/comments/${id}`, { body: 'Back' }), 404)
        } else {
          expectError(res, status)
          expect(after!.comments[0]!.body).toBe('To delete')
        }
      })

      it('removes a thread once nothing is left in it', async () => {
        const thread = await start(fx.commenter, fx.shared.id, { body: 'Alone' })
        expect((await fx.commenter.req('DELETE', `/api/comments/${comments(thread)[0]!.id}`)).status).toBe(204)
        const list = await fx.owner.req<ThreadList>('GET', `/api/sections/${fx.shared.id}/comments`)
        expect(list.json.threads.some((t: { id: string }) => t.id === thread.json.id)).toBe(false)
      })

      it('stops a commenter demoted to viewer from editing their own comment', async () => {
        const person = await fx.member('commenter', { name: 'Demi Demoted' })
        const thread = await start(person, fx.shared.id, { body: 'Mine' })
        await fx.owner.req('PATCH', `/api/workspaces/${fx.workspace.id}/members/${person.user!.id}`, { role: 'viewer' })
        expectError(await person.req('PATCH', `/api/comments/${comments(thread)[0]!.id}`, { body: 'Still mine?' }), 403)
      })
    })

    describe('resolve and reopen: the thread’s author (even without edit rights) or an editor of the section', () => {
      const rows: [who: string, section: 'overview' | 'Marketing', author: string, status: number][] = [
        ['commenter', 'Marketing', 'commenter', 200],
        ['salesEditor', 'Marketing', 'salesEditor', 200],
        ['marketingEditor', 'Marketing', 'commenter', 200],
        ['owner', 'Marketing', 'commenter', 200],
        ['admin', 'Marketing', 'commenter', 200],
        ['salesEditor', 'Marketing', 'commenter', 403],
        ['commenter', 'Marketing', 'salesEditor', 403],
        ['viewer', 'Marketing', 'commenter', 403],
        ['salesEditor', 'overview', 'commenter', 200],
        ['outsider', 'overview', 'commenter', 404],
        ['anonymous', 'overview', 'commenter', 401],
      ]
      it.each(rows)('%s on %s, thread by %s → %i', async (who, section, author, status) => {
        const thread = await start(people[author]!, sectionOf(section))
        const resolved = await people[who]!.req<Thread>('POST', `/api/threads/${thread.json.id}/resolve`)
        if (status !== 200) {
          expectError(resolved, status)
          await fx.owner.req('POST', `/api/threads/${thread.json.id}/resolve`)
          expectError(await people[who]!.req('POST', `/api/threads/${thread.json.id}/reopen`), status)
          return
        }
        expect(resolved.status).toBe(200)
        expect(resolved.json.resolved).toMatchObject({
          by: { id: people[who]!.user!.id },
          at: expect.any(Number) as unknown,
        })
        const again = await people[who]!.req<Thread>('POST', `/api/threads/${thread.json.id}/resolve`)
        expect(again.json.resolved!.at).toBe(resolved.json.resolved!.at)
        const reopened = await people[who]!.req<Thread>('POST', `/api/threads/${thread.json.id}/reopen`)
        expect(reopened.status).toBe(200)
        expect(reopened.json.resolved).toBeNull()
      })
    })

    describe('notifications', () => {
      const inbox = (who: ApiClient) =>
        who.req<NotificationList>('GET', `/api/workspaces/${fx.workspace.id}/notifications`)
      const unread = async (who: ApiClient) =>
        (await who.req<UnreadCount>('GET', `/api/workspaces/${fx.workspace.id}/notifications/unread-count`)).json
          .unreadCount

      it('tells the people mentioned and the people in the thread, never the author', async () => {
        const viewerBefore = await unread(fx.viewer)
        const ownerBefore = await unread(fx.owner)
        const viewer = fx.viewer.user!
        const thread = await start(fx.commenter, fx.shared.id, { body: `Please look @[${viewer.name}](${viewer.id})` })
        expect(thread.json.comments[0]!.mentions).toEqual([{ id: viewer.id, name: viewer.name }])
        expect(await unread(fx.viewer)).toBe(viewerBefore + 1)
        const mention = (await inbox(fx.viewer)).json.notifications[0]
        expect(mention).toMatchObject({
          kind: 'mention',
          actor: { id: fx.commenter.user!.id },
          threadId: thread.json.id,
          excerpt: `Please look @${viewer.name}`,
          readAt: null,
        })

        const commenterBefore = await unread(fx.commenter)
        await start(fx.owner, fx.shared.id, { body: 'Answer', threadId: thread.json.id, mentions: [viewer.id] })
        expect(await unread(fx.commenter)).toBe(commenterBefore + 1)
        expect((await inbox(fx.commenter)).json.notifications[0]).toMatchObject({
          kind: 'reply',
          actor: { id: fx.owner.user!.id },
        })
        expect(await unread(fx.owner)).toBe(ownerBefore)
        expect((await inbox(fx.viewer)).json.notifications[0]).toMatchObject({
          kind: 'mention',
          actor: { id: fx.owner.user!.id },
        })

        await fx.owner.req('POST', `/api/threads/${thread.json.id}/resolve`)
        expect((await inbox(fx.commenter)).json.notifications[0]).toMatchObject({ kind: 'resolved' })
      })

      it('marks read by id or all at once, and only one’s own', async () => {
        const viewer = fx.viewer.user!
        await start(fx.commenter, fx.shared.id, { body: `@[${viewer.name}](${viewer.id}) one` })
        await start(fx.commenter, fx.shared.id, { body: `@[${viewer.name}](${viewer.id}) two` })
        const list = (await inbox(fx.viewer)).json
        const first = list.notifications[0]!.id
        const someoneElse = await fx.commenter.req('POST', `/api/workspaces/${fx.workspace.id}/notifications/read`, {
          ids: [first],
        })
        expectError(someoneElse, 404)
        const outsider = await other.owner.req('POST', `/api/workspaces/${fx.workspace.id}/notifications/read`, {
          ids: [first],
        })
        expectError(outsider, 404)
        const marked = await fx.viewer.req<UnreadCount>(
          'POST',
          `/api/workspaces/${fx.workspace.id}/notifications/read`,
          {
            ids: [first],
          },
        )
        expect(marked.json.unreadCount).toBe(list.unreadCount - 1)
        expect(
          (
            await fx.viewer.req<NotificationList>('GET', `/api/workspaces/${fx.workspace.id}/notifications?unread=true`)
          ).json.notifications.some((n: { id: string }) => n.id === first),
        ).toBe(false)
        const all = await fx.viewer.req<UnreadCount>('POST', `/api/workspaces/${fx.workspace.id}/notifications/read`, {
          all: true,
        })
        expect(all.json.unreadCount).toBe(0)
        expectError(await fx.viewer.req('POST', `/api/workspaces/${fx.workspace.id}/notifications/read`, {}), 400)
        expectError(
          await fx.viewer.req('POST', `/api/workspaces/${fx.workspace.id}/notifications/read`, {
            ids: [first],
            all: true,
          }),
          400,
        )
        expectError(await other.owner.req('GET', `/api/workspaces/${fx.workspace.id}/notifications`), 404)
      })

      it('takes a mention back when an edit removes it, and tells someone newly mentioned', async () => {
        const viewer = fx.viewer.user!
        const commenter = fx.commenter.user!
        const thread = await start(fx.owner, fx.shared.id, { body: `@[${viewer.name}](${viewer.id}) look` })
        const id = thread.json.comments[0]!.id
        const mentionOf = async (who: ApiClient) =>
          (await inbox(who)).json.notifications.find((n: { commentId: string | null }) => n.commentId === id)
        expect(await mentionOf(fx.viewer)).toBeDefined()
        await fx.owner.req('PATCH', `/api/comments/${id}`, {
          body: `@[${commenter.name}](${commenter.id}) look instead`,
        })
        expect(await mentionOf(fx.viewer)).toBeUndefined()
        expect(await mentionOf(fx.commenter)).toMatchObject({
          kind: 'mention',
          excerpt: `@${commenter.name} look instead`,
        })
      })
    })

    describe('anchors', () => {
      it('marks a text comment detached when its words are deleted, keeping the words', async () => {
        const writer = track(stockClient(server.url, fx.owner.cookieHeader, fx.shared.id))
        expect(await writer.synced).toBe(true)
        appendParagraph(writer.doc, 'Grow our audience on Instagram')
        const body = writer.doc.getXmlFragment('body')
        const text = (body.get(body.length - 1) as Y.XmlElement).get(0) as Y.XmlText
        await eventually(
          async () => bodyText(await storedDoc(server.running, fx.shared.id)).includes('audience on'),
          'the paragraph is stored',
        )
        const anchor = {
          type: 'text',
          start: b64(Y.createRelativePositionFromTypeIndex(text, 9)),
          end: b64(Y.createRelativePositionFromTypeIndex(text, 17)),
          quote: 'audience',
        }
        const thread = await start(fx.commenter, fx.shared.id, { body: 'Which audience?', anchor })
        expect(thread.status, thread.text).toBe(201)
        expect(thread.json).toMatchObject({ anchor, detached: false })
        // Someone types before the words: the anchor follows them.
        text.insert(0, 'We will ')
        await eventually(
          async () => bodyText(await storedDoc(server.running, fx.shared.id)).includes('We will'),
          'the insert is stored',
        )
        const find = async () =>
          (await fx.viewer.req<ThreadList>('GET', `/api/sections/${fx.shared.id}/comments`)).json.threads.find(
            (t: { id: string }) => t.id === thread.json.id,
          )
        expect((await find())!.detached).toBe(false)
        text.delete(17, 8)
        await eventually(async () => (await find())!.detached === true, 'the thread is detached')
        expect((await find())!.anchor!.quote).toBe('audience')
        const plan = await fx.viewer.req<ThreadList>('GET', `/api/plans/${fx.plan.id}/comments`)
        expect(plan.json.threads.find((t: { id: string }) => t.id === thread.json.id)).toMatchObject({
          detached: true,
          sectionId: fx.shared.id,
        })
      })

      it('marks an item comment detached when the item is removed', async () => {
        const sales = fx.objectivesOf('Sales').id
        const writer = track(stockClient(server.url, fx.salesEditor.cookieHeader, sales))
        expect(await writer.synced).toBe(true)
        const itemId = addItem(writer.doc, 'objectives', ['objectives'], {
          statement: 'Capture leads',
          metric: 'leads',
          target: 200,
        })
        await eventually(
          async () =>
            JSON.stringify((await storedDoc(server.running, sales)).getMap('fields').toJSON()).includes(itemId),
          'the objective is stored',
        )
        const thread = await start(fx.commenter, sales, {
          body: 'Is 200 realistic?',
          anchor: { type: 'item', itemId, field: 'target', quote: 'Capture leads' },
        })
        expect(thread.json).toMatchObject({ detached: false, anchor: { itemId, field: 'target' } })
        removeItem(writer.doc, 'objectives', ['objectives'], itemId)
        const find = async () =>
          (await fx.viewer.req<ThreadList>('GET', `/api/sections/${sales}/comments`)).json.threads.find(
            (t: { id: string }) => t.id === thread.json.id,
          )
        await eventually(async () => (await find())!.detached === true, 'the thread is detached')
      })
    })

    describe('live: a channel only the server writes', () => {
      it("tells the plan room about comments and each person's connections about their inbox", async () => {
        const room = track(planEventClient(server.url, fx.marketingEditor, fx.plan.id))
        const viewerRoom = track(planEventClient(server.url, fx.viewer, fx.plan.id))
        const stock = track(stockClient(server.url, fx.owner.cookieHeader, fx.plan.id))
        const stockHeard: unknown[] = []
        stock.provider.messageHandlers[MESSAGE.planEvent] = () => stockHeard.push(1)
        for (const c of [room, viewerRoom, stock]) expect(await c.synced).toBe(true)
        const viewer = fx.viewer.user!
        await start(fx.commenter, fx.shared.id, { body: `Live @[${viewer.name}](${viewer.id})` })
        await eventually(
          () => room.events.some((e) => e.kind === 'comments' && e.sectionId === fx.shared.id),
          'the room hears of the comment',
        )
        await eventually(
          () => viewerRoom.events.some((e) => e.kind === 'notifications' && e.userId === viewer.id),
          "the viewer's inbox changed",
        )
        expect(room.events.some((e) => e.kind === 'notifications')).toBe(false)
        expect(room.events.some((e) => e.kind === 'activity')).toBe(true)
        expect(stockHeard).toEqual([])
      })

      it('closes a connection that sends a plan event of its own', async () => {
        const socket = rawSocket(server.url, `/sync/${fx.plan.id}`, {
          cookie: fx.owner.cookieHeader,
          origin: server.url,
        })
        await socket.opened
        socket.ws.send(Buffer.from([MESSAGE.planEvent, 2, 0x7b, 0x7d]))
        expect(await socket.closed).toBe(CLOSE.malformed)
      })
    })

    describe('tenant isolation', () => {
      it("hides another workspace's sections, threads and comments and changes nothing", async () => {
        const thread = await start(fx.commenter, fx.shared.id, { body: 'Ours' })
        const commentId = thread.json.comments[0]!.id
        const outsider = other.owner
        expectError(await start(outsider, fx.shared.id), 404)
        expectError(await outsider.req<ThreadList>('GET', `/api/sections/${fx.shared.id}/comments`), 404)
        expectError(await outsider.req<ThreadList>('GET', `/api/plans/${fx.plan.id}/comments`), 404)
        expectError(await outsider.req('PATCH', `/api/comments/${commentId}`, { body: 'Theirs' }), 404)
        expectError(await outsider.req('DELETE', `/api/comments/${commentId}`), 404)
        expectError(await outsider.req('POST', `/api/threads/${thread.json.id}/resolve`), 404)
        // Their own section with our thread's id: a reply cannot cross into our thread.
        expectError(await start(outsider, otherSectionId, { body: 'Cross', threadId: thread.json.id }), 404)
        // Our people cannot be mentioned from there.
        expectError(
          await start(outsider, otherSectionId, { body: 'Hi', mentions: [fx.viewer.user!.id] }),
          400,
          'unknown_member',
        )
        const after = (
          await fx.owner.req<ThreadList>('GET', `/api/sections/${fx.shared.id}/comments`)
        ).json.threads.find((t: { id: string }) => t.id === thread.json.id)
        expect(after).toMatchObject({ resolved: null, comments: [{ body: 'Ours', editedAt: null }] })
        expect(
          (await outsider.req<ThreadList>('GET', `/api/sections/${otherSectionId}/comments`)).json.threads,
        ).toEqual([])
      })
    })
  })
})
