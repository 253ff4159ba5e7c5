import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ApiClient,
  type Created,
  type PlanBody,
  type TestApp,
  type ThreadBody,
  type WorkspaceBody,
  startTestApp,
  workspaceFixture,
} from '../support/api'
import { freshReviewLink, freshSuggestion, suggestionBodyFor } from '../support/suggestions'
import { type DocumentedRoute, documentedRoutes, dumpTables, expectError, fillPath } from '../support/contract'
import { ENGINES } from '../support/engines'

/**
 * Two tenants, A and B. Every route of the OpenAPI document has a row below: either requests that
 * A's owner makes against B's resources (or that mix B's ids into A's requests), each of which must
 * be refused and leave every table as it was, or the reason the route holds no tenant data.
 */
type Fixture = Awaited<ReturnType<typeof workspaceFixture>>
interface Tenants {
  a: Fixture & { planId: string }
  b: Fixture & {
    planId: string
    inviteId: string
    editorId: string
    networkSectionId: string
    overviewSectionId: string
  }
}
interface Attack {
  params: Record<string, string>
  body?: unknown
  /** Refused as not found or forbidden unless said otherwise (e.g. 400 for another tenant's department id in a body). */
  status?: number[]
  code?: string
}
type Isolation =
  { attacks: (w: Tenants) => Attack[] } | { check: (w: Tenants) => Promise<void> } | { notScoped: string }

