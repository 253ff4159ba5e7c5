import { beforeAll, describe, expect, it } from 'vitest'
import type { PlanVersion, RestoreResult, Version, VersionDetail, VersionList } from '../../shared/history/schema'
import { type ActivityFeed, ApiClient, httpTarget, type PlanBody, workspaceFixture } from '../../tests/support/api'
import { expectError } from '../../tests/support/contract'
import { ENGINES } from '../../tests/support/engines'
import { appendParagraph, bodyText, eventually, processed, sleep, WITH_ACKS } from '../../tests/support/sync-clients'
import { syncSuite } from '../../tests/support/sync-fixture'

/** A server whose automatic snapshots and unloads happen within a test's patience. */
function historySuite(engine: (typeof ENGINES)[number], env: { snapshotEveryMs: number; unloadAfterMs: number }) {
  // Registered before syncSuite's own beforeAll, so the server starts with these settings.
  beforeAll(() => {
    process.env.HISTORY_SNAPSHOT_EVERY_MS = String(env.snapshotEveryMs)
    process.env.SYNC_UNLOAD_AFTER_MS = String(env.unloadAfterMs)
  })
  return syncSuite(engine)
}

const versionsOf = async (who: ApiClient, sectionId: string): Promise<Version[]> => {
  const res = await who.req<VersionList>('GET', `/api/sections/${sectionId}/versions`)
  expect(res.status, res.text).toBe(200)
  return res.json.versions
}
const textOf = (detail: { content: { blocks: { text: string }[] } }) => detail.content.blocks.map((b) => b.text)

