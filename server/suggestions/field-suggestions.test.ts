import { toBase64 } from 'lib0/buffer'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ErrorBody } from '../../shared/api/errors'
import { readContent } from '../../shared/plan-model/read'
import { addItem, setField } from '../../shared/plan-model/write'
import { textAt, unwrittenText } from '../../shared/plan-model/ydoc'
import { textFieldMax } from '../../shared/plan-model/schema-shape'
import type { Suggestion } from '../../shared/suggestions/schema'
import { ENGINES } from '../../tests/support/engines'
import { eventually } from '../../tests/support/sync-clients'
import { suggestionRoom } from '../../tests/support/suggestion-room'
import { storedDoc } from '../../tests/support/sync-fixture'

const AUDIENCE = ['audience']
const audience = (doc: Y.Doc) => readContent(doc, 'overview').audience

/** A suggestion replacing `deleted` in the overview's audience field, anchored as a field's client anchors it. */
function fieldSuggestion(doc: Y.Doc, deleted: string, inserted: string) {
  const text = textAt(doc, AUDIENCE)!
  const from = text.toJSON().indexOf(deleted)
  const pos = (i: number, assoc: number) =>
    toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, i, assoc)))
  return { target: AUDIENCE, start: pos(from, 0), end: pos(from + deleted.length, -1), deleted, inserted }
}

/**
 * Suggestions in a structured text field (docs/suggestions.md#structured-fields) with stock y-websocket
 * clients: the suggester's own write to the field is refused; acceptance is a server change to the
 * field's shared text that every client receives; rejection leaves it; an outdated one is not applied.
 */
