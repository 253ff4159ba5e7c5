import * as decoding from 'lib0/decoding'
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { HealthReport } from '../../shared/health/schema'
import { readContent } from '../../shared/plan-model/read'
import { SECTION_CONTENT } from '../../shared/plan-model/schema'
import { contentProblems } from '../../shared/plan-model/validate'
import { FIELDS } from '../../shared/plan-model/ydoc'
import { addItem } from '../../shared/plan-model/write'
import type { SectionKind } from '../../shared/plans/catalog'
import { MESSAGE, REFUSAL } from '../../shared/sync/protocol'
import type { ErrorBody } from '../../shared/api/errors'
import { ApiClient, httpTarget, type PlanBody } from '../../tests/support/api'
import { ENGINES } from '../../tests/support/engines'
import { eventually, type StockClient } from '../../tests/support/sync-clients'
import { storedDoc, syncSuite } from '../../tests/support/sync-fixture'

/** What the server told this client in auth ("permission denied") messages. */
function toldTo(client: StockClient): string[] {
  const told: string[] = []
  client.provider.messageHandlers[MESSAGE.auth] = (_encoder, decoder) => {
    decoding.readVarUint(decoder) // permission denied
    told.push(decoding.readVarString(decoder))
  }
  return told
}

/**
 * Every read a client makes while updates arrive, checked against the schema: the proof that no
 * reader ever sees the wrong value, not even between a bad write and its repair.
 */
function watchReads(client: StockClient, kind: SectionKind) {
  const invalid: unknown[] = []
  client.doc.on('update', () => {
    const read = readContent(client.doc, kind)
    if (!SECTION_CONTENT[kind].safeParse(read).success) invalid.push(read)
  })
  return invalid
}

const fieldsOf = (doc: Y.Doc) => doc.getMap<unknown>(FIELDS)

describe.each(ENGINES)('structured content guard on $engine', (engine) => {
  describe.skipIf(!engine.available)('with stock y-websocket clients', () => {
    const suite = syncSuite(engine)
    const client = suite.client
    let server: ReturnType<typeof syncSuite>['server']
    let fx: ReturnType<typeof syncSuite>['fx']
    beforeAll(() => {
      ;({ server, fx } = suite)
    })

    it('repairs an objective whose target a stock client set to "lots"; the sender is told', async () => {
      const section = fx.objectivesOf('Marketing')
      const writer = client(fx.owner, section.id)
      const witness = client(fx.marketingEditor, section.id)
      for (const c of [writer, witness]) expect(await c.synced).toBe(true)
      const told = toldTo(writer)
      const seenByWitness = watchReads(witness, 'objectives')

      const id = addItem(writer.doc, 'objectives', ['objectives'], {
        statement: 'Grow our audience',
        metric: 'followers',
        target: 5000,
      })
      const item = () => (fieldsOf(writer.doc).get('objectives') as Y.Array<Y.Map<unknown>>).get(0)
      item().set('target', 'lots')

      await eventually(() => told.some((m) => m.startsWith(`${REFUSAL.repaired}:`)), 'the sender is told')
      expect(told.find((m) => m.startsWith('repaired:'))).toMatch(/objectives › .* › target/)
      const repaired = (doc: Y.Doc) => {
        const objective = readContent(doc, 'objectives').objectives[0]
        return (
          objective?.statement === 'Grow our audience' &&
          !(fieldsOf(doc).get('objectives') as Y.Array<Y.Map<unknown>>).get(0).has('target')
        )
      }
      await eventually(() => repaired(witness.doc) && repaired(writer.doc), 'both clients hold the repaired objective')
      for (const doc of [witness.doc, writer.doc, await storedDoc(server.running, section.id)]) {
        expect(contentProblems(doc, 'objectives')).toEqual([])
        expect(readContent(doc, 'objectives').objectives).toEqual([
          expect.objectContaining({ id, metric: 'followers', target: null }),
        ])
      }
      expect(seenByWitness).toEqual([])
    })

    it('repairs a calendar entry dated 42 in a network section, keeping the rest of the entry', async () => {
      const added = await fx.owner.req<PlanBody>('POST', `/api/plans/${fx.plan.id}/networks`, { name: 'Instagram' })
      expect(added.status).toBe(201)
      const network = added.json.sections.find((s) => s.kind === 'network')!
      const writer = client(fx.marketingEditor, network.id)
      const witness = client(fx.owner, network.id)
      for (const c of [writer, witness]) expect(await c.synced).toBe(true)
      const told = toldTo(writer)
      const seenByWitness = watchReads(witness, 'network')

      // Exactly what a stock client can do with the plain Yjs API.
      const entry = new Y.Map<unknown>()
      entry.set('id', 'entry-1')
      entry.set('date', 42)
      entry.set('theme', 'Launch')
      entry.set('format', 'carrier pigeon')
      fieldsOf(writer.doc).set('calendar', Y.Array.from([entry]))

      await eventually(() => told.some((m) => m.startsWith('repaired:')), 'the sender is told')
      const calendar = (doc: Y.Doc) => readContent(doc, 'network').calendar
      await eventually(
        () =>
          [writer, witness].every(
            (c) => calendar(c.doc)[0]?.theme === 'Launch' && contentProblems(c.doc, 'network').length === 0,
          ),
        'both clients are repaired',
      )
      const stored = await storedDoc(server.running, network.id)
      expect(contentProblems(stored, 'network')).toEqual([])
      expect(calendar(stored)).toEqual([
        { id: 'entry-1', date: null, theme: 'Launch', format: 'post', owner: '', status: 'idea' },
      ])
      expect(seenByWitness).toEqual([])
    })

    it('answers the health check from live and stored sections, to members only', async () => {
      const res = await fx.owner.req('GET', `/api/plans/${fx.plan.id}/health`)
      expect(res.status).toBe(200)
      const { findings } = HealthReport.parse(res.json)
      const marketing = fx.objectivesOf('Marketing')
      expect(findings).toContainEqual(
        expect.objectContaining({
          rule: 'objective-not-measurable',
          sectionId: marketing.id,
          path: ['objectives', expect.any(String), 'target'],
        }),
      )
      expect(findings).toContainEqual(expect.objectContaining({ rule: 'network-without-calendar', path: ['calendar'] }))
      expect(findings).toContainEqual(expect.objectContaining({ rule: 'process-without-owner' }))
      expect((await fx.viewer.req('GET', `/api/plans/${fx.plan.id}/health`)).status).toBe(200)

      const stranger = await new ApiClient(httpTarget(), server.url).signup('Stan Stranger')
      const refused = await stranger.req<ErrorBody>('GET', `/api/plans/${fx.plan.id}/health`)
      expect(refused.status).toBe(404)
      expect(refused.json.error.code).toBe('not_found')
      expect((await new ApiClient(httpTarget(), server.url).req('GET', `/api/plans/${fx.plan.id}/health`)).status).toBe(
        401,
      )
    })
  })
})
