import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Finding } from '../../shared/health/schema'
import { addItem } from '../../shared/plan-model/write'
import { ENGINES } from '../../tests/support/engines'
import { type TestApp, startTestApp, workspaceFixture } from '../../tests/support/api'

type PlanJson = { id: string; sections: { id: string; kind: string; title: string }[] }

/**
 * One source of truth for the networks: adding a network chooses it in Network selection, archiving its
 * section unchooses it, and the health check and the export say the same thing at every step.
 */
describe.each(ENGINES)('chosen networks follow the network sections on $engine', (engine) => {
  describe.skipIf(!engine.available)('', () => {
    let t: TestApp
    let fx: Awaited<ReturnType<typeof workspaceFixture>>
    let plan: PlanJson
    const selection = () => plan.sections.find((s) => s.kind === 'network_selection')!

    beforeAll(async () => {
      t = await startTestApp(engine)
      fx = await workspaceFixture(t.app)
      plan = (await fx.owner.req<PlanJson>('POST', `/api/workspaces/${fx.workspace.id}/plans`, { title: 'Plan' })).json
    })
    afterAll(() => t?.dispose())

    const reasonFindings = async () =>
      (await fx.owner.req<{ findings: Finding[] }>('GET', `/api/plans/${plan.id}/health`)).json.findings.filter(
        (f) => f.rule === 'network-without-reason',
      )
    const markdown = async () => (await fx.owner.req('GET', `/api/plans/${plan.id}/export?format=md`)).text
    const chosenLine = (md: string) =>
      md
        .split('\n')
        .find((l) => l.startsWith('**Networks chosen:**'))
        ?.trim()

    it('chooses a network the moment it is added: counted in the export, its reason asked for by the health check', async () => {
      expect(chosenLine(await markdown())).toBe('**Networks chosen:** 0')
      expect(await reasonFindings()).toEqual([])
      const added = await fx.owner.req<PlanJson>('POST', `/api/plans/${plan.id}/networks`, { name: 'Instagram' })
      expect(added.status).toBe(201)
      plan = added.json
      const instagram = plan.sections.find((s) => s.title === 'Instagram')!
      expect(chosenLine(await markdown())).toBe('**Networks chosen:** 1')
      expect(await reasonFindings()).toEqual([
        expect.objectContaining({
          sectionId: selection().id,
          path: ['chosen', instagram.id, 'why'],
          message: expect.stringContaining('“Instagram” is chosen without a reason') as unknown,
        }),
      ])
    })

    it('unchooses it when its section is archived, and brings its reason back with it', async () => {
      const instagram = plan.sections.find((s) => s.title === 'Instagram')!
      // Someone writes why, in the row Network selection shows for the network (keyed by its section).
      await t.services.hub.change(selection().id, (doc) =>
        addItem(doc, 'network_selection', ['chosen'], {
          id: instagram.id,
          name: 'Instagram',
          why: 'Our customers share their plates there',
          sectionId: instagram.id,
        }),
      )
      expect(await reasonFindings()).toEqual([])
      expect(await markdown()).toContain('Our customers share their plates there')

      expect((await fx.owner.req('DELETE', `/api/sections/${instagram.id}`)).status).toBe(200)
      const md = await markdown()
      expect(chosenLine(md)).toBe('**Networks chosen:** 0')
      expect(md).not.toContain('Our customers share their plates there')
      expect(await reasonFindings()).toEqual([])

      const back = await fx.owner.req<PlanJson>('POST', `/api/plans/${plan.id}/networks`, { name: 'Instagram' })
      expect(back.json.sections.find((s) => s.title === 'Instagram')!.id).toBe(instagram.id)
      expect(chosenLine(await markdown())).toBe('**Networks chosen:** 1')
      expect(await markdown()).toContain('Our customers share their plates there')
      expect(await reasonFindings()).toEqual([])
    })
  })
})
