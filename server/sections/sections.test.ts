import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES } from '../../tests/support/engines'
import type { ErrorBody } from '../../shared/api/errors'
import type { Plan } from '../../shared/plans/schema'
import { type Created, type TestApp, startTestApp, workspaceFixture } from '../../tests/support/api'

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
      planId = (await fx.owner.req<Created>('POST', `/api/workspaces/${fx.workspace.id}/plans`, { title: 'Plan' })).json
        .id
    })
    afterAll(() => t?.dispose())

    it('adds a network as its own section, owned by Marketing unless told otherwise', async () => {
      const res = await fx.owner.req<Plan>('POST', `/api/plans/${planId}/networks`, { name: 'Instagram' })
      expect(res.status).toBe(201)
      const section = res.json.sections.find((s: { title: string }) => s.title === 'Instagram')
      expect(section).toMatchObject({ kind: 'network', ownerDepartmentId: fx.dept('Marketing'), step: 4 })
      const sales = await fx.owner.req<Plan>('POST', `/api/plans/${planId}/networks`, {
        name: 'LinkedIn',
        ownerDepartmentId: fx.dept('Sales'),
      })
      expect(sales.json.sections.find((s: { title: string }) => s.title === 'LinkedIn')!.ownerDepartmentId).toBe(
        fx.dept('Sales'),
      )
      expect(networks(sales.json)).toEqual(['Instagram', 'LinkedIn'])
    })

    it('refuses the same network twice and an unknown department', async () => {
      expect(
        (await fx.owner.req<ErrorBody>('POST', `/api/plans/${planId}/networks`, { name: 'instagram' })).json.error.code,
      ).toBe('network_exists')
      expect(
        (await fx.owner.req('POST', `/api/plans/${planId}/networks`, { name: 'TikTok', ownerDepartmentId: 'nope' }))
          .status,
      ).toBe(400)
    })

    it('archives a removed network and brings the same section back when re-added', async () => {
      const plan = (await fx.owner.req<Plan>('GET', `/api/plans/${planId}`)).json
      const instagram = plan.sections.find((s: { title: string }) => s.title === 'Instagram')!
      const removed = await fx.owner.req<Plan>('DELETE', `/api/sections/${instagram.id}`)
      expect(removed.status).toBe(200)
      expect(networks(removed.json)).toEqual(['LinkedIn'])
      const row = await t.services.storage.db
        .selectFrom('sections')
        .selectAll()
        .where('id', '=', instagram.id)
        .executeTakeFirstOrThrow()
      expect(row.archived_at).not.toBeNull()
      const back = await fx.owner.req<Plan>('POST', `/api/plans/${planId}/networks`, { name: 'Instagram' })
      expect(back.json.sections.find((s: { title: string }) => s.title === 'Instagram')!.id).toBe(instagram.id)
    })

    it('lets only editors add networks and only the owning department remove one', async () => {
      const viewer = await fx.member('viewer')
      expect((await viewer.req('POST', `/api/plans/${planId}/networks`, { name: 'YouTube' })).status).toBe(403)
      const salesEditor = await fx.member('editor', { departments: ['Sales'] })
      const plan = (await fx.owner.req<Plan>('GET', `/api/plans/${planId}`)).json
      const instagram = plan.sections.find((s: { title: string }) => s.title === 'Instagram')!
      expect((await salesEditor.req('DELETE', `/api/sections/${instagram.id}`)).status).toBe(403)
      const overview = plan.sections.find((s: { kind: string }) => s.kind === 'overview')!
      expect((await fx.owner.req<ErrorBody>('DELETE', `/api/sections/${overview.id}`)).json.error.code).toBe(
        'section_required',
      )
    })

    it('restores an archived network with its owner, and lets an editor add or restore networks only for their departments', async () => {
      type Listed = { sections: { title: string; id: string; ownerDepartmentId: string | null }[] }
      const sectionOf = (plan: unknown, title: string) => (plan as Listed).sections.find((s) => s.title === title)
      const added = await fx.owner.req('POST', `/api/plans/${planId}/networks`, { name: 'Pinterest' })
      const pinterest = sectionOf(added.json, 'Pinterest')!
      expect(pinterest.ownerDepartmentId).toBe(fx.dept('Marketing'))
      expect((await fx.owner.req('DELETE', `/api/sections/${pinterest.id}`)).status).toBe(200)

      const sales = await fx.member('editor', { departments: ['Sales'] })
      const claim = await sales.req('POST', `/api/plans/${planId}/networks`, {
        name: 'pinterest',
        ownerDepartmentId: fx.dept('Sales'),
      })
      expect(claim.status).toBe(403)
      const row = await t.services.storage.db
        .selectFrom('sections')
        .selectAll()
        .where('id', '=', pinterest.id)
        .executeTakeFirstOrThrow()
      expect(row).toMatchObject({ owner_department_id: fx.dept('Marketing') })
      expect(row.archived_at).not.toBeNull()
      expect(
        (
          await sales.req('POST', `/api/plans/${planId}/networks`, {
            name: 'Snapchat',
            ownerDepartmentId: fx.dept('Marketing'),
          })
        ).status,
      ).toBe(403)
      // Without a department named, an editor's new network is their own department's.
      const own = await sales.req('POST', `/api/plans/${planId}/networks`, { name: 'Snapchat' })
      expect(own.status).toBe(201)
      expect(sectionOf(own.json, 'Snapchat')!.ownerDepartmentId).toBe(fx.dept('Sales'))

      const marketing = await fx.member('editor', { departments: ['Marketing'] })
      const back = await marketing.req('POST', `/api/plans/${planId}/networks`, {
        name: 'Pinterest',
        ownerDepartmentId: fx.dept('Sales'),
      })
      expect(back.status).toBe(201)
      expect(sectionOf(back.json, 'Pinterest')).toMatchObject({
        id: pinterest.id,
        ownerDepartmentId: fx.dept('Marketing'),
      })
    })

    it('hides plans and sections of other workspaces', async () => {
      const other = await workspaceFixture(t.app, 'Other')
      expect((await other.owner.req('POST', `/api/plans/${planId}/networks`, { name: 'X' })).status).toBe(404)
      const plan = (await fx.owner.req<Plan>('GET', `/api/plans/${planId}`)).json
      expect((await other.owner.req('DELETE', `/api/sections/${plan.sections.at(-1)!.id}`)).status).toBe(404)
    })
  })
})
