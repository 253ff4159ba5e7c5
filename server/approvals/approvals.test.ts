import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { canonicalJson, canonicalObjectives, hashCanonical } from '../../shared/approvals/canonical'
import { readContent } from '../../shared/plan-model/read'
import { addItem, updateItem } from '../../shared/plan-model/write'
import type { DepartmentApproval } from '../../shared/approvals/schema'
import {
  type ActivityFeed,
  ApiClient,
  type ApprovalList,
  type Created,
  httpTarget,
  type NotificationList,
  type PlanBody,
  workspaceFixture,
} from '../../tests/support/api'
import { expectError } from '../../tests/support/contract'
import { ENGINES } from '../../tests/support/engines'
import { planEventClient } from '../../tests/support/plan-events'
import { planWithPeople, startSyncServer, storedDoc } from '../../tests/support/sync-fixture'
import {
  WITH_ACKS,
  appendParagraph,
  eventually,
  processed,
  type StockClient,
  stockClient,
} from '../../tests/support/sync-clients'

type Department = 'Sales' | 'Marketing'

describe.each(ENGINES)('approvals on $engine', (engine) => {
  describe.skipIf(!engine.available)('', () => {
    let server: Awaited<ReturnType<typeof startSyncServer>>
    let fx: Awaited<ReturnType<typeof planWithPeople>>
    let other: Awaited<ReturnType<typeof workspaceFixture>>
    let otherPlanId: string
    let people: Record<string, ApiClient>
    const open: StockClient[] = []
    const track = <T extends StockClient>(c: T) => (open.push(c), c)

    beforeAll(async () => {
      server = await startSyncServer(engine)
      fx = await planWithPeople(server.url)
      other = await workspaceFixture(httpTarget(), 'Other company', server.url)
      otherPlanId = (
        await other.owner.req<Created>('POST', `/api/workspaces/${other.workspace.id}/plans`, { title: 'Their plan' })
      ).json.id
      people = {
        owner: fx.owner,
        admin: await fx.member('admin', { name: 'Ada Admin', departments: ['Marketing'] }),
        salesEditor: fx.salesEditor,
        salesLead: await fx.member('editor', { name: 'Lee Sales Lead', departments: ['Sales'], leadOf: ['Sales'] }),
        marketingEditor: fx.marketingEditor,
        marketingLead: await fx.member('editor', {
          name: 'Mia Marketing Lead',
          departments: ['Marketing'],
          leadOf: ['Marketing'],
        }),
        commenter: fx.commenter,
        viewer: fx.viewer,
        outsider: other.owner,
        anonymous: new ApiClient(httpTarget(), server.url),
      }
    })
    afterAll(async () => {
      for (const c of open) c.close()
      await server?.dispose()
    })

    const path = (planId: string, dept: string, action: 'submit' | 'decision') =>
      `/api/plans/${planId}/departments/${dept}/objectives/${action}`
    const submit = (who: ApiClient, planId: string, dept: Department) =>
      who.req<DepartmentApproval>('POST', path(planId, fx.dept(dept), 'submit'))
    const decide = (who: ApiClient, planId: string, dept: Department, body: unknown) =>
      who.req<DepartmentApproval>('POST', path(planId, fx.dept(dept), 'decision'), body)
    const approvalOf = async (planId: string, dept: Department) =>
      (await fx.owner.req<ApprovalList>('GET', `/api/plans/${planId}/approvals`)).json.approvals.find(
        (a: { departmentId: string }) => a.departmentId === fx.dept(dept),
      )!
    const freshPlan = async () => {
      const plan = (
        await fx.owner.req<PlanBody>('POST', `/api/workspaces/${fx.workspace.id}/plans`, { title: 'A fresh plan' })
      ).json
      const objectives = (dept: Department) =>
        plan.sections.find((s) => s.kind === 'objectives' && s.ownerDepartmentId === fx.dept(dept))!.id
      return { id: plan.id, objectives }
    }
    /** A stock client of an editor of that department, with objectives written and stored. */
    async function writeObjectives(who: ApiClient, sectionId: string, objectives: Record<string, unknown>[]) {
      const writer = track(stockClient(server.url, who.cookieHeader, sectionId, WITH_ACKS))
      expect(await writer.synced).toBe(true)
      const ids = objectives.map((o) => addItem(writer.doc, 'objectives', ['objectives'], o))
      await eventually(
        async () =>
          readContent(await storedDoc(server.running, sectionId), 'objectives').objectives.length === ids.length,
        'the objectives are stored',
      )
      return { writer, ids }
    }

    describe('who may submit (an editor of that department) and decide (that department’s lead only)', () => {
      const submitRows: [string, number][] = [
        ['owner', 200],
        ['admin', 200],
        ['salesEditor', 200],
        ['salesLead', 200],
        ['marketingEditor', 403],
        ['marketingLead', 403],
        ['commenter', 403],
        ['viewer', 403],
        ['outsider', 404],
        ['anonymous', 401],
      ]
      it.each(submitRows)("%s submitting Sales' objectives → %i", async (who, status) => {
        const plan = await freshPlan()
        const res = await submit(people[who]!, plan.id, 'Sales')
        if (status !== 200) {
          expectError(res, status)
          expect((await approvalOf(plan.id, 'Sales')).state).toBe('draft')
          return
        }
        expect(res.status, res.text).toBe(200)
        expect(res.json).toMatchObject({
          state: 'submitted',
          submittedBy: { id: people[who]!.user!.id },
          departmentName: 'Sales',
        })
      })

      const decideRows: [string, number][] = [
        ['salesLead', 200],
        ['owner', 403],
        ['admin', 403],
        ['salesEditor', 403],
        ['marketingLead', 403],
        ['commenter', 403],
        ['viewer', 403],
        ['outsider', 404],
        ['anonymous', 401],
      ]
      it.each(decideRows)("%s approving Sales' objectives → %i", async (who, status) => {
        const plan = await freshPlan()
        expect((await submit(fx.salesEditor, plan.id, 'Sales')).status).toBe(200)
        const res = await decide(people[who]!, plan.id, 'Sales', { decision: 'approve' })
        if (status !== 200) {
          expectError(res, status)
          expect((await approvalOf(plan.id, 'Sales')).state).toBe('submitted')
          return
        }
        expect(res.json).toMatchObject({
          state: 'approved',
          decidedBy: { id: people[who]!.user!.id },
          decidedAt: expect.any(Number) as unknown,
        })
      })

      it('shows each caller what they may do', async () => {
        const plan = await freshPlan()
        await submit(fx.salesEditor, plan.id, 'Sales')
        const abilities = async (who: string) =>
          (await people[who]!.req<ApprovalList>('GET', `/api/plans/${plan.id}/approvals`)).json.approvals.find(
            (a: { departmentId: string }) => a.departmentId === fx.dept('Sales'),
          )!.abilities
        expect(await abilities('salesLead')).toEqual({ submit: false, decide: true })
        expect(await abilities('owner')).toEqual({ submit: false, decide: false })
        expect(await abilities('viewer')).toEqual({ submit: false, decide: false })
        const marketing = async (who: string) =>
          (await people[who]!.req<ApprovalList>('GET', `/api/plans/${plan.id}/approvals`)).json.approvals.find(
            (a: { departmentId: string }) => a.departmentId === fx.dept('Marketing'),
          )!.abilities
        expect(await marketing('marketingEditor')).toEqual({ submit: true, decide: false })
        expect(await marketing('salesEditor')).toEqual({ submit: false, decide: false })
      })
    })

    describe('moves and bad input', () => {
      it('goes draft → submitted → changes requested (with a reason) → submitted → approved, refusing moves that do not exist', async () => {
        const plan = await freshPlan()
        const lead = people.salesLead!
        expectError(await decide(lead, plan.id, 'Sales', { decision: 'approve' }), 409, 'not_submitted')
        expect((await submit(fx.salesEditor, plan.id, 'Sales')).json.state).toBe('submitted')
        expectError(await submit(fx.salesEditor, plan.id, 'Sales'), 409, 'already_submitted')
        expectError(await decide(lead, plan.id, 'Sales', { decision: 'request_changes' }), 400, 'invalid_request')
        expectError(
          await decide(lead, plan.id, 'Sales', { decision: 'request_changes', reason: '   ' }),
          400,
          'invalid_request',
        )
        expect((await approvalOf(plan.id, 'Sales')).state).toBe('submitted')
        const sent = await decide(lead, plan.id, 'Sales', {
          decision: 'request_changes',
          reason: 'Targets need numbers.',
        })
        expect(sent.json).toMatchObject({
          state: 'changes_requested',
          reason: 'Targets need numbers.',
          decidedBy: { id: lead.user!.id },
        })
        expectError(await decide(lead, plan.id, 'Sales', { decision: 'approve' }), 409, 'not_submitted')
        expect((await submit(fx.salesEditor, plan.id, 'Sales')).json).toMatchObject({
          state: 'submitted',
          reason: 'Targets need numbers.',
        })
        expect((await decide(lead, plan.id, 'Sales', { decision: 'approve' })).json).toMatchObject({
          state: 'approved',
          reason: null,
        })
        expectError(await decide(lead, plan.id, 'Sales', { decision: 'approve' }), 409, 'already_approved')
        expectError(await submit(fx.salesEditor, plan.id, 'Sales'), 409, 'already_approved')
        // A lead may send approved objectives back.
        expect(
          (await decide(lead, plan.id, 'Sales', { decision: 'request_changes', reason: 'On second thought.' })).json
            .state,
        ).toBe('changes_requested')
      })

      it.each([
        ['an unknown decision', { decision: 'maybe' }],
        ['no decision', { reason: 'x' }],
        ['a reason too long', { decision: 'request_changes', reason: 'x'.repeat(2001) }],
        ['a hash that is not one', { decision: 'approve', hash: 'abc' }],
        ['who decided, as if the client could say', { decision: 'approve', decidedBy: 'someone' }],
        ['an unknown field', { decision: 'approve', state: 'approved' }],
      ])('refuses %s with 400', async (_, body) => {
        const plan = await freshPlan()
        await submit(fx.salesEditor, plan.id, 'Sales')
        expectError(await decide(people.salesLead!, plan.id, 'Sales', body), 400, 'invalid_request')
        expect((await approvalOf(plan.id, 'Sales')).state).toBe('submitted')
      })

      it('answers 404 for a department or plan that does not exist', async () => {
        expectError(await people.salesLead!.req('POST', path(fx.plan.id, 'nosuchdept', 'submit')), 404)
        expectError(
          await people.salesLead!.req('POST', path('nosuchplan', fx.dept('Sales'), 'decision'), {
            decision: 'approve',
          }),
          404,
        )
        expectError(await fx.owner.req('GET', '/api/plans/nosuchplan/approvals'), 404)
      })
    })

    describe('what an approval records', () => {
      it('stores exactly what was approved (the canonical snapshot and its hash), who decided and when', async () => {
        const plan = await freshPlan()
        const section = plan.objectives('Sales')
        const { writer } = await writeObjectives(fx.salesEditor, section, [
          {
            statement: ' Capture leads ',
            metric: 'leads',
            target: 200,
            deadline: '2027-06-30',
            networkIds: ['sec-b', 'sec-a'],
          },
          { statement: 'Answer faster', metric: 'response time', unit: 'hours', baseline: 24, target: 4 },
        ])
        const expected = canonicalObjectives(readContent(writer.doc, 'objectives').objectives)
        const hash = hashCanonical(canonicalJson(expected))
        await submit(fx.salesEditor, plan.id, 'Sales')
        const stale = await decide(people.salesLead!, plan.id, 'Sales', { decision: 'approve', hash: '0'.repeat(64) })
        expectError(stale, 409, 'objectives_changed')
        const before = Date.now()
        const res = await decide(people.salesLead!, plan.id, 'Sales', { decision: 'approve', hash })
        expect(res.status, res.text).toBe(200)
        expect(res.json).toMatchObject({
          state: 'approved',
          snapshotHash: hash,
          currentHash: hash,
          changes: [],
          decidedBy: { id: people.salesLead!.user!.id, name: 'Lee Sales Lead' },
        })
        expect(res.json.decidedAt).toBeGreaterThanOrEqual(before)
        expect(res.json.snapshot).toEqual(expected)
        expect(
          res.json.snapshot!.find((o: { statement: string }) => o.statement === 'Capture leads')!.networkIds,
        ).toEqual(['sec-a', 'sec-b'])
        const row = await server.running.services.storage.db
          .selectFrom('approvals')
          .selectAll()
          .where('plan_id', '=', plan.id)
          .executeTakeFirstOrThrow()
        expect(row).toMatchObject({
          state: 'approved',
          hash,
          snapshot: canonicalJson(expected),
          decided_by: people.salesLead!.user!.id,
        })
      })
    })

    describe('staleness', () => {
      it('marks only the edited department stale, live, and shows the lead what changed field by field', async () => {
        const plan = await freshPlan()
        const sales = await writeObjectives(fx.salesEditor, plan.objectives('Sales'), [
          { statement: 'Capture leads', metric: 'leads', target: 200 },
        ])
        await writeObjectives(fx.marketingEditor, plan.objectives('Marketing'), [
          { statement: 'Grow our audience', metric: 'followers', target: 5000 },
        ])
        for (const [dept, lead] of [
          ['Sales', 'salesLead'],
          ['Marketing', 'marketingLead'],
        ] as const) {
          expect((await submit(fx.owner, plan.id, dept)).status).toBe(200)
          expect((await decide(people[lead]!, plan.id, dept, { decision: 'approve' })).json.state).toBe('approved')
        }
        const room = track(planEventClient(server.url, fx.viewer, plan.id))
        const leadRoom = track(planEventClient(server.url, people.salesLead!, plan.id))
        expect(await room.synced).toBe(true)
        expect(await leadRoom.synced).toBe(true)

        // Rich text beside the objectives is not what was approved.
        await processed(
          sales.writer,
          (doc) => appendParagraph(doc, 'Some notes on the objectives'),
          'the notes are stored',
        )
        await server.running.settled()
        expect((await approvalOf(plan.id, 'Sales')).state).toBe('approved')

        const [objectiveId] = sales.ids as [string]
        updateItem(sales.writer.doc, 'objectives', ['objectives'], objectiveId, { target: 250 })
        await eventually(async () => (await approvalOf(plan.id, 'Sales')).state === 'stale', 'Sales is stale')
        await eventually(
          () => room.events.some((e) => e.kind === 'approvals' && e.departmentId === fx.dept('Sales')),
          'the plan room hears it',
        )
        await eventually(
          () => leadRoom.events.some((e) => e.kind === 'notifications' && e.userId === people.salesLead!.user!.id),
          "the lead's inbox changes",
        )
        expect((await approvalOf(plan.id, 'Marketing')).state).toBe('approved')
        const stale = await approvalOf(plan.id, 'Sales')
        expect(stale).toMatchObject({
          staleAt: expect.any(Number) as unknown,
          decidedBy: { id: people.salesLead!.user!.id },
        })
        expect(stale.changes).toEqual([{ objectiveId, change: 'changed', field: 'target', before: 200, after: 250 }])
        expect(stale.currentHash).not.toBe(stale.snapshotHash)

        const added = addItem(sales.writer.doc, 'objectives', ['objectives'], {
          statement: 'Close deals',
          metric: 'deals',
        })
        await eventually(
          async () => (await approvalOf(plan.id, 'Sales')).changes!.length === 2,
          'the new objective shows',
        )
        expect((await approvalOf(plan.id, 'Sales')).changes![1]).toMatchObject({
          objectiveId: added,
          change: 'added',
          field: null,
          before: null,
          after: { statement: 'Close deals' },
        })

        const inbox = (
          await people.salesLead!.req<NotificationList>('GET', `/api/workspaces/${fx.workspace.id}/notifications`)
        ).json.notifications
        expect(inbox[0]).toMatchObject({
          kind: 'approval_stale',
          departmentId: fx.dept('Sales'),
          actor: { id: fx.salesEditor.user!.id },
        })
        const events = (await fx.owner.req<ActivityFeed>('GET', `/api/plans/${plan.id}/activity?kind=objectives_stale`))
          .json.events
        expect(events.map((e: { departmentId: string | null }) => e.departmentId)).toEqual([fx.dept('Sales')])

        // The lead decides again on what is there now.
        const again = await decide(people.salesLead!, plan.id, 'Sales', { decision: 'approve' })
        expect(again.json).toMatchObject({ state: 'approved', changes: [] })
        expect(again.json.snapshot).toHaveLength(2)
      })

      it('leaves a submitted (not yet approved) department as it is when edited', async () => {
        const plan = await freshPlan()
        const sales = await writeObjectives(fx.salesEditor, plan.objectives('Sales'), [
          { statement: 'Capture leads', target: 200 },
        ])
        await submit(fx.salesEditor, plan.id, 'Sales')
        await processed(
          sales.writer,
          (doc) => updateItem(doc, 'objectives', ['objectives'], sales.ids[0]!, { target: 300 }),
          'the edit is stored',
        )
        await server.running.settled()
        expect((await approvalOf(plan.id, 'Sales')).state).toBe('submitted')
      })

      it('goes stale again after a re-approval, even when an edit only puts back what was there before', async () => {
        const plan = await freshPlan()
        const sales = await writeObjectives(fx.salesEditor, plan.objectives('Sales'), [
          { statement: 'Capture leads', target: 200 },
        ])
        const [id] = sales.ids as [string]
        const lead = people.salesLead!
        await submit(fx.salesEditor, plan.id, 'Sales')
        await decide(lead, plan.id, 'Sales', { decision: 'approve' })
        updateItem(sales.writer.doc, 'objectives', ['objectives'], id, { statement: 'Capture more leads' })
        await eventually(
          async () => (await approvalOf(plan.id, 'Sales')).state === 'stale',
          'stale after the first edit',
        )
        expect((await decide(lead, plan.id, 'Sales', { decision: 'approve' })).json.state).toBe('approved')
        updateItem(sales.writer.doc, 'objectives', ['objectives'], id, { statement: 'Capture leads' })
        await eventually(
          async () => (await approvalOf(plan.id, 'Sales')).state === 'stale',
          'stale after the edit back',
        )
        expect((await approvalOf(plan.id, 'Sales')).changes).toEqual([
          {
            objectiveId: id,
            change: 'changed',
            field: 'statement',
            before: 'Capture more leads',
            after: 'Capture leads',
          },
        ])
        const events = (
          await fx.owner.req<ActivityFeed>(
            'GET',
            `/api/plans/${plan.id}/activity?departmentId=${fx.dept('Sales')}&category=approvals`,
          )
        ).json.events
        expect(events.map((e: { kind: string }) => e.kind)).toEqual([
          'objectives_stale',
          'objectives_approved',
          'objectives_stale',
          'objectives_approved',
          'objectives_submitted',
        ])
      })
    })

    describe('tenant isolation', () => {
      it("refuses another workspace's plans and departments, changing nothing", async () => {
        const plan = await freshPlan()
        await submit(fx.salesEditor, plan.id, 'Sales')
        const before = await fx.owner.req('GET', `/api/plans/${plan.id}/approvals`)
        const outsider = other.owner
        expectError(await outsider.req('GET', `/api/plans/${plan.id}/approvals`), 404)
        expectError(await outsider.req('POST', path(plan.id, fx.dept('Sales'), 'submit')), 404)
        expectError(
          await outsider.req('POST', path(plan.id, fx.dept('Sales'), 'decision'), { decision: 'approve' }),
          404,
        )
        // Their own plan with our department, and our plan with their department.
        expectError(await outsider.req('POST', path(otherPlanId, fx.dept('Sales'), 'submit')), 404)
        expectError(
          await people.salesLead!.req('POST', path(plan.id, other.dept('Sales'), 'decision'), { decision: 'approve' }),
          404,
        )
        expectError(
          await people.salesLead!.req('POST', path(otherPlanId, other.dept('Sales'), 'decision'), {
            decision: 'approve',
          }),
          404,
        )
        expect((await fx.owner.req('GET', `/api/plans/${plan.id}/approvals`)).json).toEqual(before.json)
      })
    })
  })
})