const ISOLATION: Record<string, Isolation> = {
  'POST /auth/signup': { notScoped: 'creates a new account; no workspace is involved' },
  'POST /auth/login': { notScoped: 'signs the caller into their own account; no workspace is involved' },
  'POST /auth/logout': { notScoped: "ends the caller's own session" },
  'GET /auth/me': { notScoped: 'answers only who the caller is' },
  'GET /auth/session': { notScoped: 'answers only who the caller is, or that nobody is signed in' },
  // Mail (issue 17).
  'PATCH /auth/me': { notScoped: "sets the caller's own mail preference" },
  'POST /auth/password-reset': { notScoped: 'mails a link to the owner of an address; no workspace is involved' },
  'POST /auth/password-reset/{token}': { notScoped: 'the token names one account; no workspace is involved' },
  'GET /mail/unsubscribe/{token}': { notScoped: 'the signed token names one person; no workspace is involved' },
  'POST /mail/unsubscribe/{token}': { notScoped: 'the signed token names one person; no workspace is involved' },
  'GET /calendar-feeds/{file}': { notScoped: 'a secret address that answers only with its own plan' },
  'GET /workspaces/{id}/mail-outbox': { attacks: (w) => [{ params: { id: w.b.workspace.id } }] },
  'GET /plans/{id}/calendar-feed': { attacks: (w) => [{ params: { id: w.b.planId } }] },
  'POST /plans/{id}/calendar-feed': { attacks: (w) => [{ params: { id: w.b.planId } }] },
  'DELETE /plans/{id}/calendar-feed': { attacks: (w) => [{ params: { id: w.b.planId } }] },
  'GET /health': { notScoped: 'reports the server, no tenant data' },
  'POST /workspaces': { notScoped: "creates a new workspace of the caller's own" },
  'GET /templates': { notScoped: 'the built-in templates, the same for everyone' },
  // The token is the credential, shown once to whoever created the invite. An invite's id (which B's
  // admins see in their list) is not: used as a token it opens nothing.
  'GET /invites/{token}': { attacks: (w) => [{ params: { token: w.b.inviteId } }] },
  'POST /invites/{token}/accept': { attacks: (w) => [{ params: { token: w.b.inviteId } }] },

  'GET /workspaces': {
    check: async (w) => {
      const list = await w.a.owner.req<{ workspaces: Created[] }>('GET', '/api/workspaces')
      expect(list.json.workspaces.map((x) => x.id)).toEqual([w.a.workspace.id])
    },
  },
  'GET /workspaces/{id}': { attacks: (w) => [{ params: { id: w.b.workspace.id } }] },
  'PATCH /workspaces/{id}': { attacks: (w) => [{ params: { id: w.b.workspace.id }, body: { name: 'Taken over' } }] },
  'POST /workspaces/{id}/departments': {
    attacks: (w) => [{ params: { id: w.b.workspace.id }, body: { name: 'Intruders' } }],
  },
  'PATCH /workspaces/{id}/departments/{departmentId}': {
    attacks: (w) => [
      { params: { id: w.b.workspace.id, departmentId: w.b.dept('Sales') }, body: { name: 'Renamed by A' } },
      { params: { id: w.a.workspace.id, departmentId: w.b.dept('Sales') }, body: { name: 'Renamed by A' } },
    ],
  },
  'DELETE /workspaces/{id}/departments/{departmentId}': {
    attacks: (w) => [
      { params: { id: w.b.workspace.id, departmentId: w.b.dept('Sales') } },
      { params: { id: w.a.workspace.id, departmentId: w.b.dept('Sales') } },
    ],
  },
  'PATCH /workspaces/{id}/members/{userId}': {
    attacks: (w) => [
      { params: { id: w.b.workspace.id, userId: w.b.editorId }, body: { role: 'viewer' } },
      { params: { id: w.b.workspace.id, userId: w.b.owner.user!.id }, body: { role: 'viewer' } },
      { params: { id: w.b.workspace.id, userId: w.a.owner.user!.id }, body: { role: 'owner' } },
      { params: { id: w.a.workspace.id, userId: w.b.editorId }, body: { role: 'viewer' } },
      {
        params: { id: w.a.workspace.id, userId: w.a.owner.user!.id },
        body: { departmentIds: [w.b.dept('Sales')] },
        status: [400],
        code: 'unknown_department',
      },
      {
        params: { id: w.a.workspace.id, userId: w.a.owner.user!.id },
        body: { leadOf: [w.b.dept('Sales')] },
        status: [400],
        code: 'unknown_department',
      },
    ],
  },
  'DELETE /workspaces/{id}/members/{userId}': {
    attacks: (w) => [
      { params: { id: w.b.workspace.id, userId: w.b.editorId } },
      { params: { id: w.b.workspace.id, userId: w.b.owner.user!.id } },
      { params: { id: w.a.workspace.id, userId: w.b.editorId } },
    ],
  },
  'POST /workspaces/{id}/invites': {
    attacks: (w) => [
      { params: { id: w.b.workspace.id }, body: { role: 'admin' } },
      {
        params: { id: w.a.workspace.id },
        body: { role: 'viewer', departmentIds: [w.b.dept('Sales')] },
        status: [400],
        code: 'unknown_department',
      },
    ],
  },
  'GET /workspaces/{id}/invites': { attacks: (w) => [{ params: { id: w.b.workspace.id } }] },
  'DELETE /workspaces/{id}/invites/{inviteId}': {
    attacks: (w) => [
      { params: { id: w.b.workspace.id, inviteId: w.b.inviteId } },
      { params: { id: w.a.workspace.id, inviteId: w.b.inviteId } },
    ],
  },
  'GET /workspaces/{id}/plans': { attacks: (w) => [{ params: { id: w.b.workspace.id } }] },
  'POST /workspaces/{id}/plans': {
    attacks: (w) => [
      { params: { id: w.b.workspace.id }, body: { title: 'Planted by A' } },
      // B's own template is not one A's plans can start from.
      { params: { id: w.a.workspace.id }, body: { title: 'Copied from B', templateId: ofB.templateId } },
    ],
  },
  'GET /plans/{id}': { attacks: (w) => [{ params: { id: w.b.planId } }] },
  'GET /plans/{id}/health': { attacks: (w) => [{ params: { id: w.b.planId } }] },
  // Plans managed like documents (issue 15).
  'PATCH /plans/{id}': { attacks: (w) => [{ params: { id: w.b.planId }, body: { title: 'Renamed by A' } }] },
  'POST /plans/{id}/duplicate': { attacks: (w) => [{ params: { id: w.b.planId }, body: { title: 'Copied by A' } }] },
  'POST /plans/{id}/archive': { attacks: (w) => [{ params: { id: w.b.planId } }] },
  'POST /plans/{id}/unarchive': { attacks: (w) => [{ params: { id: w.b.planId } }] },
  'DELETE /plans/{id}': { attacks: (w) => [{ params: { id: w.b.planId } }] },
  'POST /plans/{id}/template': { attacks: (w) => [{ params: { id: w.b.planId }, body: { name: 'Saved by A' } }] },
  'GET /workspaces/{id}/templates': { attacks: (w) => [{ params: { id: w.b.workspace.id } }] },
  'DELETE /workspaces/{id}/templates/{templateId}': {
    attacks: (w) => [
      { params: { id: w.b.workspace.id, templateId: ofB.templateId } },
      { params: { id: w.a.workspace.id, templateId: ofB.templateId } },
    ],
  },
  'POST /plans/{id}/networks': {
    attacks: (w) => [
      { params: { id: w.b.planId }, body: { name: 'Planted network' } },
      {
        params: { id: w.a.planId },
        body: { name: 'Borrowed team', ownerDepartmentId: w.b.dept('Sales') },
        status: [400],
        code: 'unknown_department',
      },
    ],
  },
  'DELETE /sections/{id}': {
    attacks: (w) => [{ params: { id: w.b.networkSectionId } }, { params: { id: w.b.overviewSectionId } }],
  },
  // Comments, inboxes, approvals and activity (issue 6); B's thread, comment and notification come from `ofB`.
  'POST /sections/{id}/comments': {
    attacks: (w) => [
      { params: { id: w.b.overviewSectionId }, body: { body: 'Planted by A' } },
      { params: { id: ofB.aOverviewSectionId }, body: { body: 'A reply into B', threadId: ofB.threadId } },
      {
        params: { id: ofB.aOverviewSectionId },
        body: { body: 'Hello B', mentions: [w.b.editorId] },
        status: [400],
        code: 'unknown_member',
      },
    ],
  },
  'GET /sections/{id}/comments': { attacks: (w) => [{ params: { id: w.b.overviewSectionId } }] },
  'GET /plans/{id}/comments': { attacks: (w) => [{ params: { id: w.b.planId } }] },
  'PATCH /comments/{id}': { attacks: () => [{ params: { id: ofB.commentId }, body: { body: 'Rewritten by A' } }] },
  'DELETE /comments/{id}': { attacks: () => [{ params: { id: ofB.commentId } }] },
  'POST /threads/{id}/resolve': { attacks: () => [{ params: { id: ofB.threadId } }] },
  'POST /threads/{id}/reopen': { attacks: () => [{ params: { id: ofB.threadId } }] },
  'GET /workspaces/{id}/notifications': { attacks: (w) => [{ params: { id: w.b.workspace.id } }] },
  'GET /workspaces/{id}/notifications/unread-count': { attacks: (w) => [{ params: { id: w.b.workspace.id } }] },
  'POST /workspaces/{id}/notifications/read': {
    attacks: (w) => [
      { params: { id: w.b.workspace.id }, body: { all: true } },
      { params: { id: w.a.workspace.id }, body: { ids: [ofB.notificationId] } },
    ],
  },
  'POST /plans/{id}/departments/{departmentId}/objectives/submit': {
    attacks: (w) => [
      { params: { id: w.b.planId, departmentId: w.b.dept('Sales') } },
      { params: { id: w.a.planId, departmentId: w.b.dept('Sales') } },
      { params: { id: w.b.planId, departmentId: w.a.dept('Sales') } },
    ],
  },
  'POST /plans/{id}/departments/{departmentId}/objectives/decision': {
    attacks: (w) => [
      { params: { id: w.b.planId, departmentId: w.b.dept('Sales') }, body: { decision: 'approve' } },
      { params: { id: w.a.planId, departmentId: w.b.dept('Sales') }, body: { decision: 'approve' } },
      {
        params: { id: w.b.planId, departmentId: w.a.dept('Sales') },
        body: { decision: 'request_changes', reason: 'From A' },
      },
    ],
  },
  'GET /plans/{id}/approvals': { attacks: (w) => [{ params: { id: w.b.planId } }] },
  'GET /plans/{id}/activity': { attacks: (w) => [{ params: { id: w.b.planId } }] },
  // Export and public links (issue 7): B's link comes from `ofB`; through A's own plan it is not found either.
  'GET /plans/{id}/export': { attacks: (w) => [{ params: { id: w.b.planId } }] },
  'POST /plans/{id}/shares': { attacks: (w) => [{ params: { id: w.b.planId }, body: { scope: 'plan' } }] },
  'GET /plans/{id}/shares': { attacks: (w) => [{ params: { id: w.b.planId } }] },
  'DELETE /plans/{id}/shares/{shareId}': {
    attacks: (w) => [
      { params: { id: w.b.planId, shareId: ofB.shareId } },
      { params: { id: w.a.planId, shareId: ofB.shareId } },
    ],
  },
  // History (issue 7): B's named version comes from `ofB`; under A's own section it is not found either.
  'GET /sections/{id}/versions': { attacks: (w) => [{ params: { id: w.b.overviewSectionId } }] },
  'POST /sections/{id}/versions': {
    attacks: (w) => [{ params: { id: w.b.overviewSectionId }, body: { name: 'Named by A' } }],
  },
  'GET /sections/{id}/versions/{versionId}': {
    attacks: (w) => [
      { params: { id: w.b.overviewSectionId, versionId: ofB.versionId } },
      { params: { id: ofB.aOverviewSectionId, versionId: ofB.versionId } },
    ],
  },
  'POST /sections/{id}/versions/{versionId}/restore': {
    attacks: (w) => [
      { params: { id: w.b.overviewSectionId, versionId: ofB.versionId } },
      { params: { id: ofB.aOverviewSectionId, versionId: ofB.versionId } },
    ],
  },
  'POST /plans/{id}/versions': { attacks: (w) => [{ params: { id: w.b.planId }, body: { name: 'Named by A' } }] },
  // Suggestions and review links (issue 18): B's suggestion and link come from `ofB`.
  'POST /sections/{id}/suggestions': {
    attacks: (w) => [{ params: { id: w.b.overviewSectionId }, body: ofB.suggestionBody }],
  },
  'GET /sections/{id}/suggestions': { attacks: (w) => [{ params: { id: w.b.overviewSectionId } }] },
  'POST /suggestions/{id}/accept': { attacks: () => [{ params: { id: ofB.suggestionId } }] },
  'POST /suggestions/{id}/reject': { attacks: () => [{ params: { id: ofB.suggestionId } }] },
  'POST /sections/{id}/suggestions/accept-all': { attacks: (w) => [{ params: { id: w.b.overviewSectionId } }] },
  'POST /sections/{id}/suggestions/reject-all': { attacks: (w) => [{ params: { id: w.b.overviewSectionId } }] },
  'POST /plans/{id}/review-links': { attacks: (w) => [{ params: { id: w.b.planId }, body: {} }] },
  'DELETE /plans/{id}/review-links/{linkId}': {
    attacks: (w) => [
      { params: { id: w.b.planId, linkId: ofB.reviewLinkId } },
      { params: { id: w.a.planId, linkId: ofB.reviewLinkId } },
    ],
  },
  'GET /review/{token}': { notScoped: 'the token is the credential, shown once to the owner who made the link' },
  'POST /review/{token}/join': { notScoped: 'the token is the credential; a guest reaches only its one plan' },
}
/** B's comment data, B's named version and A's overview, made once the tenants exist (issue 6 and 7 rows). */
const ofB = {
  threadId: '',
  commentId: '',
  notificationId: '',
  aOverviewSectionId: '',
  versionId: '',
  shareId: '',
  suggestionId: '',
  suggestionBody: {} as Record<string, unknown>,
  reviewLinkId: '',
  templateId: '',
}

