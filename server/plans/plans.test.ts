import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Plan } from '../../shared/plans/schema'
import { type Membership, sectionAbilities } from '../../shared/workspaces/permissions'
import type { Workspace } from '../../shared/workspaces/schema'
import { ApiClient, type PlanList, type TestApp, startTestApp, workspaceFixture } from '../../tests/support/api'
import { expectError } from '../../tests/support/contract'
import { ENGINES } from '../../tests/support/engines'

/** docs/product.md#what-a-plan-holds, in the order of the six steps: [kind, title, owner] with owner a department name or null (shared). */
const EXPECTED_SECTIONS: [string, string, string | null][] = [
  ['overview', 'Overview', null],
  ['objectives', 'Objectives — Marketing', 'Marketing'],
  ['objectives', 'Objectives — Customer service', 'Customer service'],
  ['objectives', 'Objectives — Sales', 'Sales'],
  ['objectives', 'Objectives — Human resources', 'Human resources'],
  ['competition', 'Competition & listening', null],
  ['positioning', 'Positioning & personality', null],
  ['network_selection', 'Network selection', null],
  ['line_of_conversation', 'Line of conversation', null],
  ['process', 'Process & team', null],
  ['indicators', 'Indicators', null],
  ['tools', 'Tools', null],
  ['guidelines', 'Guidelines', null],
]
const STEP_OF: Record<string, number> = {
  overview: 1,
  objectives: 1,
  competition: 2,
  positioning: 3,
  network_selection: 4,
  line_of_conversation: 4,
  process: 5,
  indicators: 5,
  tools: 5,
  guidelines: 6,
}

