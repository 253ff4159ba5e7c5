import { toBase64 } from 'lib0/buffer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { z } from 'zod'
import type { ActivityFeed } from '../../shared/activity/schema'
import type { ErrorBody } from '../../shared/api/errors'
import type { NotificationList } from '../../shared/notifications/schema'
import type { BulkDecision, Suggestion, SuggestionList } from '../../shared/suggestions/schema'
import type { ApiClient } from '../../tests/support/api'
import { ENGINES } from '../../tests/support/engines'
import { appendParagraph, eventually, type StockClient, stockClient } from '../../tests/support/sync-clients'
import { planWithPeople, startSyncServer, storedDoc } from '../../tests/support/sync-fixture'

/** The text of each paragraph of a section's rich text, as a client holds it. */
const paragraphs = (doc: Y.Doc) =>
  doc
    .getXmlFragment('body')
    .toArray()
    .map((p) => ((p as Y.XmlElement).get(0) as Y.XmlText | undefined)?.toJSON() ?? '')

const textOf = (doc: Y.Doc, paragraph: number) =>
  (doc.getXmlFragment('body').get(paragraph) as Y.XmlElement).get(0) as Y.XmlText

/** A suggestion replacing `deleted` in a paragraph with `inserted`, anchored as the editor anchors it. */
function suggestion(doc: Y.Doc, paragraph: number, deleted: string, inserted: string, at?: number) {
  const text = textOf(doc, paragraph)
  const from = at ?? text.toJSON().indexOf(deleted)
  const pos = (i: number) => toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, i)))
  return { start: pos(from), end: pos(from + deleted.length), deleted, inserted }
}

/**
 * Suggestions (docs/product.md#suggestions-and-outside-reviewers, docs/suggestions.md) with stock y-websocket clients: whoever suggests never
 * writes the document; an editor's acceptance is a server change every client receives.
 */
