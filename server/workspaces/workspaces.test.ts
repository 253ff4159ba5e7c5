import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_DEPARTMENTS } from '../../shared/workspaces/roles'
import type { CreatedInvite, Member, Workspace } from '../../shared/workspaces/schema'
import {
  ApiClient,
  type Created,
  type InviteList,
  type PlanBody,
  type TestApp,
  startTestApp,
  type WorkspaceList,
  workspaceFixture,
} from '../../tests/support/api'
import { expectError } from '../../tests/support/contract'
import { ENGINES } from '../../tests/support/engines'
import { findMembership } from './repo'
import { removeMember } from './commands/remove-member'
import { updateMember } from './commands/update-member'

const DAY = 24 * 60 * 60 * 1000

describe.each(ENGINES)('workspaces on $engine', (engine) => {
  describe.skipIf(!engine.available)('', () => {
    let t: TestApp
    beforeAll(async () => {
      t = await startTestApp(engine)
    })
    afterAll(() => t?.dispose())

    /** A fresh workspace for one test, with readers of its state. */
    async function setup() {
      const f = await workspaceFixture(t.app)
      const ws = `/api/workspaces/${f.workspace.id}`
      const read = async (client: ApiClient = f.owner) => {
        const res = await client.req('GET', ws)
        expect(res.status).toBe(200)
        return res.json as Workspace
      }
      const memberOf = async (client: ApiClient) => (await read()).members.find((m) => m.userId === client.user!.id)
      return { ...f, ws, read, memberOf }
    }

    describe('creating and renaming', () => {
      it('creates a workspace with the four default departments and the caller as its only owner', async () => {
        const owner = await new ApiClient(t.app).signup('Olga')
        const res = await owner.req('POST', '/api/workspaces', { name: '  Acme Corp  ' })
        expect(res.status).toBe(201)
        const ws = res.json as Workspace
        expect(ws.name).toBe('Acme Corp')
        expect(ws.departments.map((d) => d.name)).toEqual([...DEFAULT_DEPARTMENTS])
        expect(ws.members).toEqual([
          expect.objectContaining({
            userId: owner.user!.id,
            name: 'Olga',
            role: 'owner',
            departmentIds: [],
            leadOf: [],
          }),
        ])
        expect(ws.me).toEqual({ role: 'owner', departmentIds: [], leadOf: [] })
        expect(ws.abilities).toEqual({ manageMembers: true, manageDepartments: true, invite: true, createPlans: true })

        expect((await owner.req('GET', `/api/workspaces/${ws.id}`)).json).toEqual(ws)
        expect((await owner.req('GET', '/api/workspaces')).json).toEqual({
          workspaces: [{ id: ws.id, name: 'Acme Corp', role: 'owner' }],
        })
      })

      it('needs a signed-in caller', async () => {
        expectError(await new ApiClient(t.app).req('POST', '/api/workspaces', { name: 'Anon' }), 401, 'unauthenticated')
      })

      it('lets owners and admins rename it, not editors', async () => {
        const s = await setup()
        const admin = await s.member('admin')
        const editor = await s.member('editor')
        expect((await s.owner.req<Workspace>('PATCH', s.ws, { name: 'Renamed' })).json.name).toBe('Renamed')
        expect((await admin.req('PATCH', s.ws, { name: 'By admin' })).status).toBe(200)
        expectError(await editor.req('PATCH', s.ws, { name: 'By editor' }), 403, 'forbidden')
        expect((await s.read(editor)).name).toBe('By admin')
        expectError(await s.owner.req('PATCH', s.ws, { name: '   ' }), 400, 'invalid_request')
        expect((await s.read()).name).toBe('By admin')
      })
    })

    describe('departments', () => {
      /** A plan in the workspace, and the titles/owners of its Objectives sections. */
      async function planWithObjectives(s: Awaited<ReturnType<typeof setup>>) {
        const plan = await s.owner.req<Created>('POST', `${s.ws}/plans`, { title: 'Strategy 2027' })
        expect(plan.status).toBe(201)
        const sections = async () => {
          const res = await s.owner.req<PlanBody>('GET', `/api/plans/${plan.json.id}`)
          expect(res.status).toBe(200)
          return res.json.sections
        }
        const objectives = async () =>
          (await sections())
            .filter((x) => x.kind === 'objectives')
            .map((x) => ({ title: x.title, owner: x.ownerDepartmentId }))
        return { id: plan.json.id, sections, objectives }
      }

      it('adds a department, and an Objectives section for it to existing plans', async () => {
        const s = await setup()
        const plan = await planWithObjectives(s)
        const res = await s.owner.req('POST', `${s.ws}/departments`, { name: ' Legal ' })
        expect(res.status).toBe(201)
        const legal = (res.json as Workspace).departments.find((d) => d.name === 'Legal')!
        expect((res.json as Workspace).departments.map((d) => d.name)).toEqual([...DEFAULT_DEPARTMENTS, 'Legal'])

        const kinds = (await plan.sections()).map((x) => x.kind)
        expect(kinds.slice(0, 7)).toEqual([
          'overview',
          'objectives',
          'objectives',
          'objectives',
          'objectives',
          'objectives',
          'competition',
        ])
        expect((await plan.objectives()).at(-1)).toEqual({ title: 'Objectives — Legal', owner: legal.id })
      })

      it('lets an admin manage departments but not an editor, commenter or viewer', async () => {
        const s = await setup()
        const admin = await s.member('admin')
        expect((await admin.req('POST', `${s.ws}/departments`, { name: 'Product' })).status).toBe(201)
        for (const role of ['editor', 'commenter', 'viewer']) {
          const someone = await s.member(role)
          expectError(await someone.req('POST', `${s.ws}/departments`, { name: `By ${role}` }), 403, 'forbidden')
          expectError(
            await someone.req('PATCH', `${s.ws}/departments/${s.dept('Sales')}`, { name: `By ${role}` }),
            403,
            'forbidden',
          )
          expectError(await someone.req('DELETE', `${s.ws}/departments/${s.dept('Sales')}`), 403, 'forbidden')
        }
        expect((await s.read()).departments.map((d) => d.name)).toEqual([...DEFAULT_DEPARTMENTS, 'Product'])
      })

      it('refuses a duplicate name (in any case) with 409', async () => {
        const s = await setup()
        expectError(await s.owner.req('POST', `${s.ws}/departments`, { name: 'sales ' }), 409, 'department_exists')
        expectError(
          await s.owner.req('PATCH', `${s.ws}/departments/${s.dept('Marketing')}`, { name: 'SALES' }),
          409,
          'department_exists',
        )
        expect((await s.read()).departments.map((d) => d.name)).toEqual([...DEFAULT_DEPARTMENTS])
        // A department may change the case of its own name.
        expect((await s.owner.req('PATCH', `${s.ws}/departments/${s.dept('Sales')}`, { name: 'SALES' })).status).toBe(
          200,
        )
      })

      it('renames a department, and its Objectives sections follow', async () => {
        const s = await setup()
        const plan = await planWithObjectives(s)
        const res = await s.owner.req('PATCH', `${s.ws}/departments/${s.dept('Customer service')}`, { name: 'Support' })
        expect(res.status).toBe(200)
        expect((res.json as Workspace).departments.map((d) => d.name)).toEqual([
          'Marketing',
          'Support',
          'Sales',
          'Human resources',
        ])
        expect(await plan.objectives()).toContainEqual({
          title: 'Objectives — Support',
          owner: s.dept('Customer service'),
        })
        expect((await plan.objectives()).map((o) => o.title)).not.toContain('Objectives — Customer service')
      })

      it('removes a department: its Objectives sections are archived, its members leave it', async () => {
        const s = await setup()
        const plan = await planWithObjectives(s)
        const hr = s.dept('Human resources')
        const editor = await s.member('editor', {
          departments: ['Human resources', 'Sales'],
          leadOf: ['Human resources'],
        })
        const before = await plan.sections()

        const res = await s.owner.req('DELETE', `${s.ws}/departments/${hr}`)
        expect(res.status).toBe(200)
        expect((res.json as Workspace).departments.map((d) => d.name)).toEqual([
          'Marketing',
          'Customer service',
          'Sales',
        ])

        const after = await plan.sections()
        expect(after).toEqual(before.filter((x) => x.ownerDepartmentId !== hr))
        const archived = await t.services.storage.db
          .selectFrom('sections')
          .selectAll()
          .where('plan_id', '=', plan.id)
          .where('archived_at', 'is not', null)
          .execute()
        expect(archived.map((x) => [x.kind, x.title])).toEqual([['objectives', 'Objectives — Human resources']])

        expect(await s.memberOf(editor)).toMatchObject({ departmentIds: [s.dept('Sales')], leadOf: [] })
        expectError(await s.owner.req('DELETE', `${s.ws}/departments/${hr}`), 404, 'not_found')
        expectError(await s.owner.req('PATCH', `${s.ws}/departments/${hr}`, { name: 'Back' }), 404, 'not_found')
      })
    })

    describe('invites', () => {
      it('creates an invite, previews it without signing in, and accepting it carries role and departments', async () => {
        const s = await setup()
        const created = await s.owner.req<CreatedInvite>('POST', `${s.ws}/invites`, {
          role: 'editor',
          departmentIds: [s.dept('Sales'), s.dept('Marketing')],
        })
        expect(created.status).toBe(201)
        expect(created.json).toMatchObject({
          role: 'editor',
          status: 'pending',
          departmentIds: [s.dept('Sales'), s.dept('Marketing')],
        })
        expect(created.json.url).toBe(`http://planroom.test/invite/${created.json.token}`)
        expect(Math.abs(created.json.expiresAt - (Date.now() + 7 * DAY))).toBeLessThan(60_000)

        const preview = await new ApiClient(t.app).req('GET', `/api/invites/${created.json.token}`)
        expect(preview.status).toBe(200)
        expect(preview.json).toEqual({
          workspaceName: 'Acme',
          role: 'editor',
          departments: ['Marketing', 'Sales'],
          invitedBy: 'Olivia Owner',
          expiresAt: created.json.expiresAt,
        })

        const joiner = await new ApiClient(t.app).signup('Jo Joiner')
        const accepted = await joiner.req('POST', `/api/invites/${created.json.token}/accept`)
        expect(accepted.status).toBe(200)
        expect(accepted.json).toEqual({ workspaceId: s.workspace.id })
        expect(await s.memberOf(joiner)).toMatchObject({ name: 'Jo Joiner', role: 'editor', leadOf: [] })
        expect(new Set((await s.memberOf(joiner))!.departmentIds)).toEqual(
          new Set([s.dept('Sales'), s.dept('Marketing')]),
        )
        expect((await joiner.req<WorkspaceList>('GET', '/api/workspaces')).json.workspaces).toEqual([
          { id: s.workspace.id, name: 'Acme', role: 'editor' },
        ])

        const list = await s.owner.req<InviteList>('GET', `${s.ws}/invites`)
        expect(list.json.invites).toEqual([expect.objectContaining({ id: created.json.id, status: 'used' }) as unknown])
        expect(list.text).not.toContain(created.json.token)
      })

      it('is single use: another person gets 410, the one who joined is simply a member', async () => {
        const s = await setup()
        const { token } = (await s.owner.req<CreatedInvite>('POST', `${s.ws}/invites`, { role: 'viewer' })).json
        const first = await new ApiClient(t.app).signup()
        expect((await first.req('POST', `/api/invites/${token}/accept`)).status).toBe(200)
        expect((await first.req('POST', `/api/invites/${token}/accept`)).status).toBe(200)

        const second = await new ApiClient(t.app).signup()
        expectError(await second.req('POST', `/api/invites/${token}/accept`), 410, 'invite_used')
        expectError(await second.req('GET', `/api/invites/${token}`), 410, 'invite_used')
        expectError(await second.req('GET', s.ws), 404, 'not_found')
        expect((await s.read()).members).toHaveLength(2)
      })

      it('lets exactly one of two people accepting at the same moment join', async () => {
        const s = await setup()
        const { token } = (await s.owner.req<CreatedInvite>('POST', `${s.ws}/invites`, { role: 'editor' })).json
        const people = [await new ApiClient(t.app).signup(), await new ApiClient(t.app).signup()]
        const results = await Promise.all(people.map((p) => p.req('POST', `/api/invites/${token}/accept`)))
        expect(results.map((r) => r.status).sort()).toEqual([200, 410])
        expect((await s.read()).members).toHaveLength(2)
      })

      it('refuses an expired invite with 410', async () => {
        const s = await setup()
        const invite = (await s.owner.req<CreatedInvite>('POST', `${s.ws}/invites`, { role: 'editor' })).json
        await t.services.storage.db
          .updateTable('invites')
          .set({ expires_at: Date.now() - 1 })
          .where('id', '=', invite.id)
          .execute()
        const late = await new ApiClient(t.app).signup()
        expectError(await late.req('GET', `/api/invites/${invite.token}`), 410, 'invite_expired')
        expectError(await late.req('POST', `/api/invites/${invite.token}/accept`), 410, 'invite_expired')
        expectError(await late.req('GET', s.ws), 404, 'not_found')
        expect((await s.owner.req<InviteList>('GET', `${s.ws}/invites`)).json.invites[0]!.status).toBe('expired')
      })

      it('refuses a revoked invite with 410', async () => {
        const s = await setup()
        const invite = (await s.owner.req<CreatedInvite>('POST', `${s.ws}/invites`, { role: 'admin' })).json
        expect((await s.owner.req('DELETE', `${s.ws}/invites/${invite.id}`)).status).toBe(204)
        expectError(await s.owner.req('DELETE', `${s.ws}/invites/${invite.id}`), 404, 'not_found')
        const late = await new ApiClient(t.app).signup()
        expectError(await late.req('GET', `/api/invites/${invite.token}`), 410, 'invite_revoked')
        expectError(await late.req('POST', `/api/invites/${invite.token}/accept`), 410, 'invite_revoked')
        expectError(await late.req('GET', s.ws), 404, 'not_found')
        expect((await s.owner.req<InviteList>('GET', `${s.ws}/invites`)).json.invites[0]!.status).toBe('revoked')
      })

      it('answers an unknown token with 404 and accepting without signing in with 401', async () => {
        const s = await setup()
        const { token } = (await s.owner.req<CreatedInvite>('POST', `${s.ws}/invites`, { role: 'viewer' })).json
        expectError(await new ApiClient(t.app).req('POST', `/api/invites/${token}/accept`), 401, 'unauthenticated')
        expectError(await new ApiClient(t.app).req('GET', `/api/invites/${'z'.repeat(40)}`), 404, 'not_found')
        expect((await new ApiClient(t.app).req('GET', `/api/invites/${token}`)).status).toBe(200)
      })

      it('refuses departments of no such department, owner invites, and invites by editors', async () => {
        const s = await setup()
        const editor = await s.member('editor')
        expectError(
          await s.owner.req('POST', `${s.ws}/invites`, { role: 'editor', departmentIds: ['nosuchdepartment'] }),
          400,
          'unknown_department',
        )
        expectError(await s.owner.req('POST', `${s.ws}/invites`, { role: 'owner' }), 400, 'invalid_request')
        expectError(await editor.req('POST', `${s.ws}/invites`, { role: 'viewer' }), 403, 'forbidden')
        expectError(await editor.req('GET', `${s.ws}/invites`), 403, 'forbidden')
        expect((await s.owner.req<InviteList>('GET', `${s.ws}/invites`)).json.invites.length).toBe(1) // the fixture's own invite of the editor
      })
    })

    describe('changing members', () => {
      it("changes a member's role, departments and leads", async () => {
        const s = await setup()
        const person = await s.member('viewer', { departments: ['Marketing'] })
        const url = `${s.ws}/members/${person.user!.id}`

        const promoted = await s.owner.req('PATCH', url, { role: 'editor' })
        expect(promoted.status).toBe(200)
        expect((promoted.json as Workspace).members.find((m) => m.userId === person.user!.id)).toMatchObject({
          role: 'editor',
          departmentIds: [s.dept('Marketing')],
        })

        expect((await s.owner.req('PATCH', url, { departmentIds: [s.dept('Sales')] })).status).toBe(200)
        expect(await s.memberOf(person)).toMatchObject({ role: 'editor', departmentIds: [s.dept('Sales')], leadOf: [] })

        expect((await s.owner.req('PATCH', url, { leadOf: [s.dept('Sales')] })).status).toBe(200)
        expect(await s.memberOf(person)).toMatchObject({ departmentIds: [s.dept('Sales')], leadOf: [s.dept('Sales')] })
        expect((await s.read(person)).me).toEqual({
          role: 'editor',
          departmentIds: [s.dept('Sales')],
          leadOf: [s.dept('Sales')],
        })

        // Leading a department makes you one of its members.
        expect((await s.owner.req('PATCH', url, { leadOf: [s.dept('Marketing')] })).status).toBe(200)
        const m = (await s.memberOf(person))!
        expect(new Set(m.departmentIds)).toEqual(new Set([s.dept('Sales'), s.dept('Marketing')]))
        expect(m.leadOf).toEqual([s.dept('Marketing')])
      })

      it('requires a lead to be an editor or above (400 lead_requires_editor)', async () => {
        const s = await setup()
        const viewer = await s.member('viewer')
        const lead = await s.member('editor', { departments: ['Sales'], leadOf: ['Sales'] })

        expectError(
          await s.owner.req('PATCH', `${s.ws}/members/${viewer.user!.id}`, { leadOf: [s.dept('Sales')] }),
          400,
          'lead_requires_editor',
        )
        expect(await s.memberOf(viewer)).toMatchObject({ role: 'viewer', leadOf: [] })
        expectError(
          await s.owner.req('PATCH', `${s.ws}/members/${lead.user!.id}`, {
            role: 'commenter',
            leadOf: [s.dept('Sales')],
          }),
          400,
          'lead_requires_editor',
        )
        expect(await s.memberOf(lead)).toMatchObject({ role: 'editor', leadOf: [s.dept('Sales')] })

        // Demoting a lead below editor drops the leads they can no longer hold.
        expect((await s.owner.req('PATCH', `${s.ws}/members/${lead.user!.id}`, { role: 'commenter' })).status).toBe(200)
        expect(await s.memberOf(lead)).toMatchObject({
          role: 'commenter',
          departmentIds: [s.dept('Sales')],
          leadOf: [],
        })
      })

      it.each([
        ['departmentIds', (id: string) => ({ departmentIds: [id] })],
        ['leadOf', (id: string) => ({ leadOf: [id] })],
      ])('refuses an unknown department id in %s with 400', async (_, body) => {
        const s = await setup()
        const editor = await s.member('editor', { departments: ['Sales'] })
        const other = await workspaceFixture(t.app, 'Other company')
        for (const id of ['nosuchdepartment', other.dept('Sales')]) {
          expectError(
            await s.owner.req('PATCH', `${s.ws}/members/${editor.user!.id}`, body(id)),
            400,
            'unknown_department',
          )
        }
        expect(await s.memberOf(editor)).toMatchObject({ departmentIds: [s.dept('Sales')], leadOf: [] })
      })

      it('answers 404 for someone who is not a member, and 400 for an empty change', async () => {
        const s = await setup()
        const stranger = await new ApiClient(t.app).signup()
        expectError(
          await s.owner.req('PATCH', `${s.ws}/members/${stranger.user!.id}`, { role: 'editor' }),
          404,
          'not_found',
        )
        expectError(await s.owner.req('DELETE', `${s.ws}/members/${stranger.user!.id}`), 404, 'not_found')
        expectError(await s.owner.req('PATCH', `${s.ws}/members/${s.owner.user!.id}`, {}), 400, 'invalid_request')
      })
    })

    describe('owners', () => {
      it('keeps the last owner: demoting or removing them is 409 last_owner', async () => {
        const s = await setup()
        const me = `${s.ws}/members/${s.owner.user!.id}`
        expectError(await s.owner.req('PATCH', me, { role: 'admin' }), 409, 'last_owner')
        expectError(await s.owner.req('DELETE', me), 409, 'last_owner')
        expect(await s.memberOf(s.owner)).toMatchObject({ role: 'owner' })
      })

      it('lets an owner step down or leave once there is another owner', async () => {
        const s = await setup()
        const second = await s.member('owner')
        const third = await s.member('owner')
        expect((await s.read()).members.map((m) => m.role)).toEqual(['owner', 'owner', 'owner'])

        expect((await s.owner.req('PATCH', `${s.ws}/members/${s.owner.user!.id}`, { role: 'admin' })).status).toBe(200)
        expect(await s.memberOf(s.owner)).toMatchObject({ role: 'admin' })
        expect((await third.req('DELETE', `${s.ws}/members/${third.user!.id}`)).status).toBe(204)
        expectError(await third.req('GET', s.ws), 404, 'not_found')

        // Now `second` is the last owner.
        expectError(await second.req('DELETE', `${s.ws}/members/${second.user!.id}`), 409, 'last_owner')
        expectError(
          await second.req('PATCH', `${s.ws}/members/${second.user!.id}`, { role: 'editor' }),
          409,
          'last_owner',
        )
        expect((await s.read(second)).members.map((m) => [m.userId, m.role])).toEqual([
          [s.owner.user!.id, 'admin'],
          [second.user!.id, 'owner'],
        ])
      })

      it.each([
        [
          'both step down',
          (ws: string, a: ApiClient, b: ApiClient) => [
            a.req('PATCH', `${ws}/members/${a.user!.id}`, { role: 'admin' }),
            b.req('PATCH', `${ws}/members/${b.user!.id}`, { role: 'admin' }),
          ],
        ],
        [
          'each demotes the other',
          (ws: string, a: ApiClient, b: ApiClient) => [
            a.req('PATCH', `${ws}/members/${b.user!.id}`, { role: 'editor' }),
            b.req('PATCH', `${ws}/members/${a.user!.id}`, { role: 'editor' }),
          ],
        ],
        [
          'both leave',
          (ws: string, a: ApiClient, b: ApiClient) => [
            a.req('DELETE', `${ws}/members/${a.user!.id}`),
            b.req('DELETE', `${ws}/members/${b.user!.id}`),
          ],
        ],
      ])('keeps an owner when two owners %s at the same moment', async (_, race) => {
        const s = await setup()
        const second = await s.member('owner')
        const results = await Promise.all(race(s.ws, s.owner, second))
        // One goes through; the other is refused: the last owner stays (409), or its sender is no longer an owner (403).
        expect(results.filter((r) => r.status < 300)).toHaveLength(1)
        for (const refused of results.filter((r) => r.status >= 300)) expectError(refused, [403, 409])
        const owners = await t.services.storage.db
          .selectFrom('memberships')
          .select('user_id')
          .where('workspace_id', '=', s.workspace.id)
          .where('role', '=', 'owner')
          .execute()
        expect(owners).toHaveLength(1)
      })

      it("judges a change by the actor's role when it is made, not when the request began", async () => {
        const s = await setup()
        const admin = await s.member('admin')
        const target = await s.member('viewer')
        // The admin's request read their membership, then the owner demoted them before the change ran.
        const asSeenEarlier = (await findMembership(t.services.storage.db, s.workspace.id, admin.user!.id))!
        expect((await s.owner.req('PATCH', `${s.ws}/members/${admin.user!.id}`, { role: 'viewer' })).status).toBe(200)
        await expect(
          removeMember(
            { db: t.services.storage.db, planEvents: t.services.planEvents },
            asSeenEarlier,
            target.user!.id,
          ),
        ).rejects.toMatchObject({
          status: 403,
        })
        await expect(
          updateMember(
            { db: t.services.storage.db, planEvents: t.services.planEvents },
            asSeenEarlier,
            target.user!.id,
            { role: 'admin' },
          ),
        ).rejects.toMatchObject({ status: 403 })
        expect(await s.memberOf(target)).toMatchObject({ role: 'viewer' })
      })

      it('does not let an admin make an owner, or change or remove an owner (403)', async () => {
        const s = await setup()
        const admin = await s.member('admin')
        const editor = await s.member('editor')
        const ownerUrl = `${s.ws}/members/${s.owner.user!.id}`
        expectError(await admin.req('PATCH', `${s.ws}/members/${editor.user!.id}`, { role: 'owner' }), 403, 'forbidden')
        expectError(await admin.req('PATCH', `${s.ws}/members/${admin.user!.id}`, { role: 'owner' }), 403, 'forbidden')
        expectError(await admin.req('PATCH', ownerUrl, { role: 'viewer' }), 403, 'forbidden')
        expectError(await admin.req('PATCH', ownerUrl, { departmentIds: [s.dept('Sales')] }), 403, 'forbidden')
        expectError(await admin.req('DELETE', ownerUrl), 403, 'forbidden')
        const members = (await s.read()).members
        expect(members.map((m) => [m.userId, m.role, m.departmentIds])).toEqual([
          [s.owner.user!.id, 'owner', []],
          [admin.user!.id, 'admin', []],
          [editor.user!.id, 'editor', []],
        ])
        // What an admin may do: change the members who are not owners.
        expect((await admin.req('PATCH', `${s.ws}/members/${editor.user!.id}`, { role: 'commenter' })).status).toBe(200)
      })
    })

    describe('removing members and leaving', () => {
      const leads = (db: TestApp['services']['storage']['db'], workspaceId: string, userId: string) =>
        db
          .selectFrom('member_departments')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', userId)
          .execute()

      it('lets an owner or admin remove a member, who then cannot see the workspace', async () => {
        const s = await setup()
        const admin = await s.member('admin')
        const a = await s.member('editor', { departments: ['Sales'], leadOf: ['Sales'] })
        const b = await s.member('viewer')
        expect((await s.owner.req('DELETE', `${s.ws}/members/${a.user!.id}`)).status).toBe(204)
        expect((await admin.req('DELETE', `${s.ws}/members/${b.user!.id}`)).status).toBe(204)
        for (const gone of [a, b]) {
          expectError(await gone.req('GET', s.ws), 404, 'not_found')
          expect((await gone.req<WorkspaceList>('GET', '/api/workspaces')).json.workspaces).toEqual([])
          expect(await s.memberOf(gone)).toBeUndefined()
        }
        expect(await leads(t.services.storage.db, s.workspace.id, a.user!.id)).toEqual([])
      })

      it('does not let an editor, commenter or viewer remove someone else', async () => {
        const s = await setup()
        const target = await s.member('viewer')
        for (const role of ['editor', 'commenter', 'viewer']) {
          const someone = await s.member(role)
          expectError(await someone.req('DELETE', `${s.ws}/members/${target.user!.id}`), 403, 'forbidden')
        }
        expect(await s.memberOf(target)).toBeDefined()
      })

      it.each(['admin', 'editor', 'commenter', 'viewer'])('lets a %s leave', async (role) => {
        const s = await setup()
        const leaver = await s.member(role, { departments: ['Marketing'] })
        expect((await leaver.req('DELETE', `${s.ws}/members/${leaver.user!.id}`)).status).toBe(204)
        expectError(await leaver.req('GET', s.ws), 404, 'not_found')
        expect((await s.read()).members.map((m: Member) => m.userId)).toEqual([s.owner.user!.id])
        expect(await leads(t.services.storage.db, s.workspace.id, leaver.user!.id)).toEqual([])
      })
    })
  })
})
