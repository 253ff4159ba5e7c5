import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ErrorBody, isErrorBody } from '../../shared/api/errors'
import { generateSessionToken, hashToken } from '../../server/auth/sessions'
import { ensurePreferences, unsubscribeToken } from '../../server/mail/preferences'
import type { Db } from '../../server/storage/database'
import { LIMITS } from '../../shared/limits'
import {
  ApiClient,
  type ApiResponse,
  type Created,
  type PlanBody,
  type TestApp,
  type WorkspaceBody,
  startTestApp,
  uniqueEmail,
  workspaceFixture,
} from '../support/api'
import {
  type DocumentedRoute,
  type JsonSchema,
  documentedRoutes,
  dumpTables,
  expectError,
  fillPath,
} from '../support/contract'
import { ENGINES } from '../support/engines'
import { pacedUpload, rawRequest, statusOf } from '../support/hostile'
import { freshReviewLink, freshSuggestion, suggestionBodyFor } from '../support/suggestions'
import { startSyncServer } from '../support/sync-fixture'

/**
 * docs/product.md#bad-input: every route that takes a body or path parameters answers bad input with 400 (413 when the
 * body is too large, 415 when it is not JSON) in the `{error: {code, message}}` shape, and nothing saved
 * changes. Each row is a request that works; the cases break it one way at a time, the values coming from
 * the route's own schema in the OpenAPI document. The last test of each row sends the working request,
 * so a case cannot pass merely because the request was broken anyway.
 */
type World = Awaited<ReturnType<typeof workspaceFixture>> & { planId: string; db: Db; services: TestApp['services'] }
interface Prepared {
  params: Record<string, string>
  /** Who sends it; the workspace owner unless said otherwise. */
  as?: ApiClient
}
interface InputRow {
  prepare: (w: World) => Prepared | Promise<Prepared>
  /** A body the route accepts (routes that take one). */
  body?: (w: World) => Record<string, unknown>
  /** The status of the working request. */
  ok: number
}

const anonymous = (w: World) => new ApiClient(w.owner.app)
const freshDepartment = async (w: World) => {
  const res = await w.owner.req<WorkspaceBody>('POST', `/api/workspaces/${w.workspace.id}/departments`, {
    name: `Team ${Math.random().toString(36).slice(2)}`,
  })
  return res.json.departments.at(-1)!.id
}
const freshInvite = async (w: World) =>
  (await w.owner.req('POST', `/api/workspaces/${w.workspace.id}/invites`, { role: 'viewer' })).json as {
    id: string
    token: string
  }
const freshNetworkSection = async (w: World) => {
  const name = `Network ${Math.random().toString(36).slice(2, 8)}`
  const plan = await w.owner.req<PlanBody>('POST', `/api/plans/${w.planId}/networks`, { name })
  return plan.json.sections.find((s) => s.title === name)!.id
}
const inWorkspace = (w: World): Prepared => ({ params: { id: w.workspace.id } })
const freshPlan = async (w: World) =>
  (await w.owner.req<Created>('POST', `/api/workspaces/${w.workspace.id}/plans`, { title: 'Another plan' })).json.id
const freshTemplate = async (w: World) =>
  (await w.owner.req<Created>('POST', `/api/plans/${w.planId}/template`, { name: 'A template' })).json.id
const overviewOf = async (w: World) =>
  (await w.owner.req<PlanBody>('GET', `/api/plans/${w.planId}`)).json.sections.find((s) => s.kind === 'overview')!.id
const freshVersion = async (w: World) => {
  const id = await overviewOf(w)
  return {
    id,
    versionId: (await w.owner.req<Created>('POST', `/api/sections/${id}/versions`, { name: 'A version' })).json.id,
  }
}
const freshThread = async (w: World) =>
  (await w.owner.req('POST', `/api/sections/${await overviewOf(w)}/comments`, { body: 'A thread' })).json as {
    id: string
    comments: { id: string }[]
  }