/**
 * docs/product.md#who-uses-it as a table: the status each role gets on each workspace route. Every call gets fresh
 * targets from `prepare` (run as the owner), so one role's success does not change what the next one meets. Someone
 * outside the workspace gets 404 everywhere, an anonymous caller 401.
 */
type Role = 'owner' | 'admin' | 'editor' | 'commenter' | 'viewer'
const ROLES: Role[] = ['owner', 'admin', 'editor', 'commenter', 'viewer']
interface RightsWorld extends Fixture {
  planId: string
  clients: Record<Role | 'outsider' | 'anonymous', ApiClient>
}
interface RightsRow {
  route: string
  what: string
  prepare?: (w: RightsWorld) => Record<string, string> | Promise<Record<string, string>>
  /** Given what `prepare` returned (path parameters, and anything else the body needs). */
  body?: (w: RightsWorld, prepared: Record<string, string>) => unknown
  expect: [owner: number, admin: number, editor: number, commenter: number, viewer: number]
}

let unique = 0
const next = (prefix: string) => `${prefix} ${++unique}`
const freshDepartment = async (w: RightsWorld) => {
  const res = await w.owner.req<WorkspaceBody>('POST', `/api/workspaces/${w.workspace.id}/departments`, {
    name: next('Team'),
  })
  return { departmentId: res.json.departments.at(-1)!.id }
}
const freshNetwork = (department: string) => async (w: RightsWorld) => {
  const name = next('Network')
  const plan = await w.owner.req<PlanBody>('POST', `/api/plans/${w.planId}/networks`, {
    name,
    ownerDepartmentId: w.dept(department),
  })
  return { id: plan.json.sections.find((x) => x.title === name)!.id }
}
const freshPlan =
  (archived = false) =>
  async (w: RightsWorld) => {
    const plan = await w.owner.req<Created>('POST', `/api/workspaces/${w.workspace.id}/plans`, { title: next('Plan') })
    if (archived) await w.owner.req('POST', `/api/plans/${plan.json.id}/archive`)
    return { id: plan.json.id }
  }
