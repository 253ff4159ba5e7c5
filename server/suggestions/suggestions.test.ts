import { toBase64 } from 'lib0/buffer'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { z } from 'zod'
import type { ActivityFeed } from '../../shared/activity/schema'
import type { ErrorBody } from '../../shared/api/errors'
import type { NotificationList } from '../../shared/notifications/schema'
import type { BulkDecision, Suggestion } from '../../shared/suggestions/schema'
import { ENGINES } from '../../tests/support/engines'
import { appendParagraph, eventually } from '../../tests/support/sync-clients'
import { suggestionRoom } from '../../tests/support/suggestion-room'
import { storedDoc } from '../../tests/support/sync-fixture'

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
    const room = suggestionRoom(engine, {
      write: (doc) => appendParagraph(doc, 'Hello world'),
      written: (doc) => paragraphs(doc)[0] === 'Hello world',
    })

    it("refuses a suggester's own write to the document; it reaches nobody", async () => {
      appendParagraph(room.commenter.doc, 'Forged by the commenter')
      appendParagraph(room.owner.doc, 'Written after')
      await eventually(() => paragraphs(room.watcher.doc).includes('Written after'), 'the later write arrives')
      expect(paragraphs(room.watcher.doc)).not.toContain('Forged by the commenter')
      expect(paragraphs(await storedDoc(room.server.running, room.section))).not.toContain('Forged by the commenter')
    })

    it('lets a commenter suggest, notifies the editors, and refuses viewers and forged authors', async () => {
      const made = await room.fx.commenter.req<Suggestion>('POST', `/api/sections/${room.section}/suggestions`, {
        ...suggestion(room.owner.doc, 0, 'world', 'team'),
      })
      expect(made.status).toBe(201)
      expect(made.json).toMatchObject({ author: { name: 'Cat Commenter' }, deleted: 'world', inserted: 'team' })
      expect(made.json.outdated).toBe(false)
      expect(made.json.abilities).toEqual({ accept: false, reject: true })

      const forged = await room.fx.commenter.req<ErrorBody>('POST', `/api/sections/${room.section}/suggestions`, {
        ...suggestion(room.owner.doc, 0, 'Hello', 'Hi'),
        authorId: room.fx.owner.user!.id,
      })
      expect(forged.status).toBe(400)
      const viewer = await room.fx.viewer.req<ErrorBody>(
        'POST',
        `/api/sections/${room.section}/suggestions`,
        suggestion(room.owner.doc, 0, 'Hello', 'Hi'),
      )
      expect(viewer.status).toBe(403)
      expect(viewer.json.error.code).toBe('forbidden')
      const wrongWords = await room.fx.commenter.req<ErrorBody>('POST', `/api/sections/${room.section}/suggestions`, {
        ...suggestion(room.owner.doc, 0, 'Hello', 'Hi'),
        deleted: 'Howdy',
      })
      expect(wrongWords.status).toBe(409)
      expect(wrongWords.json.error.code).toBe('suggestion_outdated')

      const inbox = (
        await room.fx.owner.req<z.infer<typeof NotificationList>>(
          'GET',
          `/api/workspaces/${room.fx.workspace.id}/notifications`,
        )
      ).json
      expect(inbox.notifications.map((n) => n.kind)).toContain('suggestion')
      expect((await room.pending()).suggestions).toHaveLength(1)
      expect(paragraphs(room.owner.doc)[0]).toBe('Hello world')
    })

    it('puts an accepted suggestion into body for every client, as a change in the activity log', async () => {
      const [s] = (await room.pending()).suggestions
      expect((await room.fx.commenter.req('POST', `/api/suggestions/${s!.id}/accept`)).status).toBe(403)
      expect((await room.fx.owner.req('POST', `/api/suggestions/${s!.id}/accept`)).status).toBe(204)
      await eventually(
        () => room.everyone().every((c) => paragraphs(c.doc)[0] === 'Hello team'),
        'everyone has the change',
      )
      expect(paragraphs(await storedDoc(room.server.running, room.section))[0]).toBe('Hello team')
      expect((await room.pending()).suggestions).toHaveLength(0)
      const activity = (
        await room.fx.owner.req<z.infer<typeof ActivityFeed>>('GET', `/api/plans/${room.fx.plan.id}/activity?limit=50`)
      ).json
      expect(JSON.stringify(activity)).toContain('accepted a suggestion')
      expect((await room.fx.owner.req('POST', `/api/suggestions/${s!.id}/accept`)).status).toBe(404)
    })

    it('leaves body as it was when a suggestion is rejected', async () => {
      const made = await room.fx.commenter.req<Suggestion>(
        'POST',
        `/api/sections/${room.section}/suggestions`,
        suggestion(room.owner.doc, 0, 'team', 'crew'),
      )
      expect((await room.fx.owner.req('POST', `/api/suggestions/${made.json.id}/reject`)).status).toBe(204)
      appendParagraph(room.owner.doc, 'After the rejection')
      await eventually(() => paragraphs(room.watcher.doc).includes('After the rejection'), 'the later write arrives')
      expect(paragraphs(room.watcher.doc)[0]).toBe('Hello team')
      expect(paragraphs(await storedDoc(room.server.running, room.section))[0]).toBe('Hello team')
      expect((await room.pending()).suggestions).toHaveLength(0)
    })

    it('keeps a suggestion anchored through an edit before it', async () => {
      const made = await room.fx.commenter.req<Suggestion>(
        'POST',
        `/api/sections/${room.section}/suggestions`,
        suggestion(room.owner.doc, 0, 'team', 'crew'),
      )
      textOf(room.owner.doc, 0).insert(0, 'Oh, ')
      await eventually(
        async () => paragraphs(await storedDoc(room.server.running, room.section))[0] === 'Oh, Hello team',
        'the edit is stored',
      )
      expect((await room.pending()).suggestions[0]?.outdated).toBe(false)
      expect((await room.fx.owner.req('POST', `/api/suggestions/${made.json.id}/accept`)).status).toBe(204)
      await eventually(
        () => room.everyone().every((c) => paragraphs(c.doc)[0] === 'Oh, Hello crew'),
        'everyone has the change',
      )
    })

    it('shows a suggestion whose words were deleted as outdated and does not apply it', async () => {
      const made = await room.fx.commenter.req<Suggestion>(
        'POST',
        `/api/sections/${room.section}/suggestions`,
        suggestion(room.owner.doc, 0, 'crew', 'band'),
      )
      const text = textOf(room.owner.doc, 0)
      text.delete(text.toJSON().indexOf('crew'), 4)
      await eventually(
        async () => paragraphs(await storedDoc(room.server.running, room.section))[0] === 'Oh, Hello ',
        'the deletion is stored',
      )
      const [listed] = (await room.pending()).suggestions
      expect(listed).toMatchObject({ id: made.json.id, outdated: true, abilities: { accept: false } })
      const accepted = await room.fx.owner.req<ErrorBody>('POST', `/api/suggestions/${made.json.id}/accept`)
      expect(accepted.status).toBe(409)
      expect(accepted.json.error.code).toBe('suggestion_outdated')
      expect(paragraphs(await storedDoc(room.server.running, room.section))[0]).toBe('Oh, Hello ')
      expect((await room.pending()).suggestions).toHaveLength(1)
      expect((await room.fx.owner.req('POST', `/api/suggestions/${made.json.id}/reject`)).status).toBe(204)
    })

    it('accepts all and rejects all at once', async () => {
      appendParagraph(room.owner.doc, 'Post daily on Instagram')
      await eventually(() => paragraphs(room.commenter.doc).includes('Post daily on Instagram'), 'the commenter has it')
      const line = paragraphs(room.commenter.doc).indexOf('Post daily on Instagram')
      const post = (deleted: string, inserted: string, who = room.fx.commenter) =>
        who.req(
          'POST',
          `/api/sections/${room.section}/suggestions`,
          suggestion(room.commenter.doc, line, deleted, inserted),
        )
      expect((await post('daily', 'weekly')).status).toBe(201)
      expect((await post('Instagram', 'LinkedIn', room.fx.marketingEditor)).status).toBe(201)
      const all = await room.fx.owner.req<BulkDecision>('POST', `/api/sections/${room.section}/suggestions/accept-all`)
      expect(all.status).toBe(200)
      expect(all.json.decided).toHaveLength(2)
      await eventually(
        () => room.everyone().every((c) => paragraphs(c.doc).includes('Post weekly on LinkedIn')),
        'both applied',
      )

      expect((await post('weekly', 'hourly')).status).toBe(201)
      expect((await post('LinkedIn', 'TikTok')).status).toBe(201)
      expect((await room.fx.commenter.req('POST', `/api/sections/${room.section}/suggestions/reject-all`)).status).toBe(
        403,
      )
      const none = await room.fx.owner.req<BulkDecision>('POST', `/api/sections/${room.section}/suggestions/reject-all`)
      expect(none.json.decided).toHaveLength(2)
      expect((await room.pending()).suggestions).toHaveLength(0)
      expect(paragraphs(await storedDoc(room.server.running, room.section))).toContain('Post weekly on LinkedIn')
    })

    it('turns the newlines of an accepted suggestion into paragraphs, the rest of the line in the last one', async () => {
      appendParagraph(room.owner.doc, 'Lead in and the tail')
      await eventually(() => paragraphs(room.commenter.doc).includes('Lead in and the tail'), 'the commenter has it')
      const tail = textOf(room.owner.doc, paragraphs(room.owner.doc).indexOf('Lead in and the tail'))
      tail.format(tail.length - 4, 4, { bold: true })
      const line = paragraphs(room.commenter.doc).indexOf('Lead in and the tail')
      const made = await room.fx.commenter.req<Suggestion>(
        'POST',
        `/api/sections/${room.section}/suggestions`,
        suggestion(room.commenter.doc, line, ' and', '.\nA second one\nA third with'),
      )
      expect(made.status).toBe(201)
      expect((await room.fx.owner.req('POST', `/api/suggestions/${made.json.id}/accept`)).status).toBe(204)
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
        () => room.everyone().every((c) => JSON.stringify(words(c.doc)) === JSON.stringify(want)),
        'everyone has three paragraphs',
      )
      const stored = await storedDoc(room.server.running, room.section)
      expect(words(stored)).toEqual(want)
      expect(split(stored)[2]!.at(-1)).toEqual({ insert: 'tail', attributes: { bold: true } })
      expect(paragraphs(stored).at(-1)).toBe('A third with the <bold>tail</bold>')
    })
  })
})
