import { createRoute } from '@hono/zod-openapi'
import { canDecideSuggestions, canRejectSuggestion, canSuggest } from '../../shared/suggestions/permissions'
import {
  BulkDecision,
  CreateSuggestionBody,
  Suggestion,
  SuggestionList,
  SuggestionParams,
} from '../../shared/suggestions/schema'
import { SectionParams } from '../../shared/plans/schema'
import { requireAuth } from '../auth/middleware'
import { conflict, forbidden } from '../http/errors'
import { ERRORS, createRouter, jsonBody, jsonResponse, noContent } from '../http/router'
import { announceInboxes } from '../notifications/notify'
import { type SectionContext, editableSectionContext, sectionContext } from '../plan-context'
import type { Services } from '../services'
import { acceptSuggestions } from './commands/accept'
import { createSuggestion } from './commands/create'
import { rejectSuggestions } from './commands/reject'
import { presentSuggestions } from './present'
import { pendingSuggestions, suggestionContext } from './repo'

const create = createRoute({
  method: 'post',
  path: '/sections/{id}/suggestions',
  tags: ['suggestions'],
  summary: "Suggest replacing a range of the section's rich text or of a text field, as the caller; its editors decide",
  request: { params: SectionParams, body: jsonBody(CreateSuggestionBody) },
  responses: { 201: jsonResponse(Suggestion, 'The pending suggestion'), ...ERRORS, 409: ERRORS[400] },
})
const list = createRoute({
  method: 'get',
  path: '/sections/{id}/suggestions',
  tags: ['suggestions'],
  summary: "A section's pending suggestions, oldest first, each saying whether it is outdated",
  request: { params: SectionParams },
  responses: { 200: jsonResponse(SuggestionList, 'Pending suggestions and what the caller may do'), ...ERRORS },
})
const accept = createRoute({
  method: 'post',
  path: '/suggestions/{id}/accept',
  tags: ['suggestions'],
  summary: 'Apply a suggestion as an ordinary change made by the server for the caller (section editors)',
  request: { params: SuggestionParams },
  responses: { 204: noContent, ...ERRORS, 409: ERRORS[400] },
})
const reject = createRoute({
  method: 'post',
  path: '/suggestions/{id}/reject',
  tags: ['suggestions'],
  summary: 'Drop a suggestion, leaving the text as it is (section editors, or its author withdrawing it)',
  request: { params: SuggestionParams },
  responses: { 204: noContent, ...ERRORS },
})
const acceptAll = createRoute({
  method: 'post',
  path: '/sections/{id}/suggestions/accept-all',
  tags: ['suggestions'],
  summary: 'Apply every pending suggestion of the section that is not outdated, in one change (section editors)',
  request: { params: SectionParams },
  responses: { 200: jsonResponse(BulkDecision, 'Which were applied and which were left, outdated'), ...ERRORS },
})
const rejectAll = createRoute({
  method: 'post',
  path: '/sections/{id}/suggestions/reject-all',
  tags: ['suggestions'],
  summary: 'Drop every pending suggestion of the section (section editors)',
  request: { params: SectionParams },
  responses: { 200: jsonResponse(BulkDecision, 'Which were dropped'), ...ERRORS },
})

const DECIDE = {
  allowed: canDecideSuggestions,
  refusal: "Only the section's editors can accept or reject suggestions.",
  archived: 'This section is archived; restore it first.',
}

export function suggestionRoutes(services: Services) {
  const { storage, hub, planEvents } = services
  const { db } = storage

  /** After a commit: the plan's clients refetch suggestions (and the text, if it changed, arrives by sync). */
  function announce(ctx: SectionContext, notified: Iterable<string> = []) {
    const where = { workspaceId: ctx.plan.workspace_id, planId: ctx.plan.id }
    planEvents.publish({ kind: 'suggestions', ...where, sectionId: ctx.section.id })
    planEvents.publish({ kind: 'activity', ...where, departmentId: ctx.section.owner_department_id ?? undefined })
    announceInboxes(planEvents, ctx.plan.workspace_id, notified)
  }

  return createRouter()
    .openapi(create, async (c) => {
      const { user } = requireAuth(c)
      const ctx = await editableSectionContext(db, c.req.valid('param').id, user.id, {
        allowed: canSuggest,
        refusal: 'Viewers can read suggestions but not make them.',
        archived: 'This section is archived; restore it to suggest changes.',
      })
      const { row, notified } = await createSuggestion(
        { db, hub },
        { ctx, authorId: user.id, input: c.req.valid('json') },
      )
      announce(ctx, notified)
      return c.json((await presentSuggestions({ db, hub }, ctx, [row]))[0]!, 201)
    })
    .openapi(list, async (c) => {
      const { user } = requireAuth(c)
      const ctx = await sectionContext(db, c.req.valid('param').id, user.id)
      const target = { ownerDepartmentId: ctx.section.owner_department_id }
      const live = ctx.section.archived_at === null
      return c.json(
        {
          suggestions: await presentSuggestions({ db, hub }, ctx, await pendingSuggestions(db, ctx.section.id)),
          abilities: {
            suggest: live && canSuggest(ctx.caller, target),
            decide: live && canDecideSuggestions(ctx.caller, target),
          },
        },
        200,
      )
    })
    .openapi(accept, async (c) => {
      const { user } = requireAuth(c)
      const { suggestion, ...found } = await suggestionContext(db, c.req.valid('param').id, user.id)
      const ctx = await editableSectionContext(db, found.section.id, user.id, DECIDE)
      const result = await acceptSuggestions({ db, hub }, { ctx, acceptorId: user.id, suggestions: [suggestion] })
      announce(ctx)
      if (result.outdated.length)
        throw conflict('suggestion_outdated', 'The text this suggestion was on has changed; it was not applied.')
      return c.body(null, 204)
    })
    .openapi(reject, async (c) => {
      const { user } = requireAuth(c)
      const { suggestion, ...ctx } = await suggestionContext(db, c.req.valid('param').id, user.id)
      const target = { ownerDepartmentId: ctx.section.owner_department_id }
      if (!canRejectSuggestion(ctx.caller, target, { authorId: suggestion.author_id }, user.id))
        throw forbidden("Only the section's editors, or its author, can reject a suggestion.")
      if (ctx.section.archived_at !== null) throw conflict('section_archived', DECIDE.archived)
      await rejectSuggestions(db, { ctx, actorId: user.id, suggestions: [suggestion] })
      announce(ctx)
      return c.body(null, 204)
    })
    .openapi(acceptAll, async (c) => {
      const { user } = requireAuth(c)
      const ctx = await editableSectionContext(db, c.req.valid('param').id, user.id, DECIDE)
      const suggestions = await pendingSuggestions(db, ctx.section.id)
      const { accepted, outdated } = await acceptSuggestions({ db, hub }, { ctx, acceptorId: user.id, suggestions })
      announce(ctx)
      return c.json({ decided: accepted, outdated }, 200)
    })
    .openapi(rejectAll, async (c) => {
      const { user } = requireAuth(c)
      const ctx = await editableSectionContext(db, c.req.valid('param').id, user.id, DECIDE)
      const suggestions = await pendingSuggestions(db, ctx.section.id)
      const decided = await rejectSuggestions(db, { ctx, actorId: user.id, suggestions })
      announce(ctx)
      return c.json({ decided, outdated: [] }, 200)
    })
}