const freshMember = (role: string) => async (w: RightsWorld) => ({ userId: (await w.member(role)).user!.id })
const sectionOfPlan = (which: 'overview' | 'Marketing') => async (w: RightsWorld) => {
  const plan = await w.owner.req<PlanBody>('GET', `/api/plans/${w.planId}`)
  const sections = plan.json.sections
  return {
    id: sections.find((s) =>
      which === 'overview' ? s.kind === 'overview' : s.kind === 'objectives' && s.ownerDepartmentId === w.dept(which),
    )!.id,
  }
}
const freshThread =
  (author: Role, where: 'overview' | 'Marketing', resolved = false) =>
  async (w: RightsWorld) => {
    const { id } = await sectionOfPlan(where)(w)
    const thread = await w.clients[author].req<Created>('POST', `/api/sections/${id}/comments`, {
      body: next('Thread'),
    })
    if (resolved) await w.owner.req('POST', `/api/threads/${thread.json.id}/resolve`)
    return { id: thread.json.id }
  }
const freshComment = (author: Role, where: 'overview' | 'Marketing') => async (w: RightsWorld) => {
  const { id } = await sectionOfPlan(where)(w)
  return {
    id: (await w.clients[author].req<ThreadBody>('POST', `/api/sections/${id}/comments`, { body: next('Comment') }))
      .json.comments[0]!.id,
  }
}
const freshVersion = (where: 'overview' | 'Marketing') => async (w: RightsWorld) => {
  const { id } = await sectionOfPlan(where)(w)
  return {
    id,
    versionId: (await w.owner.req<Created>('POST', `/api/sections/${id}/versions`, { name: next('Version') })).json.id,
  }
}
/** Sales' approval moved (by its lead and the owner) to draft-like or submitted, whatever it was. */
const salesApproval = (state: 'draft' | 'submitted') => async (w: RightsWorld) => {
  const base = `/api/plans/${w.planId}/departments/${w.dept('Sales')}/objectives`
  await w.clients.editor.req('POST', `${base}/decision`, { decision: 'request_changes', reason: 'Back to work.' })
  if (state === 'submitted') await w.owner.req('POST', `${base}/submit`)
  return { id: w.planId, departmentId: w.dept('Sales') }
}

