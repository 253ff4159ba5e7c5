import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Plan } from '../../shared/plans/schema'
import type { ShareLink } from '../../shared/shares/schema'
import {
  type ActivityFeed,
  ApiClient,
  type Created,
  type TestApp,
  startTestApp,
  workspaceFixture,
} from '../../tests/support/api'
import { BOARD, fillBoardPlan } from '../../tests/support/board-plan'
import { expectError } from '../../tests/support/contract'
import { ENGINES } from '../../tests/support/engines'
import { SESSION_COOKIE } from '../auth/cookie'
import { hashToken } from '../auth/sessions'

describe.each(ENGINES)('public links on $engine', (engine) => {
  describe.skipIf(!engine.available)('', () => {
    let t: TestApp
    let fx: Awaited<ReturnType<typeof workspaceFixture>>
    let plan: Plan
    let other: { owner: ApiClient; planId: string }
    let people: Record<'admin' | 'editor' | 'lead' | 'commenter' | 'viewer', ApiClient>
    /** A visitor: no cookie at all. */
    let visitor: ApiClient
    const sharesOf = (planId: string) => `/api/plans/${planId}/shares`
    const share = async (scope: 'guidelines' | 'plan', who = fx.owner) => {
      const res = await who.req('POST', sharesOf(plan.id), { scope })
      expect(res.status, res.text).toBe(201)
      return res.json as { id: string; token: string; url: string; scope: string; createdAt: number }
    }
    const open = (token: string) => visitor.req('GET', `/s/${token}`)

    beforeAll(async () => {
      t = await startTestApp(engine)
      fx = await workspaceFixture(t.app, 'Boulangerie Martin')
      const created = await fx.owner.req<Created>('POST', `/api/workspaces/${fx.workspace.id}/plans`, {
        title: 'Social plan 2027',
      })
      const filled = await fillBoardPlan(fx, created.json.id, (id, edit) => t.services.hub.change(id, edit))
      plan = filled.plan
      people = {
        admin: await fx.member('admin'),
        editor: await fx.member('editor', { departments: ['Marketing'] }),
        lead: filled.lead,
        commenter: await fx.member('commenter'),
        viewer: await fx.member('viewer'),
      }
      const b = await workspaceFixture(t.app, 'Rival Bakery')
      other = {
        owner: b.owner,
        planId: (
          await b.owner.req<Created>('POST', `/api/workspaces/${b.workspace.id}/plans`, { title: 'Rival secret plan' })
        ).json.id,
      }
      visitor = new ApiClient(t.app)
    })
    afterAll(async () => {
      await t?.services.hub.close()
      await t?.dispose()
    })

    it('shows the guidelines and every approval state to anyone with the link, and nothing else of the plan', async () => {
      const created = await share('guidelines')
      expect(created.url).toBe(`http://planroom.test/s/${created.token}`)
      expect(created.token).toMatch(/^[a-z2-7]{40}$/)
      const page = await open(created.token)
      expect(page.status).toBe(200)
      expect(page.headers.get('content-type')).toMatch(/^text\/html/)
      for (const words of [
        'Social plan 2027',
        'Boulangerie Martin',
        BOARD.guidelinesHeading,
        BOARD.guidelines,
        BOARD.guidelinesBullet,
        'Approved by Lee Lead',
        'Not submitted for approval yet.',
        'Human resources',
      ]) {
        expect(page.text).toContain(words)
      }
      expect(page.text).toMatch(/The plan health check finds/)
      // The strategy first, its health after it.
      expect(page.text.indexOf(BOARD.guidelines)).toBeLessThan(page.text.indexOf('The plan health check finds'))
      // Only the guidelines: no other section, no finding that quotes one.
      for (const secret of [
        BOARD.objective.statement,
        BOARD.kpi,
        BOARD.competitor,
        BOARD.crisis,
        'Instagram',
        'Olivia Owner',
        'Step 1',
      ])
        expect(page.text).not.toContain(secret)
      expect(page.text).toContain('<meta name="robots" content="noindex, nofollow">')
      expect(page.headers.get('cache-control')).toBe('no-store')
      expect(page.headers.get('referrer-policy')).toBe('no-referrer')
      expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/)
      expect(page.text).not.toMatch(/<script/i)
    })

    it('shows the whole plan when the link was made for it', async () => {
      const page = await open((await share('plan', people.admin)).token)
      expect(page.status).toBe(200)
      for (const words of [
        BOARD.objective.statement,
        BOARD.objective.target,
        BOARD.kpi,
        BOARD.calendarTheme,
        BOARD.guidelines,
        'Step 1',
      ])
        expect(page.text).toContain(words)
    })

    it('stores only a hash of the token', async () => {
      const created = await share('guidelines')
      const rows = await t.services.storage.db
        .selectFrom('share_links')
        .selectAll()
        .where('id', '=', created.id)
        .execute()
      expect(rows).toHaveLength(1)
      expect(rows[0]!.token_hash).toBe(hashToken(created.token))
      expect(JSON.stringify(rows)).not.toContain(created.token)
    })

    it('lists active links without their tokens, and a revoked link is 404 at once', async () => {
      const created = await share('guidelines')
      const listed = await fx.owner.req<{ shares: ShareLink[] }>('GET', sharesOf(plan.id))
      expect(listed.status).toBe(200)
      expect(listed.json.shares).toContainEqual({
        id: created.id,
        scope: 'guidelines',
        createdAt: created.createdAt,
        createdBy: { id: fx.owner.user!.id, name: 'Olivia Owner' },
      })
      expect(listed.text).not.toContain(created.token)

      expect((await open(created.token)).status).toBe(200)
      expect((await people.admin.req('DELETE', `${sharesOf(plan.id)}/${created.id}`)).status).toBe(204)
      const gone = await open(created.token)
      expect(gone.status).toBe(404)
      expect(gone.text).toContain('This link does not open anything')
      expect(gone.text).not.toContain(BOARD.guidelines)
      expect(
        (await fx.owner.req<{ shares: ShareLink[] }>('GET', sharesOf(plan.id))).json.shares.map(
          (s: { id: string }) => s.id,
        ),
      ).not.toContain(created.id)
      expectError(await fx.owner.req('DELETE', `${sharesOf(plan.id)}/${created.id}`), 404)
      const activity = await fx.owner.req<ActivityFeed>('GET', `/api/plans/${plan.id}/activity`)
      expect(activity.json.events.map((e: { kind: string }) => e.kind)).toEqual(
        expect.arrayContaining(['share_created', 'share_revoked']),
      )
    })

    it('lets only owners and admins create, list and revoke links', async () => {
      const created = await share('guidelines')
      for (const who of ['editor', 'lead', 'commenter', 'viewer'] as const) {
        expectError(await people[who].req('POST', sharesOf(plan.id), { scope: 'plan' }), 403)
        expectError(await people[who].req('GET', sharesOf(plan.id)), 403)
        expectError(await people[who].req('DELETE', `${sharesOf(plan.id)}/${created.id}`), 403)
      }
      expectError(await other.owner.req('POST', sharesOf(plan.id), { scope: 'plan' }), 404)
      expectError(await other.owner.req('DELETE', `${sharesOf(plan.id)}/${created.id}`), 404)
      expectError(await visitor.req('POST', sharesOf(plan.id), { scope: 'plan' }), 401)
      expect((await open(created.token)).status).toBe(200)
    })

    it('opens nothing but its own page: no other plan, no API, no session', async () => {
      const { token, id } = await share('plan')
      // Another workspace's admin cannot revoke it through their own plan either.
      expectError(await other.owner.req('DELETE', `${sharesOf(other.planId)}/${id}`), 404)
      expect((await open(token)).text).not.toContain('Rival secret plan')
      // The token is no session and no API key.
      const asCookie = new ApiClient(t.app)
      asCookie.cookies.set(SESSION_COOKIE, token)
      expectError(await asCookie.req('GET', `/api/plans/${plan.id}`), 401)
      expectError(await asCookie.req('GET', `/api/plans/${plan.id}/export?format=md`), 401)
      expectError(await visitor.req('GET', `/api/plans/${plan.id}?token=${token}`), 401)
      expectError(await visitor.req('GET', `/api/plans/${plan.id}/export?token=${token}`), 401)
      expectError(
        await visitor.req('GET', `/api/plans/${plan.id}`, undefined, { authorization: `Bearer ${token}` }),
        401,
      )
      // Nothing hangs below the page, and an unknown or malformed token is the same 404.
      for (const path of [
        `/s/${token}/${other.planId}`,
        `/s/${token}/api/plans/${other.planId}`,
        `/s/${'a'.repeat(40)}`,
        '/s/not-a-token',
        `/s/${token.toUpperCase()}`,
      ]) {
        const res = await visitor.req('GET', path)
        expect(res.status, path).toBe(404)
        expect(res.text).not.toContain(BOARD.guidelines)
      }
    })

    it('refuses a scope it does not know', async () => {
      for (const body of [{ scope: 'section' }, {}, { scope: 'plan', planId: other.planId }])
        expectError(await fx.owner.req('POST', sharesOf(plan.id), body), 400, 'invalid_request')
    })
  })
})