/** Someone else's reset link (using it ends their sessions, not the owner's). */
const freshResetToken = async (w: World) => {
  const other = await new ApiClient(w.owner.app).signup('Reset Person')
  const token = generateSessionToken()
  const now = Date.now()
  await w.db
    .insertInto('password_resets')
    .values({
      token_hash: hashToken(token),
      user_id: other.user!.id,
      created_at: now,
      expires_at: now + 60_000,
      used_at: null,
    })
    .execute()
  return token
}
const freshUnsubscribe = async (w: World) => {
  const other = await new ApiClient(w.owner.app).signup('Mail Person')
  return unsubscribeToken(other.user!.id, (await ensurePreferences(w.db, other.user!.id)).unsubscribe_key)
}
const freshFeedFile = async (w: World) =>
  (await w.owner.req<{ url: string }>('POST', `/api/plans/${w.planId}/calendar-feed`)).json.url.split('/').pop()!

const INPUT: Record<string, InputRow> = {
  // Mail and calendar feeds (issue 17).
  'POST /auth/password-reset': {
    prepare: (w) => ({ params: {}, as: anonymous(w) }),
    body: (w) => ({ email: w.owner.user!.email }),
    ok: 202,
  },
  'POST /auth/password-reset/{token}': {
    prepare: async (w) => ({ params: { token: await freshResetToken(w) }, as: anonymous(w) }),
    body: () => ({ password: 'a brand new password' }),
    ok: 204,
  },
  'PATCH /auth/me': { prepare: () => ({ params: {} }), body: () => ({ emailNotifications: 'daily' }), ok: 200 },
  'GET /mail/unsubscribe/{token}': {
    prepare: async (w) => ({ params: { token: await freshUnsubscribe(w) }, as: anonymous(w) }),
    ok: 200,
  },
  'POST /mail/unsubscribe/{token}': {
    prepare: async (w) => ({ params: { token: await freshUnsubscribe(w) }, as: anonymous(w) }),
    ok: 200,
  },
  'GET /workspaces/{id}/mail-outbox': { prepare: inWorkspace, ok: 200 },
  'GET /plans/{id}/calendar-feed': { prepare: (w) => ({ params: { id: w.planId } }), ok: 200 },
  'POST /plans/{id}/calendar-feed': { prepare: (w) => ({ params: { id: w.planId } }), ok: 201 },
  'DELETE /plans/{id}/calendar-feed': {
    prepare: async (w) => {
      await freshFeedFile(w)
      return { params: { id: w.planId } }
    },
    ok: 204,
  },
  'GET /calendar-feeds/{file}': {
    prepare: async (w) => ({ params: { file: await freshFeedFile(w) }, as: anonymous(w) }),
    ok: 200,
  },
  'POST /auth/signup': {
    prepare: (w) => ({ params: {}, as: anonymous(w) }),
    body: () => ({ name: 'New Person', email: uniqueEmail('new'), password: 'a long enough password' }),
    ok: 201,
  },
  'POST /auth/login': {
    prepare: (w) => ({ params: {}, as: anonymous(w) }),
    body: (w) => ({ email: w.owner.user!.email, password: w.owner.password }),
    ok: 200,
  },
  'POST /workspaces': { prepare: () => ({ params: {} }), body: () => ({ name: 'Another company' }), ok: 201 },
  'GET /workspaces/{id}': { prepare: inWorkspace, ok: 200 },
  'PATCH /workspaces/{id}': { prepare: inWorkspace, body: () => ({ name: 'Renamed' }), ok: 200 },
  'POST /workspaces/{id}/departments': { prepare: inWorkspace, body: () => ({ name: 'Legal' }), ok: 201 },
  'PATCH /workspaces/{id}/departments/{departmentId}': {
    prepare: async (w) => ({ params: { id: w.workspace.id, departmentId: await freshDepartment(w) } }),
    body: () => ({ name: 'Renamed department' }),
    ok: 200,
  },
  'DELETE /workspaces/{id}/departments/{departmentId}': {
    prepare: async (w) => ({ params: { id: w.workspace.id, departmentId: await freshDepartment(w) } }),
    ok: 200,
  },
  'PATCH /workspaces/{id}/members/{userId}': {
    prepare: async (w) => ({ params: { id: w.workspace.id, userId: (await w.member('viewer')).user!.id } }),
    body: (w) => ({ role: 'editor', departmentIds: [w.dept('Sales')], leadOf: [w.dept('Sales')] }),
    ok: 200,
  },
  'DELETE /workspaces/{id}/members/{userId}': {
    prepare: async (w) => ({ params: { id: w.workspace.id, userId: (await w.member('viewer')).user!.id } }),
    ok: 204,
  },
  'POST /workspaces/{id}/invites': {
    prepare: inWorkspace,
    body: (w) => ({ role: 'editor', departmentIds: [w.dept('Sales')] }),
    ok: 201,
  },
  'GET /workspaces/{id}/invites': { prepare: inWorkspace, ok: 200 },
  'DELETE /workspaces/{id}/invites/{inviteId}': {
    prepare: async (w) => ({ params: { id: w.workspace.id, inviteId: (await freshInvite(w)).id } }),
    ok: 204,
  },
  'GET /invites/{token}': {
    prepare: async (w) => ({ params: { token: (await freshInvite(w)).token }, as: anonymous(w) }),
    ok: 200,
  },
  'POST /invites/{token}/accept': {
    prepare: async (w) => ({
      params: { token: (await freshInvite(w)).token },
      as: await new ApiClient(w.owner.app).signup('Joiner'),
    }),
    ok: 200,
  },
  'GET /workspaces/{id}/plans': { prepare: inWorkspace, ok: 200 },
  'POST /workspaces/{id}/plans': { prepare: inWorkspace, body: () => ({ title: 'A plan' }), ok: 201 },
  'GET /plans/{id}': { prepare: (w) => ({ params: { id: w.planId } }), ok: 200 },
  'GET /plans/{id}/health': { prepare: (w) => ({ params: { id: w.planId } }), ok: 200 },
  // Plans managed like documents, templates (issue 15).
  'PATCH /plans/{id}': {
    prepare: async (w) => ({ params: { id: await freshPlan(w) } }),
    body: () => ({ title: 'Renamed' }),
    ok: 200,
  },
  'POST /plans/{id}/duplicate': {
    prepare: (w) => ({ params: { id: w.planId } }),
    body: () => ({ title: 'Copy' }),
    ok: 201,
  },
  'POST /plans/{id}/archive': { prepare: async (w) => ({ params: { id: await freshPlan(w) } }), ok: 200 },
  'POST /plans/{id}/unarchive': { prepare: async (w) => ({ params: { id: await freshPlan(w) } }), ok: 200 },
  'DELETE /plans/{id}': { prepare: async (w) => ({ params: { id: await freshPlan(w) } }), ok: 204 },
  'POST /plans/{id}/template': {
    prepare: (w) => ({ params: { id: w.planId } }),
    body: () => ({ name: 'Our template' }),
    ok: 201,
  },
  'GET /workspaces/{id}/templates': { prepare: inWorkspace, ok: 200 },
  'DELETE /workspaces/{id}/templates/{templateId}': {
    prepare: async (w) => ({ params: { id: w.workspace.id, templateId: await freshTemplate(w) } }),
    ok: 204,
  },
  'POST /plans/{id}/networks': {
    prepare: (w) => ({ params: { id: w.planId } }),
    body: (w) => ({ name: 'Instagram', ownerDepartmentId: w.dept('Sales') }),
    ok: 201,
  },
  'DELETE /sections/{id}': {
    prepare: async (w) => ({ params: { id: await freshNetworkSection(w) } }),
    ok: 200,
  },
  // Comments, inboxes, approvals and activity (issue 6).
  'POST /sections/{id}/comments': {
    prepare: async (w) => ({ params: { id: await overviewOf(w) } }),
    body: (w) => ({ body: 'A remark', mentions: [w.owner.user!.id] }),
    ok: 201,
  },
  'GET /sections/{id}/comments': { prepare: async (w) => ({ params: { id: await overviewOf(w) } }), ok: 200 },
  'GET /plans/{id}/comments': { prepare: (w) => ({ params: { id: w.planId } }), ok: 200 },
  'PATCH /comments/{id}': {
    prepare: async (w) => ({ params: { id: (await freshThread(w)).comments[0]!.id } }),
    body: () => ({ body: 'Edited', mentions: [] }),
    ok: 200,
  },
  'DELETE /comments/{id}': {
    prepare: async (w) => ({ params: { id: (await freshThread(w)).comments[0]!.id } }),
    ok: 204,
  },
  'POST /threads/{id}/resolve': { prepare: async (w) => ({ params: { id: (await freshThread(w)).id } }), ok: 200 },
  'POST /threads/{id}/reopen': { prepare: async (w) => ({ params: { id: (await freshThread(w)).id } }), ok: 200 },
  'GET /workspaces/{id}/notifications': { prepare: inWorkspace, ok: 200 },
  'GET /workspaces/{id}/notifications/unread-count': { prepare: inWorkspace, ok: 200 },
  'POST /workspaces/{id}/notifications/read': { prepare: inWorkspace, body: () => ({ all: true }), ok: 200 },
  'POST /plans/{id}/departments/{departmentId}/objectives/submit': {
    prepare: async (w) => ({ params: { id: await freshPlan(w), departmentId: w.dept('Sales') } }),
    ok: 200,
  },
  'POST /plans/{id}/departments/{departmentId}/objectives/decision': {
    prepare: async (w) => {
      const id = await freshPlan(w)
      await w.owner.req('POST', `/api/plans/${id}/departments/${w.dept('Sales')}/objectives/submit`)
      return {
        params: { id, departmentId: w.dept('Sales') },
        as: await w.member('editor', { departments: ['Sales'], leadOf: ['Sales'] }),
      }
    },
    body: () => ({ decision: 'request_changes', reason: 'Give each objective a deadline.' }),
    ok: 200,
  },
  'GET /plans/{id}/approvals': { prepare: (w) => ({ params: { id: w.planId } }), ok: 200 },
  'GET /plans/{id}/activity': { prepare: (w) => ({ params: { id: w.planId } }), ok: 200 },
  // Export and public links (issue 7).
  'GET /plans/{id}/export': { prepare: (w) => ({ params: { id: w.planId } }), ok: 200 },
  'POST /plans/{id}/shares': {
    prepare: (w) => ({ params: { id: w.planId } }),
    body: () => ({ scope: 'guidelines' }),
    ok: 201,
  },
  'GET /plans/{id}/shares': { prepare: (w) => ({ params: { id: w.planId } }), ok: 200 },
  'DELETE /plans/{id}/shares/{shareId}': {
    prepare: async (w) => ({
      params: {
        id: w.planId,
        shareId: (await w.owner.req<Created>('POST', `/api/plans/${w.planId}/shares`, { scope: 'plan' })).json.id,
      },
    }),
    ok: 204,
  },
  // History (issue 7).
  'GET /sections/{id}/versions': { prepare: async (w) => ({ params: { id: await overviewOf(w) } }), ok: 200 },
  'POST /sections/{id}/versions': {
    prepare: async (w) => ({ params: { id: await overviewOf(w) } }),
    body: () => ({ name: 'Sent to the board' }),
    ok: 201,
  },
  'GET /sections/{id}/versions/{versionId}': { prepare: async (w) => ({ params: await freshVersion(w) }), ok: 200 },
  'POST /sections/{id}/versions/{versionId}/restore': {
    prepare: async (w) => ({ params: await freshVersion(w) }),
    ok: 200,
  },
  'POST /plans/{id}/versions': {
    prepare: (w) => ({ params: { id: w.planId } }),
    body: () => ({ name: 'Sent to the board, March' }),
    ok: 201,
  },
  // Suggestions and review links (issue 18).
  'POST /sections/{id}/suggestions': {
    prepare: async (w) => {
      const id = await overviewOf(w)
      suggestionBody = await suggestionBodyFor(w.services, id)
      return { params: { id } }
    },
    body: () => ({ ...suggestionBody }),
    ok: 201,
  },
  'GET /sections/{id}/suggestions': { prepare: async (w) => ({ params: { id: await overviewOf(w) } }), ok: 200 },
  'POST /suggestions/{id}/accept': {
    prepare: async (w) => ({ params: { id: await freshSuggestion(w.services, w.owner, await overviewOf(w)) } }),
    ok: 204,
  },
  'POST /suggestions/{id}/reject': {
    prepare: async (w) => ({ params: { id: await freshSuggestion(w.services, w.owner, await overviewOf(w)) } }),
    ok: 204,
  },
  'POST /sections/{id}/suggestions/accept-all': {
    prepare: async (w) => ({ params: { id: await overviewOf(w) } }),
    ok: 200,
  },
  'POST /sections/{id}/suggestions/reject-all': {
    prepare: async (w) => ({ params: { id: await overviewOf(w) } }),
    ok: 200,
  },
  'POST /plans/{id}/review-links': { prepare: (w) => ({ params: { id: w.planId } }), body: () => ({}), ok: 201 },
  'DELETE /plans/{id}/review-links/{linkId}': {
    prepare: async (w) => ({ params: { id: w.planId, linkId: (await freshReviewLink(w.owner, w.planId)).id } }),
    ok: 204,
  },
  'GET /review/{token}': {
    prepare: async (w) => ({ params: { token: (await freshReviewLink(w.owner, w.planId)).token }, as: anonymous(w) }),
    ok: 200,
  },
  'POST /review/{token}/join': {
    prepare: async (w) => ({ params: { token: (await freshReviewLink(w.owner, w.planId)).token }, as: anonymous(w) }),
    body: () => ({ name: 'Gina' }),
    ok: 201,
  },
}
/** The body of the suggestion row, made on text its `prepare` just wrote. */
let suggestionBody: Record<string, unknown> = {}

