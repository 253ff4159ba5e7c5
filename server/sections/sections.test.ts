import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES } from '../../tests/support/engines'
import { type TestApp, startTestApp, workspaceFixture } from '../../tests/support/api'

describe.each(ENGINES)('network sections on $engine', (engine) => {
  describe.skipIf(!engine.available)('add and remove', () => {
    let t: TestApp
    let fx: Awaited<ReturnType<typeof workspaceFixture>>
    let planId: string
    const networks = (plan: { sections: { kind: string; title: string }[] }) =>
      plan.sections.filter((s) => s.kind === 'network').map((s) => s.title)

    beforeAll(async () => {
      t = await startTestApp(engine)
      fx = await workspaceFixture(t.app)
      planId = (await fx.owner.req('POST', `/api/workspaces/${fx.workspace.id}/plans`, { title: 'Plan' })).json.id
    })
    afterAll(() => t?.dispose())

    it('adds a network as its own section, owned by Marketing unless told otherwise', async () => {
      const res = await fx.owner.req('POST', `/api/plans/${planId}/networks`, { name: 'Instagram' })
      expect(res.status).toBe(201)
      const section = res.json.sections.find((s: { title: string }) => s.title === 'Instagram')
      expect(section).toMatchObject({ kind: 'network', ownerDepartmentId: fx.dept('Marketing'), step: 4 })
      const sales = await fx.owner.req('POST', `/api/plans/${planId}/networks`, {
        name: 'LinkedIn',
        ownerDepartmentId: fx.dept('Sales'),
      })
      expect(sales.json.sections.find((s: { title: string }) => s.title === 'LinkedIn').ownerDepartmentId).toBe(
        fx.dept('Sales'),
      )
      expect(networks(sales.json)).toEqual(['Instagram', 'LinkedIn'])
    })

    it('refuses the same network twice and an unknown department', async () => {
      expect((await fx.owner.req('POST', `/api/plans/${planId}/networks`, { name: 'instagram' })).json.error.code).toBe(
        'network_exists',
      )
      expect(
        (await fx.owner.req('POST', `/api/plans/${planId}/networks`, { name: 'TikTok', ownerDepartmentId: 'nope' }))
          .status,
      ).toBe(400)
    })

    it('archives a removed network and brings the same section back when re-added', async () => {
      const plan = (await fx.owner.req('GET', `/api/plans/${planId}`)).json
      const instagram = plan.sections.find((s: { title: string }) => s.title === 'Instagram')
      const removed = await fx.owner.req('DELETE', `/api/sections/${instagram.id}`)
      expect(removed.status).toBe(200)
      expect(networks(removed.json)).toEqual(['LinkedIn'])
      const row = await t.services.storage.db
        .selectFrom('sections')
        .selectAll()
        .where('id', '=', instagram.id)
        .executeTakeFirstOrThrow()
      expect(row.archived_at).not.toBeNull()
      const back = await fx.owner.req('POST', `/api/plans/${planId}/networks`, { name: 'Instagram' })
      expect(back.json.sections.find((s: { title: string }) => s.title === 'Instagram').id).toBe(instagram.id)
    })

    it('lets only editors add networks and only the owning department remove one', async () => {
      const viewer = await fx.member('viewer')
      expect((await viewer.req('POST', `/api/plans/${planId}/networks`, { name: 'YouTube' })).status).toBe(403)
      const salesEditor = await fx.member('editor', { departments: ['Sales'] })
      const plan = (await fx.owner.req('GET', `/api/plans/${planId}`)).json
      const instagram = plan.sections.find((s: { title: string }) => s.title === 'Instagram')
      expect((await salesEditor.req('DELETE', `/api/sections/${instagram.id}`)).status).toBe(403)
      const overview = plan.sections.find((s: { kind: string }) => s.kind === 'overview')
      expect((await fx.owner.req('DELETE', `/api/sections/${overview.id}`)).json.error.code).toBe('section_required')
    })

    it('hides plans and sections of other workspaces', async () => {
      const other = await workspaceFixture(t.app, 'Other')
      expect((await other.owner.req('POST', `/api/plans/${planId}/networks`, { name: 'X' })).status).toBe(404)
      const plan = (await fx.owner.req('GET', `/api/plans/${planId}`)).json
      expect((await other.owner.req('DELETE', `/api/sections/${plan.sections.at(-1).id}`)).status).toBe(404)
    })
  })
})
