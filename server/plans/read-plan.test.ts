import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { checkPlanHealth } from '../../shared/health/check'
import { setField } from '../../shared/plan-model/write'
import type { Plan } from '../../shared/plans/schema'
import { type TestApp, startTestApp, workspaceFixture } from '../../tests/support/api'
import { ENGINES } from '../../tests/support/engines'
import { readPlanModel } from '../plan-model/read-plan'
import { findPlan } from './repo'

/** The update a client holding `base` sends when it sets the process lead. */
function leadUpdate(lead: string, base = new Y.Doc()): Uint8Array {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
  setField(doc, 'process', 'lead', lead)
  return Y.encodeStateAsUpdate(doc, Y.encodeStateVector(base))
}

describe.each(ENGINES)('reading a plan on the server on $engine', (engine) => {
  describe.skipIf(!engine.available)('', () => {
    let t: TestApp
    let plan: Plan
    const peer = { send() {} }
    const model = async () =>
      readPlanModel(
        { db: t.services.storage.db, hub: t.services.hub },
        (await findPlan(t.services.storage.db, plan.id))!,
      )
    const processOf = async () => (await model()).sections.find((s) => s.kind === 'process')!

    beforeAll(async () => {
      t = await startTestApp(engine)
      const f = await workspaceFixture(t.app)
      plan = (await f.owner.req<Plan>('POST', `/api/workspaces/${f.workspace.id}/plans`, { title: 'Plan' })).json
    })
    afterAll(async () => {
      await t?.services.hub.close()
      await t?.dispose()
    })

    it('reads every live section in the plan order, with departments, and the health check runs on it', async () => {
      const m = await model()
      expect(m.sections.map((s) => s.id)).toEqual(plan.sections.map((s) => s.id))
      expect(m.departments.map((d) => d.name)).toEqual(['Marketing', 'Customer service', 'Sales', 'Human resources'])
      expect(checkPlanHealth(m)).toContainEqual(
        expect.objectContaining({ rule: 'process-without-owner', path: ['lead'] }),
      )
    })

    it("carries each department's approval state; a department without one is a draft", async () => {
      const marketing = plan.sections.find((s) => s.kind === 'objectives')!.ownerDepartmentId!
      const { workspaceId } = plan
      await t.services.storage.db
        .insertInto('approvals')
        .values({
          plan_id: plan.id,
          department_id: marketing,
          workspace_id: workspaceId,
          state: 'approved',
          submitted_by: null,
          submitted_at: null,
          snapshot: null,
          hash: null,
          decided_by: null,
          decided_at: null,
          reason: null,
          stale_at: null,
          updated_at: Date.now(),
        })
        .execute()
      const m = await model()
      expect(m.approvals).toEqual({ [marketing]: 'approved' })
      // A new plan's departments have no objectives yet: the check asks for them, not for approvals.
      const findings = checkPlanHealth(m)
      expect(findings.filter((f) => f.rule === 'objectives-not-approved')).toEqual([])
      expect(findings.filter((f) => f.rule === 'department-without-objectives').map((f) => f.sectionId)).toEqual(
        plan.sections.filter((s) => s.kind === 'objectives').map((s) => s.id),
      )
    })

    it('reads a section nobody has open from its update log', async () => {
      const process = plan.sections.find((s) => s.kind === 'process')!
      await t.services.hub.updateLog.append([{ sectionId: process.id, data: leadUpdate('user-from-log') }])
      expect((await processOf()).content).toMatchObject({ lead: 'user-from-log' })
    })

    it('reads an open section from the live document, then from the log once it is unloaded', async () => {
      const process = plan.sections.find((s) => s.kind === 'process')!
      const live = await t.services.hub.join(process.id, peer)
      await live.write(leadUpdate('user-live', live.doc), peer)
      expect((await processOf()).content).toMatchObject({ lead: 'user-live' })
      t.services.hub.leave(process.id, peer)
      await t.services.hub.close()
      expect(await t.services.hub.peek(process.id)).toBeNull()
      expect((await processOf()).content).toMatchObject({ lead: 'user-live' })
    })
  })
})