const RIGHTS: RightsRow[] = [
  // expect: the status for [owner, admin, editor (in Sales, lead of Sales), commenter, viewer]
  { route: 'GET /workspaces/{id}', what: 'read the workspace', expect: [200, 200, 200, 200, 200] },
  {
    route: 'PATCH /workspaces/{id}',
    what: 'rename the workspace',
    body: () => ({ name: next('Name') }),
    expect: [200, 200, 403, 403, 403],
  },
  {
    route: 'POST /workspaces/{id}/departments',
    what: 'add a department',
    body: () => ({ name: next('Department') }),
    expect: [201, 201, 403, 403, 403],
  },
  {
    route: 'PATCH /workspaces/{id}/departments/{departmentId}',
    what: 'rename a department',
    prepare: freshDepartment,
    body: () => ({ name: next('Renamed') }),
    expect: [200, 200, 403, 403, 403],
  },
  {
    route: 'DELETE /workspaces/{id}/departments/{departmentId}',
    what: 'remove a department',
    prepare: freshDepartment,
    expect: [200, 200, 403, 403, 403],
  },
  {
    route: 'PATCH /workspaces/{id}/members/{userId}',
    what: "change a viewer's role",
    prepare: freshMember('viewer'),
    body: () => ({ role: 'commenter' }),
    expect: [200, 200, 403, 403, 403],
  },
  {
    route: 'PATCH /workspaces/{id}/members/{userId}',
    what: "clear an editor's departments and leads",
    prepare: freshMember('editor'),
    body: () => ({ departmentIds: [], leadOf: [] }),
    expect: [200, 200, 403, 403, 403],
  },
  {
    route: 'PATCH /workspaces/{id}/members/{userId}',
    what: 'make someone owner',
    prepare: freshMember('viewer'),
    body: () => ({ role: 'owner' }),
    expect: [200, 403, 403, 403, 403],
  },
  {
    route: 'PATCH /workspaces/{id}/members/{userId}',
    what: "change an owner's role",
    prepare: freshMember('owner'),
    body: () => ({ role: 'admin' }),
    expect: [200, 403, 403, 403, 403],
  },
  {
    route: 'DELETE /workspaces/{id}/members/{userId}',
    what: 'remove a viewer',
    prepare: freshMember('viewer'),
    expect: [204, 204, 403, 403, 403],
  },
  {
    route: 'DELETE /workspaces/{id}/members/{userId}',
    what: 'remove an admin',
    prepare: freshMember('admin'),
    expect: [204, 204, 403, 403, 403],
  },
  {
    route: 'DELETE /workspaces/{id}/members/{userId}',
    what: 'remove an owner',
    prepare: freshMember('owner'),
    expect: [204, 403, 403, 403, 403],
  },
  {
    route: 'POST /workspaces/{id}/invites',
    what: 'invite a viewer',
    body: () => ({ role: 'viewer' }),
    expect: [201, 201, 403, 403, 403],
  },
  {
    route: 'POST /workspaces/{id}/invites',
    what: 'invite an admin',
    body: () => ({ role: 'admin' }),
    expect: [201, 201, 403, 403, 403],
  },
  { route: 'GET /workspaces/{id}/invites', what: 'list invites', expect: [200, 200, 403, 403, 403] },
  {
    route: 'DELETE /workspaces/{id}/invites/{inviteId}',
    what: 'revoke an invite',
    prepare: async (w) => ({
      inviteId: (await w.owner.req<Created>('POST', `/api/workspaces/${w.workspace.id}/invites`, { role: 'viewer' }))
        .json.id,
    }),
    expect: [204, 204, 403, 403, 403],
  },
  { route: 'GET /workspaces/{id}/plans', what: 'list plans', expect: [200, 200, 200, 200, 200] },
  {
    route: 'POST /workspaces/{id}/plans',
    what: 'create a plan',
    body: () => ({ title: next('Plan') }),
    expect: [201, 201, 201, 403, 403],
  },
  {
    route: 'GET /plans/{id}',
    what: 'read a plan',
    prepare: (w) => ({ id: w.planId }),
    expect: [200, 200, 200, 200, 200],
  },
  {
    route: 'GET /plans/{id}/health',
    what: "read the plan's health check",
    prepare: (w) => ({ id: w.planId }),
    expect: [200, 200, 200, 200, 200],
  },
  {
    route: 'PATCH /plans/{id}',
    what: 'rename a plan',
    prepare: freshPlan(),
    body: () => ({ title: next('Title') }),
    expect: [200, 200, 200, 403, 403],
  },
  {
    route: 'POST /plans/{id}/duplicate',
    what: 'start a new plan from a plan',
    prepare: (w) => ({ id: w.planId }),
    body: () => ({ title: next('Copy') }),
    expect: [201, 201, 201, 403, 403],
  },
  {
    route: 'POST /plans/{id}/archive',
    what: 'archive a plan',
    prepare: freshPlan(),
    expect: [200, 200, 403, 403, 403],
  },
  {
    route: 'POST /plans/{id}/unarchive',
    what: 'unarchive a plan',
    prepare: freshPlan(true),
    expect: [200, 200, 403, 403, 403],
  },
  { route: 'DELETE /plans/{id}', what: 'delete a plan', prepare: freshPlan(), expect: [204, 204, 403, 403, 403] },
  {
    route: 'POST /plans/{id}/template',
    what: 'save a plan as a template of the workspace',
    prepare: (w) => ({ id: w.planId }),
    body: () => ({ name: next('Template') }),
    expect: [201, 201, 403, 403, 403],
  },
  { route: 'GET /workspaces/{id}/templates', what: 'list templates', expect: [200, 200, 200, 200, 200] },
  {
    route: 'DELETE /workspaces/{id}/templates/{templateId}',
    what: "delete one of the workspace's templates",
    prepare: async (w) => ({
      templateId: (await w.owner.req<Created>('POST', `/api/plans/${w.planId}/template`, { name: next('Template') }))
        .json.id,
    }),
    expect: [204, 204, 403, 403, 403],
  },
  {
    route: 'POST /plans/{id}/networks',
    what: 'add a network to a plan',
    prepare: (w) => ({ id: w.planId }),
    body: () => ({ name: next('Network') }),
    expect: [201, 201, 201, 403, 403],
  },
  {
    route: 'POST /plans/{id}/networks',
    what: 'add a network owned by Marketing (the editor is in Sales)',
    prepare: (w) => ({ id: w.planId }),
    body: (w) => ({ name: next('Network'), ownerDepartmentId: w.dept('Marketing') }),
    expect: [201, 201, 403, 403, 403],
  },
  {
    route: 'POST /plans/{id}/networks',
    what: "restore Marketing's archived network, claiming it for Sales (the editor is in Sales)",
    prepare: async (w) => {
      const name = next('Network')
      const plan = await w.owner.req<PlanBody>('POST', `/api/plans/${w.planId}/networks`, {
        name,
        ownerDepartmentId: w.dept('Marketing'),
      })
      const { id } = plan.json.sections.find((x) => x.title === name)!
      await w.owner.req('DELETE', `/api/sections/${id}`)
      return { id: w.planId, name }
    },
    body: (w, { name }) => ({ name, ownerDepartmentId: w.dept('Sales') }),
    expect: [201, 201, 403, 403, 403],
  },
  {
    route: 'DELETE /sections/{id}',
    what: "remove Marketing's network (the editor is in Sales)",
    prepare: freshNetwork('Marketing'),
    expect: [200, 200, 403, 403, 403],
  },
  {
    route: 'DELETE /sections/{id}',
    what: "remove Sales' network (the editor is in Sales)",
    prepare: freshNetwork('Sales'),
    expect: [200, 200, 200, 403, 403],
  },
  // Comments (docs/product.md#comments-and-approvals): everyone but viewers comments; edit and delete are the author's;
  // resolve is the author's or an editor's.
  {
    route: 'POST /sections/{id}/comments',
    what: 'comment on the shared overview',
    prepare: sectionOfPlan('overview'),
    body: () => ({ body: next('Remark') }),
    expect: [201, 201, 201, 201, 403],
  },
  {
    route: 'POST /sections/{id}/comments',
    what: "comment on Marketing's objectives (the editor is in Sales)",
    prepare: sectionOfPlan('Marketing'),
    body: () => ({ body: next('Remark') }),
    expect: [201, 201, 201, 201, 403],
  },
  {
    route: 'GET /sections/{id}/comments',
    what: "read a section's comments",
    prepare: sectionOfPlan('overview'),
    expect: [200, 200, 200, 200, 200],
  },
  {
    route: 'GET /plans/{id}/comments',
    what: "read a plan's comments",
    prepare: (w) => ({ id: w.planId }),
    expect: [200, 200, 200, 200, 200],
  },
  {
    route: 'PATCH /comments/{id}',
    what: "edit the owner's comment",
    prepare: freshComment('owner', 'overview'),
    body: () => ({ body: next('Edited') }),
    expect: [200, 403, 403, 403, 403],
  },
  {
    route: 'DELETE /comments/{id}',
    what: "delete the owner's comment",
    prepare: freshComment('owner', 'overview'),
    expect: [204, 403, 403, 403, 403],
  },
  {
    route: 'POST /threads/{id}/resolve',
    what: "resolve the commenter's thread on the overview",
    prepare: freshThread('commenter', 'overview'),
    expect: [200, 200, 200, 200, 403],
  },
  {
    route: 'POST /threads/{id}/resolve',
    what: "resolve the owner's thread on Marketing's objectives",
    prepare: freshThread('owner', 'Marketing'),
    expect: [200, 200, 403, 403, 403],
  },
  {
    route: 'POST /threads/{id}/reopen',
    what: "reopen the commenter's resolved thread on Marketing's objectives",
    prepare: freshThread('commenter', 'Marketing', true),
    expect: [200, 200, 403, 200, 403],
  },
  { route: 'GET /workspaces/{id}/notifications', what: 'read one’s inbox', expect: [200, 200, 200, 200, 200] },
  {
    route: 'GET /workspaces/{id}/notifications/unread-count',
    what: 'count one’s unread notifications',
    expect: [200, 200, 200, 200, 200],
  },
  {
    route: 'POST /workspaces/{id}/notifications/read',
    what: 'mark one’s inbox read',
    body: () => ({ all: true }),
    expect: [200, 200, 200, 200, 200],
  },
  // Approvals: an editor of the department submits; only its lead (here the editor) decides.
  {
    route: 'POST /plans/{id}/departments/{departmentId}/objectives/submit',
    what: "submit Sales' objectives",
    prepare: salesApproval('draft'),
    expect: [200, 200, 200, 403, 403],
  },
  {
    route: 'POST /plans/{id}/departments/{departmentId}/objectives/decision',
    what: "approve Sales' objectives (the editor leads Sales)",
    prepare: salesApproval('submitted'),
    body: () => ({ decision: 'approve' }),
    expect: [403, 403, 200, 403, 403],
  },
  {
    route: 'GET /plans/{id}/approvals',
    what: "read the plan's approvals",
    prepare: (w) => ({ id: w.planId }),
    expect: [200, 200, 200, 200, 200],
  },
  {
    route: 'GET /plans/{id}/activity',
    what: "read the plan's activity",
    prepare: (w) => ({ id: w.planId }),
    expect: [200, 200, 200, 200, 200],
  },
  // Mail and calendar feeds (issue 17): the outbox is the owners' and admins'; a feed is for whoever edits a section.
  { route: 'GET /workspaces/{id}/mail-outbox', what: 'read the mail outbox', expect: [200, 200, 403, 403, 403] },
  {
    route: 'GET /plans/{id}/calendar-feed',
    what: 'see whether the plan has a calendar feed',
    prepare: (w) => ({ id: w.planId }),
    expect: [200, 200, 200, 200, 200],
  },
  {
    route: 'POST /plans/{id}/calendar-feed',
    what: 'make the calendar feed',
    prepare: (w) => ({ id: w.planId }),
    expect: [201, 201, 201, 403, 403],
  },
  {
    route: 'DELETE /plans/{id}/calendar-feed',
    what: 'revoke the calendar feed',
    prepare: async (w) => {
      await w.owner.req('POST', `/api/plans/${w.planId}/calendar-feed`)
      return { id: w.planId }
    },
    expect: [204, 204, 204, 403, 403],
  },
  // Export (docs/product.md#export-and-sharing): whoever reads the plan exports it; public links are the owners' and
  // admins'.
  {
    route: 'GET /plans/{id}/export',
    what: 'export the plan',
    prepare: (w) => ({ id: w.planId }),
    expect: [200, 200, 200, 200, 200],
  },
  {
    route: 'POST /plans/{id}/shares',
    what: 'create a public link to the guidelines',
    prepare: (w) => ({ id: w.planId }),
    body: () => ({ scope: 'guidelines' }),
    expect: [201, 201, 403, 403, 403],
  },
  {
    route: 'GET /plans/{id}/shares',
    what: "list the plan's public links",
    prepare: (w) => ({ id: w.planId }),
    expect: [200, 200, 403, 403, 403],
  },
  {
    route: 'DELETE /plans/{id}/shares/{shareId}',
    what: 'revoke a public link',
    prepare: async (w) => ({
      id: w.planId,
      shareId: (await w.owner.req<Created>('POST', `/api/plans/${w.planId}/shares`, { scope: 'plan' })).json.id,
    }),
    expect: [204, 204, 403, 403, 403],
  },
  // History (docs/product.md#storage-and-scale): whoever reads a section reads its history; whoever edits it names and
  // restores.
  {
    route: 'GET /sections/{id}/versions',
    what: "list the overview's versions",
    prepare: sectionOfPlan('overview'),
    expect: [200, 200, 200, 200, 200],
  },
  {
    route: 'GET /sections/{id}/versions/{versionId}',
    what: "read a version of Marketing's objectives",
    prepare: freshVersion('Marketing'),
    expect: [200, 200, 200, 200, 200],
  },
  {
    route: 'POST /sections/{id}/versions',
    what: 'name a version of the overview',
    prepare: sectionOfPlan('overview'),
    body: () => ({ name: next('Version') }),
    expect: [201, 201, 201, 403, 403],
  },
  {
    route: 'POST /sections/{id}/versions',
    what: "name a version of Marketing's objectives (the editor is in Sales)",
    prepare: sectionOfPlan('Marketing'),
    body: () => ({ name: next('Version') }),
    expect: [201, 201, 403, 403, 403],
  },
  {
    route: 'POST /sections/{id}/versions/{versionId}/restore',
    what: 'restore a version of the overview',
    prepare: freshVersion('overview'),
    expect: [200, 200, 200, 403, 403],
  },
  {
    route: 'POST /sections/{id}/versions/{versionId}/restore',
    what: "restore a version of Marketing's objectives (the editor is in Sales)",
    prepare: freshVersion('Marketing'),
    expect: [200, 200, 403, 403, 403],
  },
  {
    route: 'POST /plans/{id}/versions',
    what: 'name a version of the whole plan',
    prepare: (w) => ({ id: w.planId }),
    body: () => ({ name: next('Plan version') }),
    expect: [201, 201, 201, 403, 403],
  },
  // Suggestions (docs/product.md#suggestions-and-outside-reviewers): whoever may comment suggests; the section's editors decide.
  {
    route: 'POST /sections/{id}/suggestions',
    what: 'suggest a change to the overview',
    prepare: async (w) => {
      const { id } = await sectionOfPlan('overview')(w)
      return { id, body: JSON.stringify(await suggestionBodyFor(rightsServices, id)) }
    },
    body: (_w, prepared) => JSON.parse(prepared.body!) as unknown,
    expect: [201, 201, 201, 201, 403],
  },
  {
    route: 'GET /sections/{id}/suggestions',
    what: "list the overview's suggestions",
    prepare: sectionOfPlan('overview'),
    expect: [200, 200, 200, 200, 200],
  },
  {
    route: 'POST /sections/{id}/suggestions/accept-all',
    what: "accept all suggestions on Marketing's objectives (the editor is in Sales)",
    prepare: async (w) => {
      const { id } = await sectionOfPlan('Marketing')(w)
      await freshSuggestion(rightsServices, w.owner, id)
      return { id }
    },
    expect: [200, 200, 403, 403, 403],
  },
  {
    route: 'POST /sections/{id}/suggestions/reject-all',
    what: 'reject all suggestions on the overview',
    prepare: async (w) => {
      const { id } = await sectionOfPlan('overview')(w)
      await freshSuggestion(rightsServices, w.owner, id)
      return { id }
    },
    expect: [200, 200, 200, 403, 403],
  },
  // Review links (docs/product.md#suggestions-and-outside-reviewers): owners and admins.
  {
    route: 'POST /plans/{id}/review-links',
    what: 'create a review link',
    prepare: (w) => ({ id: w.planId }),
    body: () => ({}),
    expect: [201, 201, 403, 403, 403],
  },
  {
    route: 'DELETE /plans/{id}/review-links/{linkId}',
    what: 'revoke a review link',
    prepare: async (w) => ({ id: w.planId, linkId: (await freshReviewLink(w.owner, w.planId)).id }),
    expect: [204, 204, 403, 403, 403],
  },
]
/** The services of the rights suite's app, for rows that write a section's text first. */
let rightsServices: TestApp['services']
/** The routes that act on one workspace (or something in it): each must have a row in RIGHTS. */
const isWorkspaceRoute = (r: DocumentedRoute) => /^\/(workspaces|plans|sections)\/\{id\}/.test(r.path)

