import { beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import type { ActivityFeed } from '../../shared/activity/schema'
import type { Finding } from '../../shared/health/schema'
import { readContent } from '../../shared/plan-model/read'
import type { Plan } from '../../shared/plans/schema'
import type { CreatedReviewLink, JoinedReview } from '../../shared/review-links/schema'
import type { WorkspaceTemplate, WorkspaceTemplateList } from '../../shared/templates/schema'
import { ApiClient, httpTarget, workspaceFixture } from '../../tests/support/api'
import { expectError } from '../../tests/support/contract'
import { ENGINES } from '../../tests/support/engines'
import { appendParagraph, bodyText, eventually } from '../../tests/support/sync-clients'
import { storedDoc, syncSuite } from '../../tests/support/sync-fixture'

/**
 * A workspace's own templates (docs/product.md#plans-managed-like-documents): owners and admins save a
 * plan as one, everyone in the workspace starts plans from it with every section as it was, and it is
 * nobody else's to see, use or delete.
 */
describe.each(ENGINES)('workspace templates on $engine', (engine) => {
  describe.skipIf(!engine.available)('', () => {
    const suite = syncSuite(engine)
    let server: ReturnType<typeof syncSuite>['server']
    let fx: ReturnType<typeof syncSuite>['fx']
    let plansUrl: string
    let templatesUrl: string
    beforeAll(() => {
      ;({ server, fx } = suite)
      plansUrl = `/api/workspaces/${fx.workspace.id}/plans`
      templatesUrl = `/api/workspaces/${fx.workspace.id}/templates`
    })

    const fromTemplate = async (title: string, templateId: string, who = fx.owner) => {
      const res = await who.req<Plan>('POST', plansUrl, { title, templateId })
      expect(res.status).toBe(201)
      return res.json
    }
    const saveAs = async (planId: string, name: string, who = fx.owner) => {
      const res = await who.req<WorkspaceTemplate>('POST', `/api/plans/${planId}/template`, { name })
      expect(res.status).toBe(201)
      return res.json
    }
    const listed = async (who = fx.owner) => (await who.req<WorkspaceTemplateList>('GET', templatesUrl)).json
    const activity = async (planId: string) =>
      (await fx.owner.req<z.infer<typeof ActivityFeed>>('GET', `/api/plans/${planId}/activity`)).json.events
    const texts = async (plan: Plan) =>
      Promise.all(plan.sections.map(async (s) => [s.kind, s.title, bodyText(await storedDoc(server.running, s.id))]))

    it('saves a plan as it is now, lists it beside the built-in ones and starts new plans from it', async () => {
      const source = await fromTemplate('Fjellsti 2027', 'outdoor-gear-shop')
      const overview = source.sections.find((s) => s.kind === 'overview')!
      // What is in the live document right now, not only what the plan started with.
      const writer = suite.client(fx.owner, overview.id)
      expect(await writer.synced).toBe(true)
      appendParagraph(writer.doc, 'Written just before saving')
      await eventually(
        async () => bodyText(await storedDoc(server.running, overview.id)).includes('Written just before saving'),
        'stored',
      )

      const saved = await saveAs(source.id, '  Our house plan  ')
      expect(saved).toMatchObject({ name: 'Our house plan', sourcePlanId: source.id })
      expect(saved.description).toContain('Fjellsti 2027')
      const list = await listed(fx.viewer)
      expect(list.templates.map((t) => t.id)).toEqual(
        expect.arrayContaining(['blank', 'outdoor-gear-shop', 'b2b-software']),
      )
      expect(list.own.map((t) => t.id)).toContain(saved.id)

      // An editor starts a plan from it: every section holds what the saved plan held.
      const plan = await fromTemplate('House plan 2028', saved.id, fx.salesEditor)
      expect(plan.sections.map((s) => [s.kind, s.title, s.ownerDepartmentId])).toEqual(
        source.sections.map((s) => [s.kind, s.title, s.ownerDepartmentId]),
      )
      expect(plan.sections.some((s) => source.sections.some((x) => x.id === s.id))).toBe(false)
      const written = await texts(plan)
      expect(written).toEqual(await texts(source))
      for (const [, title, text] of written) expect(text, title).not.toBe('')
      expect(written.find(([kind]) => kind === 'overview')![2]).toContain('Written just before saving')
      // Links point at the new plan's own network sections.
      const selection = plan.sections.find((s) => s.kind === 'network_selection')!
      const chosen = readContent(await storedDoc(server.running, selection.id), 'network_selection').chosen
      expect(chosen.map((c) => c.sectionId).sort()).toEqual(
        plan.sections
          .filter((s) => s.kind === 'network')
          .map((s) => s.id)
          .sort(),
      )
      const findings = (await fx.owner.req<{ findings: Finding[] }>('GET', `/api/plans/${plan.id}/health`)).json
        .findings
      expect(findings.filter((f) => f.severity === 'error')).toEqual([])

      const event = (await activity(source.id)).find((e) => e.kind === 'plan_saved_as_template')
      expect(event?.summary).toBe('Olivia Owner saved the plan as the template “Our house plan”.')
    })

    it('saves an archived plan, and lets admins save', async () => {
      const plan = await fromTemplate('Archived one', 'b2b-software')
      expect((await fx.owner.req('POST', `/api/plans/${plan.id}/archive`)).status).toBe(200)
      const admin = await fx.member('admin', { name: 'Ada Admin' })
      const saved = await saveAs(plan.id, 'From the archive', admin)
      const made = await fromTemplate('Out of the archive', saved.id)
      expect(await texts(made)).toEqual(await texts(plan))
    })

    it('refuses editors, commenters, viewers, another workspace and guests, and a bad name', async () => {
      const plan = await fromTemplate('Not for them', 'blank')
      const save = (who: ApiClient, name = 'Mine') => who.req('POST', `/api/plans/${plan.id}/template`, { name })
      expectError(await save(fx.salesEditor), 403, 'forbidden')
      expectError(await save(fx.commenter), 403, 'forbidden')
      expectError(await save(fx.viewer), 403, 'forbidden')
      expectError(await save(fx.owner, '   '), 400)
      const stranger = await workspaceFixture(httpTarget(), 'Other', server.url)
      expectError(await save(stranger.owner), 404, 'not_found')

      const link = await fx.owner.req<z.infer<typeof CreatedReviewLink>>(
        'POST',
        `/api/plans/${plan.id}/review-links`,
        {},
      )
      const guest = new ApiClient(httpTarget(), server.url)
      const joined = await guest.req<z.infer<typeof JoinedReview>>(
        'POST',
        `/api/review/${link.json.url.split('/review/')[1]}/join`,
        { name: 'Gus' },
      )
      expect(joined.status).toBe(201)
      expect((await guest.req('GET', `/api/plans/${plan.id}`)).status).toBe(200)
      expectError(await save(guest), 404, 'not_found')
      expectError(await guest.req('GET', templatesUrl), 404)

      // Another workspace neither sees nor starts from nor deletes this workspace's templates.
      const saved = await saveAs(plan.id, 'Ours only')
      expectError(await stranger.owner.req('GET', templatesUrl), 404)
      expect(
        (await stranger.owner.req<WorkspaceTemplateList>('GET', `/api/workspaces/${stranger.workspace.id}/templates`))
          .json.own,
      ).toEqual([])
      expectError(
        await stranger.owner.req('POST', `/api/workspaces/${stranger.workspace.id}/plans`, {
          title: 'Taken',
          templateId: saved.id,
        }),
        404,
        'not_found',
      )
      expectError(
        await stranger.owner.req('DELETE', `/api/workspaces/${stranger.workspace.id}/templates/${saved.id}`),
        404,
      )
      expectError(await stranger.owner.req('DELETE', `${templatesUrl}/${saved.id}`), 404)
      expect((await listed()).own.map((t) => t.id)).toContain(saved.id)
    })

    it('deletes for owners and admins only; plans made from it keep their content', async () => {
      const source = await fromTemplate('To template', 'outdoor-gear-shop')
      const saved = await saveAs(source.id, 'Short-lived')
      const made = await fromTemplate('Made before deleting', saved.id)
      expectError(await fx.salesEditor.req('DELETE', `${templatesUrl}/${saved.id}`), 403, 'forbidden')
      expectError(await fx.viewer.req('DELETE', `${templatesUrl}/${saved.id}`), 403, 'forbidden')
      expect((await fx.owner.req('DELETE', `${templatesUrl}/${saved.id}`)).status).toBe(204)
      expect((await listed()).own.map((t) => t.id)).not.toContain(saved.id)
      expectError(await fx.owner.req('DELETE', `${templatesUrl}/${saved.id}`), 404, 'not_found')
      expectError(await fx.owner.req('POST', plansUrl, { title: 'Too late', templateId: saved.id }), 404, 'not_found')
      expect(await texts(made)).toEqual(await texts(source))
      expect((await activity(source.id)).map((e) => e.kind)).toContain('template_deleted')
    })

    it('outlives the plan it was saved from', async () => {
      const source = await fromTemplate('Gone soon', 'b2b-software')
      const before = await texts(source)
      const saved = await saveAs(source.id, 'Kept')
      expect((await fx.owner.req('DELETE', `/api/plans/${source.id}`)).status).toBe(204)
      expect((await listed()).own.find((t) => t.id === saved.id)?.sourcePlanId).toBeNull()
      expect(await texts(await fromTemplate('From the kept one', saved.id))).toEqual(before)
    })
  })
})