describe.each(ENGINES)('field suggestions on $engine', (engine) => {
  describe.skipIf(!engine.available)('', () => {
    const room = suggestionRoom(engine, {
      write: (doc) => setField(doc, 'overview', 'audience', 'Young parents in Lyon'),
      written: (doc) => audience(doc) === 'Young parents in Lyon',
    })

    it("refuses a commenter's write to the field, which reaches nobody, and takes their suggestion", async () => {
      // A second connection of the commenter's, which keeps its refused write to itself.
      const forger = room.client(room.fx.commenter)
      expect(await forger.synced).toBe(true)
      forger.doc.transact(() => textAt(forger.doc, AUDIENCE)!.insert(0, 'Forged: '))
      setField(room.owner.doc, 'overview', 'whySocial', 'Written after')
      await eventually(() => readContent(room.watcher.doc, 'overview').whySocial === 'Written after', 'the later write')
      expect(room.everyone().map((c) => audience(c.doc))).toEqual(Array(3).fill('Young parents in Lyon'))
      expect(audience(await storedDoc(room.server.running, room.section))).toBe('Young parents in Lyon')

      const made = await room.post(room.fx.commenter, fieldSuggestion(room.owner.doc, 'Lyon', 'Lyon and Grenoble'))
      expect(made.status).toBe(201)
      expect(made.json).toMatchObject({ target: AUDIENCE, deleted: 'Lyon', inserted: 'Lyon and Grenoble' })
      expect(made.json.outdated).toBe(false)
      expect(audience(await storedDoc(room.server.running, room.section))).toBe('Young parents in Lyon')
    })

    it('refuses a target that names no text field of the section', async () => {
      const body = fieldSuggestion(room.owner.doc, 'parents', 'families')
      for (const target of [['departmentIds'], ['nothing'], ['audience', 'x'], ['objectives', 'x', 'statement']]) {
        const res = await room.post(room.fx.commenter, { ...body, target })
        expect(res.status, JSON.stringify(target)).toBe(400)
      }
      // The positions are in the field's text: as a body suggestion they name nothing of the rich text.
      const asBody = await room.post(room.fx.commenter, { ...body, target: 'body' })
      expect(asBody.status).toBe(409)
      expect(asBody.json.error.code).toBe('suggestion_outdated')
    })

    it('puts an accepted field suggestion into the field for every client', async () => {
      const [s] = (await room.pending()).suggestions
      expect((await room.fx.commenter.req('POST', `/api/suggestions/${s!.id}/accept`)).status).toBe(403)
      expect((await room.fx.owner.req('POST', `/api/suggestions/${s!.id}/accept`)).status).toBe(204)
      const want = 'Young parents in Lyon and Grenoble'
      await eventually(() => room.everyone().every((c) => audience(c.doc) === want), 'everyone has the change')
      expect(audience(await storedDoc(room.server.running, room.section))).toBe(want)
      expect((await room.pending()).suggestions).toHaveLength(0)
      const activity = await room.fx.owner.req('GET', `/api/plans/${room.fx.plan.id}/activity?limit=50`)
      expect(activity.text).toContain('Replace “Lyon” with “Lyon and Grenoble” in Audience')
    })

    it('leaves the field as it was when a field suggestion is rejected', async () => {
      const made = await room.post(room.fx.commenter, fieldSuggestion(room.owner.doc, 'Young ', ''))
      expect(made.status).toBe(201)
      expect((await room.fx.owner.req('POST', `/api/suggestions/${made.json.id}/reject`)).status).toBe(204)
      setField(room.owner.doc, 'overview', 'whySocial', 'After the rejection')
      await eventually(
        () => readContent(room.watcher.doc, 'overview').whySocial === 'After the rejection',
        'a later write',
      )
      expect(audience(room.watcher.doc)).toBe('Young parents in Lyon and Grenoble')
      expect(audience(await storedDoc(room.server.running, room.section))).toBe('Young parents in Lyon and Grenoble')
      expect((await room.pending()).suggestions).toHaveLength(0)
    })

    it('answers 409 to accepting a field suggestion whose words were edited meanwhile', async () => {
      const made = await room.post(room.fx.commenter, fieldSuggestion(room.owner.doc, 'Grenoble', 'Annecy'))
      expect(made.status).toBe(201)
      const text = textAt(room.owner.doc, AUDIENCE)!
      room.owner.doc.transact(() => text.delete(text.toJSON().indexOf('Grenoble'), 3))
      await eventually(
        async () => audience(await storedDoc(room.server.running, room.section)) === 'Young parents in Lyon and noble',
        'the edit is stored',
      )
      expect((await room.pending()).suggestions[0]).toMatchObject({ id: made.json.id, outdated: true })
      const accepted = await room.fx.owner.req<ErrorBody>('POST', `/api/suggestions/${made.json.id}/accept`)
      expect(accepted.status).toBe(409)
      expect(accepted.json.error.code).toBe('suggestion_outdated')
      expect(audience(await storedDoc(room.server.running, room.section))).toBe('Young parents in Lyon and noble')
      expect((await room.fx.owner.req('POST', `/api/suggestions/${made.json.id}/reject`)).status).toBe(204)
    })

    it('takes an insertion into a field nobody has written yet, anchored to the text it will have', async () => {
      expect(textAt(room.owner.doc, ['businessAims'])).toBeNull()
      const empty = unwrittenText('overview', 'businessAims')!
      const at = (assoc: number) =>
        toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(empty, 0, assoc)))
      const body = { target: ['businessAims'], start: at(0), end: at(-1), deleted: '', inserted: 'Fill weekday tables' }
      const made = await room.post(room.fx.commenter, body)
      expect(made.status).toBe(201)
      expect(made.json.outdated).toBe(false)
      expect(textAt(room.owner.doc, ['businessAims'])).toBeNull()
      expect((await room.fx.owner.req('POST', `/api/suggestions/${made.json.id}/accept`)).status).toBe(204)
      const aims = (doc: Y.Doc) => readContent(doc, 'overview').businessAims
      await eventually(() => room.everyone().every((c) => aims(c.doc) === 'Fill weekday tables'), 'everyone has it')
      // The text is the one every client makes, so an editor's first words there would have merged with it.
      expect(textAt(room.owner.doc, ['businessAims'])!._item!.id).toEqual(empty._item!.id)
      expect(aims(await storedDoc(room.server.running, room.section))).toBe('Fill weekday tables')
      // Once written, the field is no longer empty: the same anchors are outdated.
      expect((await room.post(room.fx.commenter, body)).status).toBe(409)
    })

    it("takes an editor of another department's suggestion on an objective's statement; the section's editor accepts", async () => {
      const objectives = room.fx.objectivesOf('Sales').id
      const sales = room.client(room.fx.salesEditor, objectives)
      const marketing = room.client(room.fx.marketingEditor, objectives)
      expect(await sales.synced).toBe(true)
      expect(await marketing.synced).toBe(true)
      const id = addItem(sales.doc, 'objectives', ['objectives'], { statement: 'Fill weekday tables' })
      const path = ['objectives', id, 'statement']
      const statement = (doc: Y.Doc) => readContent(doc, 'objectives').objectives[0]?.statement
      await eventually(() => statement(marketing.doc) === 'Fill weekday tables', 'the objective arrives')
      const text = textAt(marketing.doc, path)!
      const end = toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, text.length, -1)))
      const made = await room.fx.marketingEditor.req<Suggestion>('POST', `/api/sections/${objectives}/suggestions`, {
        target: path,
        start: end,
        end,
        deleted: '',
        inserted: ' by June',
      })
      expect(made.status).toBe(201)
      expect(made.json.abilities.accept).toBe(false)
      expect((await room.fx.marketingEditor.req('POST', `/api/suggestions/${made.json.id}/accept`)).status).toBe(403)
      expect((await room.fx.salesEditor.req('POST', `/api/suggestions/${made.json.id}/accept`)).status).toBe(204)
      await eventually(
        () => [sales, marketing].every((c) => statement(c.doc) === 'Fill weekday tables by June'),
        'both have the change',
      )
    })

    it('refuses a suggestion that would take the field past its limit, and leaves one that no longer fits', async () => {
      const max = textFieldMax('overview', AUDIENCE)!
      const before = await room.pending()
      const tooLong = await room.post(room.fx.commenter, fieldSuggestion(room.owner.doc, 'Lyon', 'x'.repeat(max)))
      expect(tooLong.status).toBe(400)
      expect(tooLong.json.error.code).toBe('too_long')
      expect(await room.pending()).toEqual(before)

      // Made while it fitted; by the time it is accepted the field has grown past room for it, typed at
      // its end (the words it is on are untouched), so it is left pending, as an outdated one is.
      const fits = await room.post(room.fx.commenter, fieldSuggestion(room.owner.doc, 'Lyon', 'Lyon and Annecy'))
      expect(fits.status).toBe(201)
      const text = textAt(room.owner.doc, AUDIENCE)!
      room.owner.doc.transact(() => text.insert(text.length, ` ${'y'.repeat(max - text.length - 5)}`))
      const grown = audience(room.owner.doc)
      await eventually(async () => audience(await storedDoc(room.server.running, room.section)) === grown, 'stored')
      const accepted = await room.fx.owner.req<ErrorBody>('POST', `/api/suggestions/${fits.json.id}/accept`)
      expect(accepted.status).toBe(409)
      expect(accepted.json.error.code).toBe('suggestion_outdated')
      expect(audience(await storedDoc(room.server.running, room.section))).toBe(grown)
      expect((await room.pending()).suggestions.map((p) => p.id)).toContain(fits.json.id)
    })
  })
})