describe.each(ENGINES)('tenant isolation on $engine', (engine) => {
  describe.skipIf(!engine.available)('', () => {
    let t: TestApp
    let routes: DocumentedRoute[]
    let w: Tenants
    beforeAll(async () => {
      t = await startTestApp(engine)
      routes = await documentedRoutes(new ApiClient(t.app))
      const tenant = async (name: string) => {
        const f = await workspaceFixture(t.app, name)
        const plan = await f.owner.req<Created>('POST', `/api/workspaces/${f.workspace.id}/plans`, {
          title: `${name} plan`,
        })
        return { ...f, planId: plan.json.id }
      }
      const a = await tenant('Company A')
      const b = await tenant('Company B')
      const editor = await b.member('editor', { departments: ['Sales'], leadOf: ['Sales'] })
      const invite = await b.owner.req<Created>('POST', `/api/workspaces/${b.workspace.id}/invites`, {
        role: 'editor',
        departmentIds: [b.dept('Sales')],
      })
      const plan = await b.owner.req<PlanBody>('POST', `/api/plans/${b.planId}/networks`, { name: 'LinkedIn' })
      const sections = plan.json.sections
      w = {
        a,
        b: {
          ...b,
          editorId: editor.user!.id,
          inviteId: invite.json.id,
          networkSectionId: sections.find((x) => x.kind === 'network')!.id,
          overviewSectionId: sections.find((x) => x.kind === 'overview')!.id,
        },
      }
    })
    beforeAll(async () => {
      // B's owner starts a thread that mentions B's editor: a thread, a comment and a notification of B's.
      const thread = await w.b.owner.req<ThreadBody>('POST', `/api/sections/${w.b.overviewSectionId}/comments`, {
        body: 'B only',
        mentions: [w.b.editorId],
      })
      ofB.threadId = thread.json.id
      ofB.commentId = thread.json.comments[0]!.id
      const notification = await t.services.storage.db
        .selectFrom('notifications')
        .select('id')
        .where('user_id', '=', w.b.editorId)
        .executeTakeFirstOrThrow()
      ofB.notificationId = notification.id
      const planA = await w.a.owner.req<PlanBody>('GET', `/api/plans/${w.a.planId}`)
      ofB.aOverviewSectionId = planA.json.sections.find((x) => x.kind === 'overview')!.id
      ofB.versionId = (
        await w.b.owner.req<Created>('POST', `/api/sections/${w.b.overviewSectionId}/versions`, { name: 'B only' })
      ).json.id
      ofB.shareId = (
        await w.b.owner.req<Created>('POST', `/api/plans/${w.b.planId}/shares`, { scope: 'guidelines' })
      ).json.id
      ofB.suggestionId = await freshSuggestion(t.services, w.b.owner, w.b.overviewSectionId)
      ofB.suggestionBody = { ...(await suggestionBodyFor(t.services, w.b.overviewSectionId)) }
      ofB.reviewLinkId = (await freshReviewLink(w.b.owner, w.b.planId)).id
      ofB.templateId = (
        await w.b.owner.req<Created>('POST', `/api/plans/${w.b.planId}/template`, { name: 'B only' })
      ).json.id
    })
    afterAll(() => t?.dispose())

    /** What B's owner sees of B, to compare before and after. */
    async function viewOfB() {
      const id = w.b.workspace.id
      const gets = [
        `/api/workspaces/${id}`,
        `/api/workspaces/${id}/invites`,
        `/api/workspaces/${id}/plans`,
        `/api/plans/${w.b.planId}`,
      ]
      return Promise.all(gets.map(async (path) => [path, (await w.b.owner.req<unknown>('GET', path)).json]))
    }

    it('has a row for every route of the OpenAPI document, and none for a route that is not there', () => {
      const documented = routes.map((r) => r.key).sort()
      expect(Object.keys(ISOLATION).sort()).toEqual(documented)
      for (const [key, row] of Object.entries(ISOLATION))
        if ('notScoped' in row) expect(row.notScoped, `${key} says why it holds no tenant data`).toMatch(/\w{3,}/)
    })

    const tested = Object.entries(ISOLATION).filter(
      (e): e is [string, Exclude<Isolation, { notScoped: string }>] => !('notScoped' in e[1]),
    )
    it.each(tested)('%s', async (key, isolation) => {
      const route = routes.find((r) => r.key === key)
      expect(route, `${key} is not in the OpenAPI document`).toBeDefined()
      const before = { tables: await dumpTables(t.services.storage.db), b: await viewOfB() }

      if ('check' in isolation) await isolation.check(w)
      else {
        const attacks = isolation.attacks(w)
        expect(attacks.length).toBeGreaterThan(0)
        for (const attack of attacks) {
          const path = fillPath(route!.path, attack.params)
          const res = await w.a.owner.req(route!.method, path, attack.body)
          expectError(res, attack.status ?? [403, 404], attack.code)
          // A refusal names nothing of B's: no names, emails or ids beyond what the caller sent.
          expect(res.text).not.toMatch(/Company B|Olivia Owner|example\.com/)
        }
      }

      expect(await viewOfB()).toEqual(before.b)
      expect(await dumpTables(t.services.storage.db)).toEqual(before.tables)
    })
  })
})

