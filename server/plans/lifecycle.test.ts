import { beforeAll, describe, expect, it } from 'vitest'
import type { Finding } from '../../shared/health/schema'
import { readContent } from '../../shared/plan-model/read'
import type { z } from 'zod'
import type { ActivityFeed } from '../../shared/activity/schema'
import type { ApprovalList } from '../../shared/approvals/schema'
import type { ThreadList } from '../../shared/comments/schema'
import type { Plan, PlanList, PlanSummary } from '../../shared/plans/schema'
import type { TemplateList } from '../../shared/templates/schema'
import { CLOSE } from '../../shared/sync/protocol'
import { expectError } from '../../tests/support/contract'
import { ENGINES } from '../../tests/support/engines'
import { WITH_ACKS, appendParagraph, bodyText, eventually, processed } from '../../tests/support/sync-clients'
import { storedDoc, syncSuite } from '../../tests/support/sync-fixture'
import { ApiClient, httpTarget, workspaceFixture } from '../../tests/support/api'

describe.each(ENGINES)('plans managed like documents, and templates, on $engine', (engine) => {
  describe.skipIf(!engine.available)('', () => {
    const suite = syncSuite(engine)
    let server: ReturnType<typeof syncSuite>['server']
    let fx: ReturnType<typeof syncSuite>['fx']
    let plansUrl: string
    beforeAll(() => {
      ;({ server, fx } = suite)
      plansUrl = `/api/workspaces/${fx.workspace.id}/plans`
    })

    const fromTemplate = async (title: string, templateId = 'outdoor-gear-shop') => {
      const res = await fx.owner.req<Plan>('POST', plansUrl, { title, templateId })
      expect(res.status).toBe(201)
      return res.json
    }
    const health = async (planId: string) =>
      (await fx.owner.req<{ findings: Finding[] }>('GET', `/api/plans/${planId}/health`)).json.findings
    const activity = async (planId: string) =>
      (await fx.owner.req<z.infer<typeof ActivityFeed>>('GET', `/api/plans/${planId}/activity`)).json.events
    const activityKinds = async (planId: string) => (await activity(planId)).map((e) => e.kind)
    const listed = async (archived?: boolean) =>
      (
        await fx.owner.req<z.infer<typeof PlanList>>('GET', `${plansUrl}${archived ? '?archived=true' : ''}`)
      ).json.plans.map((p) => p.id)

    describe('templates', () => {
      it('lists blank and the example plans', async () => {
        const res = await fx.viewer.req<TemplateList>('GET', '/api/templates')
        expect(res.status).toBe(200)
        const ids = res.json.templates.map((t) => t.id)
        expect(ids).toEqual(expect.arrayContaining(['blank', 'outdoor-gear-shop', 'b2b-software']))
        expect((await new ApiClient(httpTarget(), server.url).req('GET', '/api/templates')).status).toBe(401)
      })

      it.each(['outdoor-gear-shop', 'b2b-software'])(
        'fills every section from %s: no error in its health check',
        async (templateId) => {
          const plan = await fromTemplate(`From ${templateId}`, templateId)
          expect(plan.sections.filter((s) => s.kind === 'network').length).toBeGreaterThanOrEqual(2)
          for (const s of plan.sections) {
            const doc = await storedDoc(server.running, s.id)
            expect(bodyText(doc), s.title).not.toBe('<paragraph></paragraph>')
            expect(doc.getXmlFragment('body').length, s.title).toBeGreaterThan(0)
          }
          const started = (await activity(plan.id)).find((e) => e.kind === 'plan_created')
          expect(started?.summary).toMatch(/^Olivia Owner started the plan from the template “.+”\.$/)
          const findings = await health(plan.id)
          expect(findings.filter((f) => f.severity === 'error')).toEqual([])
          expect(new Set(findings.map((f) => f.rule))).toEqual(new Set(['objectives-not-approved']))
        },
      )

      it('makes a blank plan without templateId or with blank, and tells it what is missing first', async () => {
        const plan = (await fx.owner.req('POST', plansUrl, { title: 'Blank', templateId: 'blank' })).json as Plan
        const findings = await health(plan.id)
        expect(findings.slice(0, 5).map((f) => f.rule)).toEqual([
          'department-without-objectives',
          'department-without-objectives',
          'department-without-objectives',
          'department-without-objectives',
          'no-network-chosen',
        ])
        expect(findings.map((f) => f.rule)).not.toContain('objectives-not-approved')
        // The plan's own log starts with its start (the workspace's membership events show in every plan's feed).
        expect((await activity(plan.id)).filter((e) => e.planId === plan.id).map((e) => e.summary)).toEqual([
          'Olivia Owner started the plan.',
        ])
      })

      it('refuses a template that does not exist, and creates nothing', async () => {
        const before = await listed()
        expectError(await fx.owner.req('POST', plansUrl, { title: 'X', templateId: 'no-such' }), 404, 'not_found')
        expectError(await fx.owner.req('POST', plansUrl, { title: 'X', templateId: 'Bad Id!' }), 400)
        expect(await listed()).toEqual(before)
      })
    })

    describe('rename', () => {
      it('lets editors rename, in the activity log', async () => {
        const plan = await fromTemplate('Old title', 'blank')
        const res = await fx.salesEditor.req<PlanSummary>('PATCH', `/api/plans/${plan.id}`, { title: '  New title ' })
        expect(res.status).toBe(200)
        expect(res.json.title).toBe('New title')
        expect((await fx.viewer.req<Plan>('GET', `/api/plans/${plan.id}`)).json.title).toBe('New title')
        expect(await activityKinds(plan.id)).toContain('plan_renamed')
      })

      it('refuses commenters, viewers, another workspace and an empty title', async () => {
        const plan = await fromTemplate('Kept', 'blank')
        expectError(await fx.viewer.req('PATCH', `/api/plans/${plan.id}`, { title: 'No' }), 403, 'forbidden')
        expectError(await fx.commenter.req('PATCH', `/api/plans/${plan.id}`, { title: 'No' }), 403, 'forbidden')
        const stranger = await workspaceFixture(httpTarget(), 'Other', server.url)
        expectError(await stranger.owner.req('PATCH', `/api/plans/${plan.id}`, { title: 'No' }), 404, 'not_found')
        expectError(await fx.owner.req('PATCH', `/api/plans/${plan.id}`, { title: '  ' }), 400)
        expect((await fx.owner.req<Plan>('GET', `/api/plans/${plan.id}`)).json.title).toBe('Kept')
      })
    })

    describe('duplicate', () => {
      it('copies every section, links pointing at the copies, without comments, approvals back to draft', async () => {
        const source = await fromTemplate('Plan 2027')
        const overview = source.sections.find((s) => s.kind === 'overview')!
        expect(
          (await fx.owner.req('POST', `/api/sections/${overview.id}/comments`, { body: 'A thought' })).status,
        ).toBe(201)
        const marketing = fx.dept('Marketing')
        const submit = await fx.owner.req('POST', `/api/plans/${source.id}/departments/${marketing}/objectives/submit`)
        expect(submit.status).toBe(200)

        const res = await fx.marketingEditor.req<Plan>('POST', `/api/plans/${source.id}/duplicate`, {
          title: 'Plan 2028',
        })
        expect(res.status).toBe(201)
        const copy = res.json
        expect(copy).toMatchObject({ title: 'Plan 2028', workspaceId: fx.workspace.id, archivedAt: null })
        expect(copy.sections.map((s) => [s.kind, s.title, s.ownerDepartmentId])).toEqual(
          source.sections.map((s) => [s.kind, s.title, s.ownerDepartmentId]),
        )
        expect(copy.sections.map((s) => s.id).some((id) => source.sections.some((s) => s.id === id))).toBe(false)
        for (const [i, s] of copy.sections.entries()) {
          const [a, b] = [
            await storedDoc(server.running, source.sections[i]!.id),
            await storedDoc(server.running, s.id),
          ]
          expect(bodyText(b), s.title).toBe(bodyText(a))
        }
        // Network selection points at the copy's network sections.
        const selection = copy.sections.find((s) => s.kind === 'network_selection')!
        const chosen = readContent(await storedDoc(server.running, selection.id), 'network_selection').chosen
        expect(chosen.map((c) => c.sectionId).sort()).toEqual(
          copy.sections
            .filter((s) => s.kind === 'network')
            .map((s) => s.id)
            .sort(),
        )
        const copiedOverview = copy.sections.find((s) => s.kind === 'overview')!
        expect(
          (await fx.owner.req<ThreadList>('GET', `/api/sections/${copiedOverview.id}/comments`)).json.threads,
        ).toEqual([])
        const approvals = (await fx.owner.req<z.infer<typeof ApprovalList>>('GET', `/api/plans/${copy.id}/approvals`))
          .json.approvals
        expect(approvals.map((a) => a.state)).toEqual(approvals.map(() => 'draft'))
        expect((await health(copy.id)).filter((f) => f.severity === 'error')).toEqual([])
        expect(await activityKinds(copy.id)).toContain('plan_duplicated')
      })

      it('refuses viewers and another workspace', async () => {
        const plan = await fromTemplate('Source', 'blank')
        expectError(await fx.viewer.req('POST', `/api/plans/${plan.id}/duplicate`, { title: 'X' }), 403, 'forbidden')
        const stranger = await workspaceFixture(httpTarget(), 'Other', server.url)
        expectError(await stranger.owner.req('POST', `/api/plans/${plan.id}/duplicate`, { title: 'X' }), 404)
      })
    })

    describe('archive', () => {
      it('is for owners and admins: the plan leaves the default list and refuses every write', async () => {
        const plan = await fromTemplate('To archive')
        const overview = plan.sections.find((s) => s.kind === 'overview')!
        const marketing = fx.dept('Marketing')
        expectError(await fx.salesEditor.req('POST', `/api/plans/${plan.id}/archive`), 403, 'forbidden')
        const stranger = await workspaceFixture(httpTarget(), 'Other', server.url)
        expectError(await stranger.owner.req('POST', `/api/plans/${plan.id}/archive`), 404)

        const res = await fx.owner.req<PlanSummary>('POST', `/api/plans/${plan.id}/archive`)
        expect(res.status).toBe(200)
        expect(res.json.archivedAt).toEqual(expect.any(Number))
        expect(await listed()).not.toContain(plan.id)
        expect(await listed(true)).toContain(plan.id)

        expectError(await fx.owner.req('PATCH', `/api/plans/${plan.id}`, { title: 'No' }), 409, 'plan_archived')
        expectError(
          await fx.owner.req('POST', `/api/sections/${overview.id}/comments`, { body: 'No' }),
          409,
          'plan_archived',
        )
        expectError(
          await fx.owner.req('POST', `/api/plans/${plan.id}/departments/${marketing}/objectives/submit`),
          409,
          'plan_archived',
        )
        expectError(
          await fx.owner.req('POST', `/api/plans/${plan.id}/networks`, { name: 'TikTok' }),
          409,
          'plan_archived',
        )
        // Still readable: the plan, its health, its export.
        expect((await fx.viewer.req('GET', `/api/plans/${plan.id}`)).status).toBe(200)
        expect((await fx.viewer.req('GET', `/api/plans/${plan.id}/health`)).status).toBe(200)
        expect((await fx.viewer.req('GET', `/api/plans/${plan.id}/export?format=md`)).status).toBe(200)
        // Another workspace learns nothing, archived or not.
        expectError(await stranger.owner.req('POST', `/api/sections/${overview.id}/comments`, { body: 'x' }), 404)

        expectError(await fx.salesEditor.req('POST', `/api/plans/${plan.id}/unarchive`), 403, 'forbidden')
        const back = await fx.owner.req<PlanSummary>('POST', `/api/plans/${plan.id}/unarchive`)
        expect(back.status).toBe(200)
        expect(back.json.archivedAt).toBeNull()
        expect(await listed()).toContain(plan.id)
        expect((await fx.owner.req('PATCH', `/api/plans/${plan.id}`, { title: 'Back' })).status).toBe(200)
        const kinds = await activityKinds(plan.id)
        expect(kinds).toEqual(expect.arrayContaining(['plan_archived', 'plan_unarchived']))
      })

      it('makes open connections read-only at once, and readable', async () => {
        const plan = await fromTemplate('Live archive', 'blank')
        const overview = plan.sections.find((s) => s.kind === 'overview')!
        const writer = suite.client(fx.owner, overview.id, WITH_ACKS)
        expect(await writer.synced).toBe(true)
        appendParagraph(writer.doc, 'before archive')
        await eventually(
          async () => bodyText(await storedDoc(server.running, overview.id)).includes('before archive'),
          'stored before archiving',
        )
        expect((await fx.owner.req('POST', `/api/plans/${plan.id}/archive`)).status).toBe(200)
        // The server has answered the write (refused it) before it acknowledges it; a reader who syncs
        // after that would be sent it in its first sync had it been taken.
        await processed(writer, (doc) => appendParagraph(doc, 'after archive'), 'the write after archiving is answered')
        const reader = suite.client(fx.viewer, overview.id)
        expect(await reader.synced).toBe(true)
        expect(bodyText(reader.doc)).toContain('before archive')
        expect(bodyText(await storedDoc(server.running, overview.id))).not.toContain('after archive')
        expect(bodyText(reader.doc)).not.toContain('after archive')
      })
    })

    describe('delete', () => {
      it('is for owners and admins; sockets close and every route answers 404 afterwards', async () => {
        const plan = await fromTemplate('To delete')
        const overview = plan.sections.find((s) => s.kind === 'overview')!
        expectError(await fx.salesEditor.req('DELETE', `/api/plans/${plan.id}`), 403, 'forbidden')
        const stranger = await workspaceFixture(httpTarget(), 'Other', server.url)
        expectError(await stranger.owner.req('DELETE', `/api/plans/${plan.id}`), 404)

        const open = suite.client(fx.salesEditor, overview.id)
        expect(await open.synced).toBe(true)
        expect((await fx.owner.req('DELETE', `/api/plans/${plan.id}`)).status).toBe(204)
        await eventually(() => open.closes.includes(CLOSE.forbidden), 'the socket closes')

        for (const [method, path] of [
          ['GET', `/api/plans/${plan.id}`],
          ['GET', `/api/plans/${plan.id}/health`],
          ['GET', `/api/plans/${plan.id}/export?format=md`],
          ['GET', `/api/plans/${plan.id}/approvals`],
          ['PATCH', `/api/plans/${plan.id}`],
          ['POST', `/api/plans/${plan.id}/duplicate`],
          ['POST', `/api/plans/${plan.id}/archive`],
          ['DELETE', `/api/plans/${plan.id}`],
          ['GET', `/api/sections/${overview.id}/comments`],
        ] as const) {
          const body = method === 'PATCH' || method === 'POST' ? { title: 'x' } : undefined
          expect((await fx.owner.req(method, path, body)).status, `${method} ${path}`).toBe(404)
        }
        expect(await listed()).not.toContain(plan.id)
        const again = suite.client(fx.owner, overview.id)
        await eventually(() => again.closes.length > 0, 'a new socket is refused')
        // The deletion stays in the workspace's log, seen from its other plans.
        const other = await fromTemplate('Witness', 'blank')
        expect(await activityKinds(other.id)).toContain('plan_deleted')
      })
    })
  })
})