const takesInput = (r: DocumentedRoute) => r.body !== null || r.params.length > 0

/** A string as long as given that is otherwise valid for the field (an email stays an email). */
function longString(field: string, length: number): string {
  return field === 'email' ? `${'x'.repeat(length - '@example.com'.length)}@example.com` : 'x'.repeat(length)
}

/** The type of a field, and whether null is one of its values. */
function typeOf(schema: JsonSchema): { type: string | undefined; nullable: boolean } {
  const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type]
  return { type: types.find((x) => x !== 'null'), nullable: types.includes('null') }
}

/** Values of the wrong type for a field of this schema. */
function wrongTypes(schema: JsonSchema): unknown[] {
  const { type, nullable } = typeOf(schema)
  let values: unknown[]
  if (type === 'array') values = ['not a list', 42, null, { a: 1 }, [42], [null], [{}]]
  else if (schema.enum) values = ['no-such-value', 'OWNER', 42, null, [schema.enum[0]]]
  else if (type === 'string') values = [42, true, null, { text: 'x' }, ['x']]
  else values = [null, { a: 1 }, 'a string']
  return nullable ? values.filter((v) => v !== null) : values
}

/** Values too long for a field: one past its limit, and far past it (still under the body limit). */
function tooLong(field: string, schema: JsonSchema): unknown[] {
  const { type } = typeOf(schema)
  if (type === 'array') {
    const item = schema.items ?? {}
    const out: unknown[] = [[longString(field, (item.maxLength ?? 1000) + 1)]]
    if (schema.maxItems !== undefined) out.push(Array.from({ length: schema.maxItems + 1 }, (_, i) => `id${i}`))
    return out
  }
  if (type === 'string') {
    const out = [longString(field, 100_000)]
    if (schema.maxLength !== undefined) out.unshift(longString(field, schema.maxLength + 1))
    return out
  }
  return []
}