describe.each(ENGINES)('history on $engine', (engine) => {
  describe.skipIf(!engine.available)('while people edit', () => {
    const suite = historySuite(engine, { snapshotEveryMs: 200, unloadAfterMs: 60_000 })
    let fx: ReturnType<typeof syncSuite>['fx']
    beforeAll(() => {
      fx = suite.fx
    })

    it('restores a version while another person is connected: both see it, the list and the activity log show it, and it can be undone', async () => {
      const section = fx.shared.id
      const writer = suite.client(fx.marketingEditor, section)
      const reader = suite.client(fx.salesEditor, section)
      for (const c of [writer, reader]) expect(await c.synced).toBe(true)
      appendParagraph(writer.doc, 'Answer within four hours.')
      await eventually(() => bodyText(reader.doc).includes('four hours'), 'the reader sees the first draft')
      const named = await fx.owner.req<Version>('POST', `/api/sections/${section}/versions`, {
        name: '  Sent to the board  ',
      })
      expect(named.status, named.text).toBe(201)
      expect(named.json).toMatchObject({
        kind: 'named',
        name: 'Sent to the board',
        createdBy: { id: fx.owner.user!.id },
      })

      appendParagraph(reader.doc, 'Argue with trolls.')
      await eventually(() => bodyText(writer.doc).includes('trolls'), 'the writer sees the later change')

      const restore = await fx.marketingEditor.req<RestoreResult>(
        'POST',
        `/api/sections/${section}/versions/${named.json.id}/restore`,
      )
      expect(restore.status, restore.text).toBe(200)
      const expected = '<paragraph>Answer within four hours.</paragraph>'
      await eventually(
        () => bodyText(writer.doc) === expected && bodyText(reader.doc) === expected,
        'both clients hold the restored text',
      )

      const list = await versionsOf(fx.viewer, section)
      expect(list[0]).toMatchObject({
        kind: 'restore',
        createdBy: { id: fx.marketingEditor.user!.id },
        restoredFrom: { id: named.json.id, name: 'Sent to the board' },
      })
      expect(restore.json.restored.id).toBe(list[0]!.id)
      // Just before the restore, the present was kept: the restore can be undone. The restore keeps it
      // itself, unless the automatic snapshot (every 200 ms here) kept the same a moment before: then
      // `before` is null, as the API says, and that snapshot is the one under the restore.
      expect(list[1]).toMatchObject({ kind: 'auto', createdBy: null })
      expect([list[1]!.id, undefined]).toContain(restore.json.before?.id)
      const before = await fx.viewer.req<VersionDetail>('GET', `/api/sections/${section}/versions/${list[1]!.id}`)
      expect(before.status).toBe(200)
      expect(textOf(before.json)).toEqual(['Answer within four hours.', 'Argue with trolls.'])
      expect(
        textOf((await fx.viewer.req<VersionDetail>('GET', `/api/sections/${section}/versions/${list[0]!.id}`)).json),
      ).toEqual(['Answer within four hours.'])

      const feed = await fx.owner.req<ActivityFeed>('GET', `/api/plans/${fx.plan.id}/activity?category=history`)
      const restored = feed.json.events.find((e: { kind: string }) => e.kind === 'version_restored')!
      expect(restored).toMatchObject({
        category: 'history',
        sectionId: section,
        actor: { id: fx.marketingEditor.user!.id },
      })
      expect(restored.summary).toBe('Mo Marketing restored Overview to the version “Sent to the board”.')

      const undo = await fx.marketingEditor.req('POST', `/api/sections/${section}/versions/${list[1]!.id}/restore`)
      expect(undo.status, undo.text).toBe(200)
      await eventually(
        () => bodyText(reader.doc).includes('trolls') && bodyText(writer.doc).includes('trolls'),
        'the undo reaches both clients',
      )
    })

    it('takes automatic snapshots during activity, at most one per interval, and none while nothing changes', async () => {
      const section = fx.objectivesOf('Sales').id
      const writer = suite.client(fx.salesEditor, section)
      expect(await writer.synced).toBe(true)
      appendParagraph(writer.doc, 'Draft one.')
      appendParagraph(writer.doc, 'Draft two.')
      await eventually(
        async () => (await versionsOf(fx.owner, section)).some((v) => v.kind === 'auto'),
        'an automatic snapshot',
      )
      const first = await versionsOf(fx.owner, section)
      expect(first).toHaveLength(1)
      expect(first[0]).toMatchObject({ kind: 'auto', createdBy: null, name: null })
      const shown = await fx.owner.req<VersionDetail>('GET', `/api/sections/${section}/versions/${first[0]!.id}`)
      expect(textOf(shown.json)).toEqual(['Draft one.', 'Draft two.'])

      await sleep(500)
      expect(await versionsOf(fx.owner, section)).toHaveLength(1)
      appendParagraph(writer.doc, 'Draft three.')
      await eventually(
        async () => (await versionsOf(fx.owner, section)).length === 2,
        'a second snapshot after more writing',
      )
    })

    it("names a version of the whole plan: one per section under one id, in every section's list and in the activity log", async () => {
      const res = await fx.salesEditor.req<PlanVersion>('POST', `/api/plans/${fx.plan.id}/versions`, {
        name: 'Sent to the board, March',
      })
      expect(res.status, res.text).toBe(201)
      const plan = await fx.owner.req<PlanBody>('GET', `/api/plans/${fx.plan.id}`)
      expect(res.json.versions).toHaveLength(plan.json.sections.length)
      for (const s of plan.json.sections) {
        const mine = (await versionsOf(fx.viewer, s.id)).find((v) => v.planVersionId === res.json.planVersionId)
        expect(mine, s.id).toMatchObject({
          kind: 'named',
          name: 'Sent to the board, March',
          createdBy: { id: fx.salesEditor.user!.id },
        })
      }
      const feed = await fx.owner.req<ActivityFeed>('GET', `/api/plans/${fx.plan.id}/activity?kind=version_named`)
      expect(feed.json.events.map((e: { summary: string }) => e.summary)).toContain(
        'Sam Sales named a version of the whole plan: “Sent to the board, March”.',
      )
    })

    it('lets everyone who reads a section see its history, and only its editors name or restore', async () => {
      const marketing = fx.objectivesOf('Marketing').id
      const named = await fx.marketingEditor.req<Version>('POST', `/api/sections/${marketing}/versions`, {
        name: 'Marketing draft',
      })
      expect(named.status).toBe(201)
      for (const who of [fx.viewer, fx.commenter, fx.salesEditor]) {
        const list = await who.req<VersionList>('GET', `/api/sections/${marketing}/versions`)
        expect(list.status).toBe(200)
        expect(list.json.abilities).toEqual({ name: false, restore: false })
        expect((await who.req('GET', `/api/sections/${marketing}/versions/${named.json.id}`)).status).toBe(200)
        expectError(
          await who.req('POST', `/api/sections/${marketing}/versions`, { name: 'Mine now' }),
          403,
          'forbidden',
        )
        expectError(
          await who.req('POST', `/api/sections/${marketing}/versions/${named.json.id}/restore`),
          403,
          'forbidden',
        )
      }
      expect(
        (await fx.marketingEditor.req<VersionList>('GET', `/api/sections/${marketing}/versions`)).json.abilities,
      ).toEqual({
        name: true,
        restore: true,
      })
      for (const who of [fx.viewer, fx.commenter])
        expectError(await who.req('POST', `/api/plans/${fx.plan.id}/versions`, { name: 'Plan' }), 403, 'forbidden')

      const outsider = (await workspaceFixture(httpTarget(), 'Other company', suite.server.url)).owner
      expectError(await outsider.req('GET', `/api/sections/${marketing}/versions`), 404)
      expectError(await outsider.req('GET', `/api/sections/${marketing}/versions/${named.json.id}`), 404)
      expectError(await outsider.req('POST', `/api/sections/${marketing}/versions/${named.json.id}/restore`), 404)
      expectError(await outsider.req('POST', `/api/plans/${fx.plan.id}/versions`, { name: 'Theirs' }), 404)
      expectError(
        await new ApiClient(httpTarget(), suite.server.url).req('GET', `/api/sections/${marketing}/versions`),
        401,
      )
      // A version is found only under its own section.
      expectError(await fx.owner.req('GET', `/api/sections/${fx.shared.id}/versions/${named.json.id}`), 404)
      expectError(await fx.owner.req('POST', `/api/sections/${fx.shared.id}/versions/${named.json.id}/restore`), 404)
    })
  })

  describe.skipIf(!engine.available)('when a section leaves memory', () => {
    const suite = historySuite(engine, { snapshotEveryMs: 10 * 60_000, unloadAfterMs: 150 })
    let fx: ReturnType<typeof syncSuite>['fx']
    beforeAll(() => {
      fx = suite.fx
    })

    it('snapshots a section when its last person leaves, once, and not a section nobody changed', async () => {
      const section = fx.objectivesOf('Marketing').id
      const writer = suite.client(fx.marketingEditor, section, WITH_ACKS)
      expect(await writer.synced).toBe(true)
      await processed(writer, (doc) => appendParagraph(doc, 'Written, then left.'), 'the paragraph is stored')
      expect(await versionsOf(fx.owner, section)).toEqual([])
      writer.close()
      await eventually(async () => (await versionsOf(fx.owner, section)).length === 1, 'a snapshot on unload')

      // Back and gone again without a change: nothing new.
      const visitor = suite.client(fx.viewer, section)
      expect(await visitor.synced).toBe(true)
      visitor.close()
      const untouched = suite.client(fx.viewer, fx.objectivesOf('Sales').id)
      expect(await untouched.synced).toBe(true)
      untouched.close()
      // Each unload decides on its snapshot before the section leaves memory.
      await eventually(
        () =>
          !suite.server.running.services.hub.holds(section) &&
          !suite.server.running.services.hub.holds(fx.objectivesOf('Sales').id),
        'both sections are unloaded',
      )
      expect(await versionsOf(fx.owner, section)).toHaveLength(1)
      expect(await versionsOf(fx.owner, fx.objectivesOf('Sales').id)).toEqual([])
    })
  })
})