describe.each(ENGINES)('suggestions on $engine', (engine) => {
  describe.skipIf(!engine.available)('', () => {
    let server: Awaited<ReturnType<typeof startSyncServer>>
    let fx: Awaited<ReturnType<typeof planWithPeople>>
    let section: string
    let owner: StockClient
    let commenter: StockClient
    let watcher: StockClient
    const open: StockClient[] = []
    const client = (who: ApiClient) => {
      const c = stockClient(server.url, who.cookieHeader, section)
      open.push(c)
      return c
    }
    const everyone = () => [owner, commenter, watcher]
    const pending = async () => (await fx.owner.req<SuggestionList>('GET', `/api/sections/${section}/suggestions`)).json

    beforeAll(async () => {
      server = await startSyncServer(engine)
      fx = await planWithPeople(server.url)
      section = fx.shared.id
      owner = client(fx.owner)
      commenter = client(fx.commenter)
      watcher = client(fx.viewer)
      for (const c of everyone()) expect(await c.synced).toBe(true)
      appendParagraph(owner.doc, 'Hello world')
      await eventually(() => everyone().every((c) => paragraphs(c.doc)[0] === 'Hello world'), 'everyone has the text')
    })
    afterAll(async () => {
      for (const c of open) c.close()
      await server?.dispose()
    })

    it("refuses a suggester's own write to the document; it reaches nobody", async () => {
      appendParagraph(commenter.doc, 'Forged by the commenter')
      appendParagraph(owner.doc, 'Written after')
      await eventually(() => paragraphs(watcher.doc).includes('Written after'), 'the later write arrives')
      expect(paragraphs(watcher.doc)).not.toContain('Forged by the commenter')
      expect(paragraphs(await storedDoc(server.running, section))).not.toContain('Forged by the commenter')
    })

    it('lets a commenter suggest, notifies the editors, and refuses viewers and forged authors', async () => {
      const made = await fx.commenter.req<Suggestion>('POST', `/api/sections/${section}/suggestions`, {
        ...suggestion(owner.doc, 0, 'world', 'team'),
      })
      expect(made.status).toBe(201)
      expect(made.json).toMatchObject({ author: { name: 'Cat Commenter' }, deleted: 'world', inserted: 'team' })
      expect(made.json.outdated).toBe(false)
      expect(made.json.abilities).toEqual({ accept: false, reject: true })

      const forged = await fx.commenter.req<ErrorBody>('POST', `/api/sections/${section}/suggestions`, {
        ...suggestion(owner.doc, 0, 'Hello', 'Hi'),
        authorId: fx.owner.user!.id,
      })
      expect(forged.status).toBe(400)
      const viewer = await fx.viewer.req<ErrorBody>(
        'POST',
        `/api/sections/${section}/suggestions`,
        suggestion(owner.doc, 0, 'Hello', 'Hi'),
      )
      expect(viewer.status).toBe(403)
      expect(viewer.json.error.code).toBe('forbidden')
      const wrongWords = await fx.commenter.req<ErrorBody>('POST', `/api/sections/${section}/suggestions`, {
        ...suggestion(owner.doc, 0, 'Hello', 'Hi'),
        deleted: 'Howdy',
      })
      expect(wrongWords.status).toBe(409)
      expect(wrongWords.json.error.code).toBe('suggestion_outdated')

      const inbox = (
        await fx.owner.req<z.infer<typeof NotificationList>>('GET', `/api/workspaces/${fx.workspace.id}/notifications`)
      ).json
      expect(inbox.notifications.map((n) => n.kind)).toContain('suggestion')
      expect((await pending()).suggestions).toHaveLength(1)
      expect(paragraphs(owner.doc)[0]).toBe('Hello world')
    })

    it('puts an accepted suggestion into body for every client, as a change in the activity log', async () => {
      const [s] = (await pending()).suggestions
      expect((await fx.commenter.req('POST', `/api/suggestions/${s!.id}/accept`)).status).toBe(403)
      expect((await fx.owner.req('POST', `/api/suggestions/${s!.id}/accept`)).status).toBe(204)
      await eventually(() => everyone().every((c) => paragraphs(c.doc)[0] === 'Hello team'), 'everyone has the change')
      expect(paragraphs(await storedDoc(server.running, section))[0]).toBe('Hello team')
      expect((await pending()).suggestions).toHaveLength(0)
      const activity = (
        await fx.owner.req<z.infer<typeof ActivityFeed>>('GET', `/api/plans/${fx.plan.id}/activity?limit=50`)
      ).json
      expect(JSON.stringify(activity)).toContain('accepted a suggestion')
      expect((await fx.owner.req('POST', `/api/suggestions/${s!.id}/accept`)).status).toBe(404)
    })

    it('leaves body as it was when a suggestion is rejected', async () => {
      const made = await fx.commenter.req<Suggestion>(
        'POST',
        `/api/sections/${section}/suggestions`,
        suggestion(owner.doc, 0, 'team', 'crew'),
      )
      expect((await fx.owner.req('POST', `/api/suggestions/${made.json.id}/reject`)).status).toBe(204)
      appendParagraph(owner.doc, 'After the rejection')
      await eventually(() => paragraphs(watcher.doc).includes('After the rejection'), 'the later write arrives')
      expect(paragraphs(watcher.doc)[0]).toBe('Hello team')
      expect(paragraphs(await storedDoc(server.running, section))[0]).toBe('Hello team')
      expect((await pending()).suggestions).toHaveLength(0)
    })

    it('keeps a suggestion anchored through an edit before it', async () => {
      const made = await fx.commenter.req<Suggestion>(
        'POST',
        `/api/sections/${section}/suggestions`,
        suggestion(owner.doc, 0, 'team', 'crew'),
      )
      textOf(owner.doc, 0).insert(0, 'Oh, ')
      await eventually(
        async () => paragraphs(await storedDoc(server.running, section))[0] === 'Oh, Hello team',
        'the edit is stored',
      )
      expect((await pending()).suggestions[0]?.outdated).toBe(false)
      expect((await fx.owner.req('POST', `/api/suggestions/${made.json.id}/accept`)).status).toBe(204)
      await eventually(
        () => everyone().every((c) => paragraphs(c.doc)[0] === 'Oh, Hello crew'),
        'everyone has the change',
      )
    })

    it('shows a suggestion whose words were deleted as outdated and does not apply it', async () => {
      const made = await fx.commenter.req<Suggestion>(
        'POST',
        `/api/sections/${section}/suggestions`,
        suggestion(owner.doc, 0, 'crew', 'band'),
      )
      const text = textOf(owner.doc, 0)
      text.delete(text.toJSON().indexOf('crew'), 4)
      await eventually(
        async () => paragraphs(await storedDoc(server.running, section))[0] === 'Oh, Hello ',
        'the deletion is stored',
      )
      const [listed] = (await pending()).suggestions
      expect(listed).toMatchObject({ id: made.json.id, outdated: true, abilities: { accept: false } })
      const accepted = await fx.owner.req<ErrorBody>('POST', `/api/suggestions/${made.json.id}/accept`)
      expect(accepted.status).toBe(409)
      expect(accepted.json.error.code).toBe('suggestion_outdated')
      expect(paragraphs(await storedDoc(server.running, section))[0]).toBe('Oh, Hello ')
      expect((await pending()).suggestions).toHaveLength(1)
      expect((await fx.owner.req('POST', `/api/suggestions/${made.json.id}/reject`)).status).toBe(204)
    })

    it('accepts all and rejects all at once', async () => {
      appendParagraph(owner.doc, 'Post daily on Instagram')
      await eventually(() => paragraphs(commenter.doc).includes('Post daily on Instagram'), 'the commenter has it')
      const line = paragraphs(commenter.doc).indexOf('Post daily on Instagram')
      const post = (deleted: string, inserted: string, who = fx.commenter) =>
        who.req('POST', `/api/sections/${section}/suggestions`, suggestion(commenter.doc, line, deleted, inserted))
      expect((await post('daily', 'weekly')).status).toBe(201)
      expect((await post('Instagram', 'LinkedIn', fx.marketingEditor)).status).toBe(201)
      const all = await fx.owner.req<BulkDecision>('POST', `/api/sections/${section}/suggestions/accept-all`)
      expect(all.status).toBe(200)
      expect(all.json.decided).toHaveLength(2)
      await eventually(
        () => everyone().every((c) => paragraphs(c.doc).includes('Post weekly on LinkedIn')),
        'both applied',
      )

      expect((await post('weekly', 'hourly')).status).toBe(201)
      expect((await post('LinkedIn', 'TikTok')).status).toBe(201)
      expect((await fx.commenter.req('POST', `/api/sections/${section}/suggestions/reject-all`)).status).toBe(403)
      const none = await fx.owner.req<BulkDecision>('POST', `/api/sections/${section}/suggestions/reject-all`)
      expect(none.json.decided).toHaveLength(2)
      expect((await pending()).suggestions).toHaveLength(0)
      expect(paragraphs(await storedDoc(server.running, section))).toContain('Post weekly on LinkedIn')
    })

    it('turns the newlines of an accepted suggestion into paragraphs, the rest of the line in the last one', async () => {
      appendParagraph(owner.doc, 'Lead in and the tail')
      await eventually(() => paragraphs(commenter.doc).includes('Lead in and the tail'), 'the commenter has it')
      const tail = textOf(owner.doc, paragraphs(owner.doc).indexOf('Lead in and the tail'))
      tail.format(tail.length - 4, 4, { bold: true })
      const line = paragraphs(commenter.doc).indexOf('Lead in and the tail')
      const made = await fx.commenter.req<Suggestion>(
        'POST',
        `/api/sections/${section}/suggestions`,
        suggestion(commenter.doc, line, ' and', '.\nA second one\nA third with'),
      )
      expect(made.status).toBe(201)
      expect((await fx.owner.req('POST', `/api/suggestions/${made.json.id}/accept`)).status).toBe(204)
      const want = ['Lead in.', 'A second one', 'A third with the tail']
      /** The three paragraphs from "Lead in" on, each as its text's delta. */
      const split = (doc: Y.Doc) => {
        const blocks = doc.getXmlFragment('body').toArray() as Y.XmlElement[]
        const at = paragraphs(doc).findIndex((p) => p.startsWith('Lead in'))
        return blocks
          .slice(at, at + 3)
          .map((p) => (p.get(0) as Y.XmlText).toDelta() as { insert: string; attributes?: object }[])
      }
      const words = (doc: Y.Doc) => split(doc).map((d) => d.map((op) => op.insert).join(''))
      await eventually(
        () => everyone().every((c) => JSON.stringify(words(c.doc)) === JSON.stringify(want)),
        'everyone has three paragraphs',
      )
      const stored = await storedDoc(server.running, section)
      expect(words(stored)).toEqual(want)
      expect(split(stored)[2]!.at(-1)).toEqual({ insert: 'tail', attributes: { bold: true } })
      expect(paragraphs(stored).at(-1)).toBe('A third with the <bold>tail</bold>')
    })
  })
})