describe.each(ENGINES)('bad input on $engine', (engine) => {
  describe.skipIf(!engine.available)('', () => {
    let t: TestApp
    let routes: DocumentedRoute[]
    let w: World
    beforeAll(async () => {
      t = await startTestApp(engine)
      routes = await documentedRoutes(new ApiClient(t.app))
      const f = await workspaceFixture(t.app)
      const plan = await f.owner.req<Created>('POST', `/api/workspaces/${f.workspace.id}/plans`, { title: 'The plan' })
      w = { ...f, planId: plan.json.id, db: t.services.storage.db, services: t.services }
    })
    afterAll(() => t?.dispose())

    const dump = () => dumpTables(t.services.storage.db)

    it('has a row for every route of the OpenAPI document that takes a body or path parameters', () => {
      expect(Object.keys(INPUT).sort()).toEqual(
        routes
          .filter(takesInput)
          .map((r) => r.key)
          .sort(),
      )
      for (const r of routes.filter(takesInput)) {
        expect(
          INPUT[r.key]!.body !== undefined,
          `${r.key}: a working body is given exactly when the route takes one`,
        ).toBe(r.body !== null)
      }
    })

    describe.each(Object.entries(INPUT))('%s', (key, row) => {
      let route: DocumentedRoute
      let prepared: Prepared
      let valid: Record<string, unknown> | undefined
      beforeAll(async () => {
        route = routes.find((r) => r.key === key)!
        prepared = await row.prepare(w)
        valid = row.body?.(w)
      })

      const send = (path: string, body: unknown, headers?: Record<string, string>) =>
        (prepared.as ?? w.owner).req(route.method, path, body, headers)
      const validPath = () => fillPath(route.path, prepared.params)

      /** One broken request; `field` is the parameter or body field that the error message must name. */
      interface Case {
        label: string
        path?: string
        body?: unknown
        headers?: Record<string, string>
        field?: string
      }
      /** Sends each case and checks the status, the shape and that no table changed. */
      async function refuses(cases: Case[], check: (res: ApiResponse, c: Case) => void) {
        const before = await dump()
        for (const c of cases) {
          const res = await send(c.path ?? validPath(), c.body, c.headers)
          check(res, c)
          expect(await dump(), `${c.label} changed the database`).toEqual(before)
        }
      }
      const invalid = (res: ApiResponse<ErrorBody>, c: Case) => {
        expect(res.status, `${c.label}: ${res.text.slice(0, 200)}`).toBe(400)
        expectError(res, 400, 'invalid_request')
        if (c.field)
          expect(res.json.error.message, `${c.label}: the message names ${c.field}`).toMatch(
            new RegExp(`^${c.field}\\b`),
          )
      }

      const hasParams = key.includes('{')
      const hasBody = row.body !== undefined
      const canCarryBody = !key.startsWith('GET ')

      if (hasParams)
        it('refuses path parameters that are not ids with 400', async () => {
          for (const param of route.params) {
            const values = ['x'.repeat(129), 'not an id!', 'semi;colon', '%00']
            await refuses(
              values.map((v) => ({
                label: `${param}=${v.slice(0, 20)}`,
                path: fillPath(route.path, { ...prepared.params, [param]: decodeURIComponent(v) }),
                body: valid,
                field: param,
              })),
              invalid,
            )
          }
        })

      if (hasBody)
        it('refuses malformed JSON with 400 malformed_json', async () => {
          const bodies = [
            '{"name": ',
            '{name: "x"}',
            "{'a': 1}",
            '{"a": 1,}',
            '',
            '\u0000',
            JSON.stringify(valid).slice(0, -1),
          ]
          await refuses(
            bodies.map((b) => ({ label: JSON.stringify(b), body: b })),
            (res, c) => {
              expect(res.status, c.label).toBe(400)
              expectError(res, 400, 'malformed_json')
            },
          )
        })

      if (hasBody)
        it('refuses JSON that is not an object with 400', async () => {
          await refuses(
            ['[]', '"text"', 'null', '42', 'true', JSON.stringify([valid])].map((b) => ({ label: b, body: b })),
            invalid,
          )
        })

      if (hasBody)
        it('refuses missing fields with 400', async () => {
          // A body whose every field is optional (`{expiresAt?}` of a review link) takes {}.
          const cases: Case[] = route.body!.required?.length ? [{ label: '{}', body: {} }] : []
          for (const field of route.body!.required ?? []) {
            const rest = Object.fromEntries(Object.entries(valid!).filter(([name]) => name !== field))
            cases.push({ label: `without ${field}`, body: rest, field })
          }
          await refuses(cases, invalid)
        })

      if (hasBody)
        it('refuses values of the wrong type with 400', async () => {
          for (const [field, schema] of Object.entries(route.body!.properties ?? {})) {
            await refuses(
              wrongTypes(schema).map((v) => ({
                label: `${field}=${JSON.stringify(v)}`,
                body: { ...valid, [field]: v },
                field,
              })),
              invalid,
            )
          }
        })

      if (hasBody)
        it('refuses strings and lists that are too long with 400', async () => {
          let cases = 0
          for (const [field, schema] of Object.entries(route.body!.properties ?? {})) {
            const values = tooLong(field, schema)
            cases += values.length
            await refuses(
              values.map((v) => ({
                label: `${field} too long (${JSON.stringify(v).length} chars)`,
                body: { ...valid, [field]: v },
                field,
              })),
              invalid,
            )
          }
          if (Object.values(route.body!.properties ?? {}).some((s) => typeOf(s).type === 'string' && !s.enum))
            expect(cases).toBeGreaterThan(0)
        })

      if (hasBody)
        it('refuses text holding NUL or an unpaired surrogate with 400, on both engines alike', async () => {
          const bad = ['nul \u0000 inside', 'lone high \ud800', '\udc00 lone low', 'reversed \udc00\ud800']
          let cases = 0
          for (const [field, schema] of Object.entries(route.body!.properties ?? {})) {
            const { type } = typeOf(schema)
            if (type !== 'string' && !(type === 'array' && typeOf(schema.items ?? {}).type === 'string')) continue
            cases += bad.length
            await refuses(
              bad.map((v) => ({
                label: `${field}=${JSON.stringify(v)}`,
                body: { ...valid, [field]: type === 'array' ? [v] : v },
                field,
              })),
              invalid,
            )
          }
          if (Object.values(route.body!.properties ?? {}).some((s) => typeOf(s).type === 'string'))
            expect(cases).toBeGreaterThan(0)
        })

      if (canCarryBody)
        it(`refuses a body over ${LIMITS.requestBodyBytes / 1024} KiB with 413`, async () => {
          const padding = 'x'.repeat(LIMITS.requestBodyBytes + 1)
          await refuses(
            [
              { label: 'padded JSON', body: { ...valid, padding } },
              { label: 'one huge field', body: { ...valid, [Object.keys(valid ?? { name: '' })[0]!]: padding } },
            ],
            (res, c) => {
              expect(res.status, c.label).toBe(413)
              expectError(res, 413, 'payload_too_large')
            },
          )
        })

      if (hasBody)
        it('refuses a body that is not declared as JSON with 415, crashing nothing', async () => {
          const json = JSON.stringify(valid)
          const cases = [
            { label: 'text/plain', body: json, headers: { 'content-type': 'text/plain' } },
            { label: 'text/plain;charset=UTF-8', body: json, headers: { 'content-type': 'text/plain;charset=UTF-8' } },
            {
              label: 'a form',
              body: 'name=x&role=admin',
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
            },
            {
              label: 'multipart',
              body: '--b\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--b--',
              headers: { 'content-type': 'multipart/form-data; boundary=b' },
            },
          ]
          await refuses(cases, (res, c) => {
            expect(res.status, c.label).toBe(415)
            expectError(res, 415, 'unsupported_media_type')
          })
          // And the server is still fine afterwards.
          expect((await w.owner.req('GET', '/api/auth/me')).status).toBe(200)
        })

      it('accepts the working request (so the refusals above are about what each case broke)', async () => {
        const res = await send(validPath(), valid)
        expect(res.status, res.text.slice(0, 300)).toBe(row.ok)
      })
    })

    describe('unknown routes', () => {
      it.each([
        ['GET', '/api/nothing-here'],
        ['GET', '/api'],
        ['GET', '/api/'],
        ['POST', '/api/workspaces/abc/nothing'],
        ['PUT', '/api/workspaces/abc'],
        ['DELETE', '/api/plans/abc'],
        ['PATCH', '/api/auth/me/extra'],
        ['GET', '/api/workspaces/abc/departments'],
        ['POST', '/api/auth/signup/extra'],
      ])('%s %s → 404 with the error shape, changing nothing', async (method, path) => {
        const before = await dump()
        const res = await w.owner.req(method, path, method === 'GET' ? undefined : { name: 'x' })
        expectError(res, 404)
        expect(await dump()).toEqual(before)
      })
    })
  })
})