describe.each(ENGINES)('plans on $engine', (engine) => {
  describe.skipIf(!engine.available)('', () => {
    let t: TestApp
    let f: Awaited<ReturnType<typeof workspaceFixture>>
    let plansUrl: string
    beforeAll(async () => {
      t = await startTestApp(engine)
      f = await workspaceFixture(t.app)
      plansUrl = `/api/workspaces/${f.workspace.id}/plans`
    })
    afterAll(() => t?.dispose())

    const deptName = (id: string | null) =>
      id === null ? null : f.workspace.departments.find((d) => d.id === id)!.name
    const shape = (plan: Plan) => plan.sections.map((s) => [s.kind, s.title, deptName(s.ownerDepartmentId)])

    it('creates a plan with every section of the six steps, objectives once per department, in order', async () => {
      const res = await f.owner.req('POST', plansUrl, { title: '  Social strategy 2027 ' })
      expect(res.status).toBe(201)
      const plan = res.json as Plan
      expect(plan).toMatchObject({ title: 'Social strategy 2027', workspaceId: f.workspace.id })
      expect(shape(plan)).toEqual(EXPECTED_SECTIONS)
      expect(plan.sections.map((s) => s.step)).toEqual(plan.sections.map((s) => STEP_OF[s.kind]))
      expect(new Set(plan.sections.map((s) => s.id)).size).toBe(plan.sections.length)

      const fetched = await f.owner.req<Plan>('GET', `/api/plans/${plan.id}`)
      expect(fetched.status).toBe(200)
      expect(fetched.json).toEqual(plan)
      for (const s of fetched.json.sections)
        expect(Object.keys(s)).toEqual(expect.arrayContaining(['id', 'kind', 'title', 'ownerDepartmentId']))

      const list = await f.owner.req<PlanList>('GET', plansUrl)
      expect(list.json.plans.map((p: { id: string }) => p.id)).toContain(plan.id)
    })

    it("follows the workspace's departments at creation time", async () => {
      const other = await workspaceFixture(t.app, 'Small shop')
      const ws = `/api/workspaces/${other.workspace.id}`
      await other.owner.req('DELETE', `${ws}/departments/${other.dept('Human resources')}`)
      await other.owner.req('POST', `${ws}/departments`, { name: 'Product' })
      const plan = (await other.owner.req('POST', `${ws}/plans`, { title: 'Plan' })).json as Plan
      expect(plan.sections.filter((s) => s.kind === 'objectives').map((s) => s.title)).toEqual([
        'Objectives — Marketing',
        'Objectives — Customer service',
        'Objectives — Sales',
        'Objectives — Product',
      ])
    })

    describe('per-section abilities', () => {
      let plan: Plan
      beforeAll(async () => {
        plan = (await f.owner.req('POST', plansUrl, { title: 'Abilities' })).json as Plan
      })

      const cases: [
        string,
        { departments?: string[]; leadOf?: string[] },
        (kind: string, owner: string | null) => { edit: boolean; comment: boolean },
      ][] = [
        ['owner', {}, () => ({ edit: true, comment: true })],
        ['admin', {}, () => ({ edit: true, comment: true })],
        [
          'editor',
          { departments: ['Sales'] },
          (_, owner) => ({ edit: owner === null || owner === 'Sales', comment: true }),
        ],
        [
          'editor',
          { departments: ['Sales', 'Marketing'], leadOf: ['Sales'] },
          (_, owner) => ({ edit: owner === null || owner === 'Sales' || owner === 'Marketing', comment: true }),
        ],
        ['editor', {}, (_, owner) => ({ edit: owner === null, comment: true })],
        ['commenter', { departments: ['Sales'] }, () => ({ edit: false, comment: true })],
        ['viewer', { departments: ['Sales'] }, () => ({ edit: false, comment: false })],
      ]

      it.each(cases)(
        'an %s in %o gets exactly the abilities of shared/workspaces/permissions',
        async (role, opts, expected) => {
          const client = role === 'owner' ? f.owner : await f.member(role, opts)
          const res = await client.req('GET', `/api/plans/${plan.id}`)
          expect(res.status).toBe(200)
          const me = ((await client.req('GET', `/api/workspaces/${f.workspace.id}`)).json as Workspace).me as Membership
          for (const s of (res.json as Plan).sections) {
            const want = { read: true, ...expected(s.kind, deptName(s.ownerDepartmentId)) }
            expect(s.abilities, `${role} on ${s.title}`).toEqual(want)
            expect(s.abilities, `${role} on ${s.title}`).toEqual(sectionAbilities(me, s))
          }
        },
      )

      it("shows an editor of Sales that Sales objectives and shared sections are theirs to edit, Marketing's are not", async () => {
        const editor = await f.member('editor', { departments: ['Sales'] })
        const sections = ((await editor.req('GET', `/api/plans/${plan.id}`)).json as Plan).sections
        const byTitle = (title: string) => sections.find((s) => s.title === title)!.abilities
        expect(byTitle('Objectives — Sales').edit).toBe(true)
        expect(byTitle('Guidelines').edit).toBe(true)
        expect(byTitle('Objectives — Marketing')).toEqual({ read: true, edit: false, comment: true })
      })
    })

    describe('who may create and read plans', () => {
      it.each([
        ['owner', 201],
        ['admin', 201],
        ['editor', 201],
        ['commenter', 403],
        ['viewer', 403],
      ])('a %s creating a plan gets %i', async (role, status) => {
        const client = role === 'owner' ? f.owner : await f.member(role)
        const before = (await f.owner.req<PlanList>('GET', plansUrl)).json.plans.length
        const res = await client.req('POST', plansUrl, { title: `By ${role}` })
        if (status === 201) {
          expect(res.status).toBe(201)
          expect((await f.owner.req<PlanList>('GET', plansUrl)).json.plans.length).toBe(before + 1)
        } else {
          expectError(res, status, 'forbidden')
          expect((await f.owner.req<PlanList>('GET', plansUrl)).json.plans.length).toBe(before)
        }
        // Everyone in the workspace reads every plan.
        expect((await client.req('GET', plansUrl)).status).toBe(200)
      })

      it('hides plans from people outside the workspace and from anonymous callers', async () => {
        const plan = (await f.owner.req('POST', plansUrl, { title: 'Secret' })).json as Plan
        const outsider = await new ApiClient(t.app).signup()
        expectError(await outsider.req('GET', `/api/plans/${plan.id}`), 404, 'not_found')
        expectError(await outsider.req('GET', plansUrl), 404, 'not_found')
        expectError(await outsider.req('POST', plansUrl, { title: 'Intruder' }), 404, 'not_found')
        expectError(await new ApiClient(t.app).req('GET', `/api/plans/${plan.id}`), 401, 'unauthenticated')
        expectError(await f.owner.req('GET', '/api/plans/nosuchplan'), 404, 'not_found')
      })

      it('lists plans most recently changed first', async () => {
        const ws = await workspaceFixture(t.app, 'Ordered')
        const url = `/api/workspaces/${ws.workspace.id}/plans`
        const a = (await ws.owner.req('POST', url, { title: 'A' })).json as Plan
        await new Promise((r) => setTimeout(r, 5))
        const b = (await ws.owner.req('POST', url, { title: 'B' })).json as Plan
        expect((await ws.owner.req<PlanList>('GET', url)).json.plans.map((p) => p.id)).toEqual([b.id, a.id])
      })
    })
  })
})