describe.each(ENGINES)('rights of each role (docs/product.md#who-uses-it) on $engine', (engine) => {
  describe.skipIf(!engine.available)('', () => {
    let t: TestApp
    let routes: DocumentedRoute[]
    let w: RightsWorld
    beforeAll(async () => {
      t = await startTestApp(engine)
      routes = await documentedRoutes(new ApiClient(t.app))
      rightsServices = t.services
      const f = await workspaceFixture(t.app, 'Rights Inc')
      const plan = await f.owner.req<Created>('POST', `/api/workspaces/${f.workspace.id}/plans`, { title: 'The plan' })
      w = {
        ...f,
        planId: plan.json.id,
        clients: {
          owner: f.owner,
          admin: await f.member('admin', { departments: ['Marketing'] }),
          editor: await f.member('editor', { departments: ['Sales'], leadOf: ['Sales'] }),
          commenter: await f.member('commenter', { departments: ['Sales'] }),
          viewer: await f.member('viewer', { departments: ['Sales'] }),
          outsider: await new ApiClient(t.app).signup('Outsider'),
          anonymous: new ApiClient(t.app),
        },
      }
    })
    afterAll(() => t?.dispose())

    it('has a row for every workspace route of the OpenAPI document', () => {
      const covered = new Set(RIGHTS.map((r) => r.route))
      expect(
        routes
          .filter(isWorkspaceRoute)
          .map((r) => r.key)
          .filter((k) => !covered.has(k)),
      ).toEqual([])
      expect([...covered].filter((k) => !routes.some((r) => r.key === k))).toEqual([])
    })

    it.each(RIGHTS.map((row) => [`${row.route}: ${row.what}`, row] as const))('%s', async (_, row) => {
      const route = routes.find((r) => r.key === row.route)!
      expect(route, `${row.route} is not in the OpenAPI document`).toBeDefined()
      const callers = [...ROLES, 'outsider', 'anonymous'] as const
      const expected = Object.fromEntries(
        callers.map((c, i) => [c, i < ROLES.length ? row.expect[i] : c === 'outsider' ? 404 : 401]),
      )
      const actual: Record<string, number> = {}
      for (const caller of callers) {
        const params = { id: w.workspace.id, ...(await row.prepare?.(w)) }
        const before = await dumpTables(t.services.storage.db)
        const res = await w.clients[caller].req(route.method, fillPath(route.path, params), row.body?.(w, params))
        actual[caller] = res.status
        if (res.status >= 400) {
          expectError(res, res.status)
          expect(await dumpTables(t.services.storage.db), `${caller} was refused but something changed`).toEqual(before)
        }
      }
      expect(actual).toEqual(expected)
    })
  })
})
