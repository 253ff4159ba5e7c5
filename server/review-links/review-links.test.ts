import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import type { Thread } from '../../shared/comments/schema'
import type { NotificationList } from '../../shared/notifications/schema'
import type { Plan } from '../../shared/plans/schema'
import type { CreatedReviewLink, JoinedReview, ReviewLinkInfo } from '../../shared/review-links/schema'
import type { SuggestionList } from '../../shared/suggestions/schema'
import { CLOSE } from '../../shared/sync/protocol'
import { ApiClient, httpTarget, workspaceFixture } from '../../tests/support/api'
import { expectError } from '../../tests/support/contract'
import { ENGINES } from '../../tests/support/engines'
import { appendParagraph, bodyText, eventually, type StockClient, stockClient } from '../../tests/support/sync-clients'
import { planWithPeople, startSyncServer } from '../../tests/support/sync-fixture'
import { GUEST_WRITES_PER_MINUTE } from './rate-limit'

type Info = z.infer<typeof ReviewLinkInfo>

/**
 * Outside reviewers (docs/product.md#suggestions-and-outside-reviewers): a guest who opens a review link and gives a name reads the plan live,
 * comments as "Name (guest)" and suggests, reaches nothing else, and is cut off when the link is revoked.
 */
describe.each(ENGINES)('review links on $engine', (engine) => {
  describe.skipIf(!engine.available)('', () => {
    let server: Awaited<ReturnType<typeof startSyncServer>>
    let fx: Awaited<ReturnType<typeof planWithPeople>>
    let link: z.infer<typeof CreatedReviewLink>
    let guest: ApiClient
    const open: StockClient[] = []
    const client = (cookie: string, room: string) => {
      const c = stockClient(server.url, cookie, room)
      open.push(c)
      return c
    }
    const tokenOf = (url: string) => url.split('/review/')[1]!
    async function joinAs(name: string, token = tokenOf(link.url)) {
      const who = new ApiClient(httpTarget(), server.url)
      const joined = await who.req<z.infer<typeof JoinedReview>>('POST', `/api/review/${token}/join`, { name })
      return { who, joined }
    }

    beforeAll(async () => {
      server = await startSyncServer(engine)
      fx = await planWithPeople(server.url)
      const made = await fx.owner.req<z.infer<typeof CreatedReviewLink>>(
        'POST',
        `/api/plans/${fx.plan.id}/review-links`,
        {},
      )
      expect(made.status).toBe(201)
      link = made.json
      const joined = await joinAs('Gina')
      expect(joined.joined.status).toBe(201)
      expect(joined.joined.json.user.name).toBe('Gina (guest)')
      guest = joined.who
    })
    afterAll(async () => {
      for (const c of open) c.close()
      await server?.dispose()
    })

    it('is made by owners and admins only, and hashed at rest', async () => {
      expect(link.url).toMatch(new RegExp(`^${server.url}/review/[a-z2-7]+$`))
      expect((await fx.salesEditor.req('POST', `/api/plans/${fx.plan.id}/review-links`, {})).status).toBe(403)
      const stored = await server.running.services.storage.db.selectFrom('review_links').selectAll().execute()
      expect(JSON.stringify(stored)).not.toContain(tokenOf(link.url))
      expect((await guest.req('GET', `/api/review/${tokenOf(link.url)}`)).json).toMatchObject({
        planTitle: 'Social plan 2027',
        invitedBy: 'Olivia Owner',
        asMember: null,
      })
      // A member who opens it is pointed at the plan itself; a stranger signed in elsewhere is not.
      expect((await fx.viewer.req<Info>('GET', `/api/review/${tokenOf(link.url)}`)).json.asMember).toEqual({
        workspaceId: fx.workspace.id,
        planId: fx.plan.id,
      })
      const stranger = await workspaceFixture(httpTarget(), 'Elsewhere', server.url)
      expect((await stranger.owner.req<Info>('GET', `/api/review/${tokenOf(link.url)}`)).json.asMember).toBeNull()
      const past = await fx.owner.req('POST', `/api/plans/${fx.plan.id}/review-links`, {
        expiresAt: '2020-01-01T00:00:00Z',
      })
      expect(past.status).toBe(400)
    })

    it('lets the guest read the plan live, comment as "Name (guest)" and suggest', async () => {
      expect((await guest.req('GET', `/api/plans/${fx.plan.id}`)).status).toBe(200)
      const writer = client(fx.owner.cookieHeader, fx.shared.id)
      const reader = client(guest.cookieHeader, fx.shared.id)
      expect(await reader.synced).toBe(true)
      appendParagraph(writer.doc, 'Our audience is young parents')
      await eventually(() => bodyText(reader.doc).includes('Our audience is young parents'), 'the guest reads it live')

      const comment = await guest.req<Thread>('POST', `/api/sections/${fx.shared.id}/comments`, {
        body: `Which cities, @[Olivia Owner](${fx.owner.user!.id})?`,
      })
      expect(comment.status).toBe(201)
      expect(comment.json.comments[0]?.author.name).toBe('Gina (guest)')
      const inbox = (
        await fx.owner.req<z.infer<typeof NotificationList>>('GET', `/api/workspaces/${fx.workspace.id}/notifications`)
      ).json
      expect(inbox.notifications.map((n) => n.kind)).toContain('mention')

      const suggestions = (await guest.req<SuggestionList>('GET', `/api/sections/${fx.shared.id}/suggestions`)).json
      expect(suggestions.abilities).toEqual({ suggest: true, decide: false })

      // The guest's own write to the document is refused: the owner never sees it.
      appendParagraph(reader.doc, 'Forged by the guest')
      appendParagraph(writer.doc, 'Written after')
      const watcher = client(fx.marketingEditor.cookieHeader, fx.shared.id)
      await eventually(() => bodyText(watcher.doc).includes('Written after'), 'the later write arrives')
      expect(bodyText(watcher.doc)).not.toContain('Forged by the guest')
    })

    it('reaches no other plan, no members list, no settings', async () => {
      const other = await fx.owner.req<Plan>('POST', `/api/workspaces/${fx.workspace.id}/plans`, {
        title: 'Secret plan',
      })
      expect((await guest.req('GET', `/api/plans/${other.json.id}`)).status).toBe(404)
      expect((await guest.req('GET', `/api/workspaces/${fx.workspace.id}`)).status).toBe(404)
      expect((await guest.req('GET', `/api/workspaces/${fx.workspace.id}/plans`)).status).toBe(404)
      expect((await guest.req('PATCH', `/api/plans/${fx.plan.id}`, { title: 'Mine now' })).status).toBe(404)
      const otherSection = other.json.sections[0]!.id
      const probe = client(guest.cookieHeader, otherSection)
      await eventually(() => probe.closes.length > 0, 'the socket to another plan is refused')
      expect(probe.closes[0]).not.toBe(1000)
    })

    it('leaves an archived plan readable to the guest and refuses the guest’s comment', async () => {
      expect((await fx.owner.req('POST', `/api/plans/${fx.plan.id}/archive`)).status).toBe(200)
      try {
        expect((await guest.req('GET', `/api/plans/${fx.plan.id}`)).status).toBe(200)
        const refused = await guest.req('POST', `/api/sections/${fx.shared.id}/comments`, { body: 'While archived' })
        expectError(refused, 409, 'plan_archived')
      } finally {
        expect((await fx.owner.req('POST', `/api/plans/${fx.plan.id}/unarchive`)).status).toBe(200)
      }
    })

    it('rate-limits a guest’s writes', async () => {
      const { who } = await joinAs('Rita')
      let status = 0
      for (let i = 0; i <= GUEST_WRITES_PER_MINUTE && status !== 429; i++)
        status = (await who.req('POST', `/api/sections/${fx.shared.id}/comments`, { body: `Note ${i}` })).status
      expect(status).toBe(429)
      expect(
        (await fx.commenter.req('POST', `/api/sections/${fx.shared.id}/comments`, { body: 'Still fine' })).status,
      ).toBe(201)
    })

    it('cuts the guest off when the link is revoked, sockets first', async () => {
      const socket = client(guest.cookieHeader, fx.shared.id)
      expect(await socket.synced).toBe(true)
      expect((await fx.salesEditor.req('DELETE', `/api/plans/${fx.plan.id}/review-links/${link.id}`)).status).toBe(403)
      expect((await fx.owner.req('DELETE', `/api/plans/${fx.plan.id}/review-links/${link.id}`)).status).toBe(204)
      await eventually(() => socket.closes.includes(CLOSE.unauthenticated), 'the guest socket closes')
      expect((await guest.req('GET', `/api/plans/${fx.plan.id}`)).status).toBe(401)
      expect((await guest.req('GET', `/api/review/${tokenOf(link.url)}`)).status).toBe(404)
      expect((await joinAs('Late')).joined.status).toBe(404)
    })

    it('answers 404 for an expired link, like a revoked one', async () => {
      const made = await fx.owner.req<z.infer<typeof CreatedReviewLink>>(
        'POST',
        `/api/plans/${fx.plan.id}/review-links`,
        {
          expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        },
      )
      const { who } = await joinAs('Eve', tokenOf(made.json.url))
      expect((await who.req('GET', `/api/plans/${fx.plan.id}`)).status).toBe(200)
      await server.running.services.storage.db
        .updateTable('review_links')
        .set({ expires_at: Date.now() - 1 })
        .where('id', '=', made.json.id)
        .execute()
      expect((await who.req('GET', `/api/review/${tokenOf(made.json.url)}`)).status).toBe(404)
      expect((await who.req('GET', `/api/plans/${fx.plan.id}`)).status).toBe(404)
    })
  })
})
