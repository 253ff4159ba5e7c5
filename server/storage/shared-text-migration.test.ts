import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DepartmentApproval } from '../../shared/approvals/schema'
import { fieldChanges } from '../../shared/history/field-diff'
import type { Version, VersionDetail } from '../../shared/history/schema'
import { readContent } from '../../shared/plan-model/read'
import { contentProblems } from '../../shared/plan-model/validate'
import { ENGINES, type TestDatabase } from '../../tests/support/engines'
import { planWithPeople, storedDocOf } from '../../tests/support/sync-fixture'
import { eventually, stockClient } from '../../tests/support/sync-clients'
import { readConfig } from '../config'
import { type RunningPlanroom, startPlanroom } from '../start'
import { createUpdateLog } from '../sync/update-log'
import { migrateToLatest } from './migrate'

const MIGRATION = '2026-12-02-shared-text-fields'

/**
 * The previous version's layout, written out: every structured field a plain value in the item's
 * Y.Map (strings for text), as its writers stored it. What the migration must turn into shared text.
 */
function oldLayoutObjectives(objectives: Record<string, unknown>[]): Uint8Array {
  const doc = new Y.Doc()
  doc.transact(() => {
    const list = new Y.Array<Y.Map<unknown>>()
    doc.getMap('fields').set('objectives', list)
    list.push(
      objectives.map((o) => {
        const map = new Y.Map<unknown>()
        for (const [k, v] of Object.entries(o)) map.set(k, v)
        return map
      }),
    )
  })
  return Y.encodeStateAsUpdate(doc)
}

const OBJECTIVES = [
  {
    id: 'obj-bookings',
    statement: 'Turn Instagram followers into weekday bookings',
    metric: 'Bookings from Instagram',
    unit: 'per month',
    baseline: 40,
    target: 120,
    deadline: '2027-06-30',
    owner: 'Sam',
    networkIds: [],
  },
  {
    id: 'obj-answers',
    statement: 'Answer every question within a day',
    metric: 'Share answered within 24 h',
    unit: '%',
    baseline: 60,
    target: 95,
    deadline: '2027-03-31',
    owner: '',
    networkIds: [],
  },
]

describe.each(ENGINES)('structured text fields migrate to shared text on $engine', (engine) => {
  describe.skipIf(!engine.available)('', () => {
    let database: TestDatabase
    let running: RunningPlanroom
    let url = ''
    let fx: Awaited<ReturnType<typeof planWithPeople>>
    let lead: Awaited<ReturnType<typeof fx.member>>
    let sectionId: string
    let versionBefore: Record<string, unknown>

    /** The server on this database; started again on the same port, so the people's clients still reach it. */
    const start = async () => {
      running = await startPlanroom(readConfig({ ...database.env, PORT: url ? new URL(url).port : '0' }))
      url = `http://127.0.0.1:${running.port}`
    }
    const approval = async () => {
      const path = `/api/plans/${fx.plan.id}/approvals`
      // The first request after a restart may meet a kept-alive socket of the old server: once more.
      const res = await fx.owner
        .req<{ approvals: DepartmentApproval[] }>('GET', path)
        .catch(() => fx.owner.req<{ approvals: DepartmentApproval[] }>('GET', path))
      return res.json.approvals.find((a) => a.departmentId === fx.dept('Sales'))!
    }

    beforeAll(async () => {
      // A database as the previous version left it: people, a plan, objectives stored as plain strings
      // in the update log, approved by the department's lead, and a named version of that moment.
      database = await engine.open()
      await start()
      fx = await planWithPeople(url)
      lead = await fx.member('editor', { name: 'Lee Sales Lead', departments: ['Sales'], leadOf: ['Sales'] })
      sectionId = fx.objectivesOf('Sales').id
      await createUpdateLog(database.storage.driver).append([{ sectionId, data: oldLayoutObjectives(OBJECTIVES) }])
      const base = `/api/plans/${fx.plan.id}/departments/${fx.dept('Sales')}/objectives`
      expect((await fx.salesEditor.req('POST', `${base}/submit`)).status).toBe(200)
      expect((await lead.req('POST', `${base}/decision`, { decision: 'approve' })).status).toBe(200)
      const version = await fx.owner.req<Version>('POST', `/api/sections/${sectionId}/versions`, { name: 'Approved' })
      expect(version.status).toBe(201)
      const detail = await fx.owner.req<VersionDetail>('GET', `/api/sections/${sectionId}/versions/${version.json.id}`)
      versionBefore = detail.json.content.fields
      expect((await approval()).state).toBe('approved')
      await running.close()

      // The previous version had not run this migration: take its record away, then upgrade.
      await sql`delete from kysely_migration where name = ${MIGRATION}`.execute(database.storage.db)
      await migrateToLatest(database.storage.db)
      await start()
    }, 60_000)
    afterAll(async () => {
      await running?.close()
      await database?.dispose()
    })

    it('holds every text field as shared text with the same characters, and nothing else changed', async () => {
      const doc = await storedDocOf(database, sectionId)
      const items = (doc.getMap('fields').get('objectives') as Y.Array<Y.Map<unknown>>).toArray()
      for (const [i, item] of items.entries()) {
        for (const key of ['statement', 'metric', 'unit']) {
          const value = item.get(key)
          expect(value).toBeInstanceOf(Y.Text)
          expect((value as Y.Text).toJSON()).toBe(OBJECTIVES[i]![key as 'statement'])
        }
        // Numbers, dates, people and links stay whole values.
        expect(item.get('target')).toBe(OBJECTIVES[i]!.target)
        expect(item.get('deadline')).toBe(OBJECTIVES[i]!.deadline)
        expect(item.get('owner')).toBe(OBJECTIVES[i]!.owner)
      }
      expect(readContent(doc, 'objectives').objectives).toEqual(OBJECTIVES)
      expect(contentProblems(doc, 'objectives')).toEqual([])
    })

    it('keeps the approval exact: not stale, nothing changed field by field, history sees no change', async () => {
      const now = await approval()
      expect(now.state).toBe('approved')
      expect(now.currentHash).toBe(now.snapshotHash)
      expect(now.changes).toEqual([])
      const doc = await storedDocOf(database, sectionId)
      expect(fieldChanges('objectives', versionBefore, readContent(doc, 'objectives'))).toEqual([])
    })

    it('merges typing into a migrated field, and the edit makes the approval stale with that one change', async () => {
      const a = stockClient(url, fx.salesEditor.cookieHeader, sectionId)
      const b = stockClient(url, lead.cookieHeader, sectionId)
      try {
        expect(await a.synced).toBe(true)
        expect(await b.synced).toBe(true)
        const statement = (c: typeof a) =>
          (c.doc.getMap('fields').get('objectives') as Y.Array<Y.Map<unknown>>).get(0).get('statement') as Y.Text
        statement(a).insert(0, 'Soon: ')
        statement(b).insert(statement(b).length, ' (weekdays)')
        const merged = `Soon: ${OBJECTIVES[0]!.statement} (weekdays)`
        await eventually(() => statement(a).toJSON() === merged && statement(b).toJSON() === merged, 'both edits kept')
        await eventually(async () => (await approval()).state === 'stale', 'the approval goes stale')
        expect((await approval()).changes).toEqual([
          expect.objectContaining({ objectiveId: 'obj-bookings', field: 'statement', after: merged }),
        ])
      } finally {
        a.close()
        b.close()
      }
    })
  })
})