/**
 * What only a real socket shows: the app sees an already parsed request, in which a large body may be
 * half-read and dot segments are already resolved.
 */
describe.each(ENGINES)('bad input over a real socket on $engine', (engine) => {
  describe.skipIf(!engine.available)('', () => {
    let server: Awaited<ReturnType<typeof startSyncServer>>
    beforeAll(async () => {
      server = await startSyncServer(engine)
    })
    afterAll(() => server?.dispose())
    const get = (target: string) =>
      rawRequest(server.url, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)
    const bodyOf = (answer: string) => JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as unknown

    it('answers 413 to a 10 MB body sent at a steady pace, before it is read, instead of resetting', async () => {
      const { answer, error } = await pacedUpload(server.url, '/api/auth/signup', 10 * 1024 * 1024)
      expect(error).toBeUndefined()
      expect(statusOf(answer)).toBe(413)
      expect(isErrorBody(bodyOf(answer)) && bodyOf(answer)).toMatchObject({ error: { code: 'payload_too_large' } })
      expect(statusOf(await get('/api/health'))).toBe(200)
    }, 60_000)

    it.each(['/api/plans/%2e%2e/health', '/api/plans/%2E%2E/health', '/api/plans/./health', '/api/plans/.%2e/health'])(
      'refuses %s with 400 instead of serving another route',
      async (target) => {
        const answer = await get(target)
        expect(statusOf(answer)).toBe(400)
        expect(isErrorBody(bodyOf(answer)) && bodyOf(answer)).toMatchObject({ error: { code: 'bad_path' } })
      },
    )
  })
})
