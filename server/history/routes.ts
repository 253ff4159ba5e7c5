import { createRoute } from '@hono/zod-openapi'
import { canNamePlanVersion, canNameVersion, canReadHistory, canRestoreVersion } from '../../shared/history/permissions'
import {
  NameVersionBody,
  PlanVersion,
  RestoreResult,
  Version,
  VersionDetail,
  VersionList,
  VersionParams,
} from '../../shared/history/schema'
import { PlanParams, SectionParams } from '../../shared/plans/schema'
import { requireAuth } from '../auth/middleware'
import { forbidden, notFound } from '../http/errors'
import { ERRORS, createRouter, jsonBody, jsonResponse } from '../http/router'
import { type SectionContext, editableSectionContext, planContext, sectionContext } from '../plan-context'
import type { Services } from '../services'
import { namePlanVersion } from './commands/name-plan-version'
import { nameVersion } from './commands/name-version'
import { restoreVersion } from './commands/restore-version'
import { presentVersions } from './present'
import { docFromState, findVersion, listVersions } from './versions'

const list = createRoute({
  method: 'get',
  path: '/sections/{id}/versions',
  tags: ['history'],
  summary: "A section's versions, newest first: automatic snapshots, named versions and restores, with who and when",
  request: { params: SectionParams },
  responses: { 200: jsonResponse(VersionList, 'Versions, newest first, and what the caller may do'), ...ERRORS },
})
const show = createRoute({
  method: 'get',
  path: '/sections/{id}/versions/{versionId}',
  tags: ['history'],
  summary: 'One version of a section for display: its rich text as blocks and its structured fields',
  request: { params: VersionParams },
  responses: { 200: jsonResponse(VersionDetail, 'The version and its content'), ...ERRORS },
})
const name = createRoute({
  method: 'post',
  path: '/sections/{id}/versions',
  tags: ['history'],
  summary: 'Name the section as it is now ("Sent to the board, March"); kept for good',
  request: { params: SectionParams, body: jsonBody(NameVersionBody) },
  responses: { 201: jsonResponse(Version, 'The named version'), ...ERRORS, 409: ERRORS[400] },
})
const namePlan = createRoute({
  method: 'post',
  path: '/plans/{id}/versions',
  tags: ['history'],
  summary: 'Name every section of the plan as it is now, under one name',
  request: { params: PlanParams, body: jsonBody(NameVersionBody) },
  responses: { 201: jsonResponse(PlanVersion, 'One named version per section'), ...ERRORS },
})
const restore = createRoute({
  method: 'post',
  path: '/sections/{id}/versions/{versionId}/restore',
  tags: ['history'],
  summary:
    'Bring a version back as a new change on top of the present; the present is snapshotted first, so the restore can be undone',
  request: { params: VersionParams },
  responses: {
    200: jsonResponse(RestoreResult, 'The restore marker and the snapshot taken just before'),
    ...ERRORS,
    409: ERRORS[400],
  },
})

export function historyRoutes({ storage: { db }, hub, planEvents }: Services) {
  const services = { db, planEvents, hub }
  const target = (ctx: SectionContext) => ({ ownerDepartmentId: ctx.section.owner_department_id })
  const present = (rows: Parameters<typeof presentVersions>[1]) => presentVersions(db, rows)

  async function readableSection(userId: string, sectionId: string): Promise<SectionContext> {
    const ctx = await sectionContext(db, sectionId, userId)
    if (!canReadHistory(ctx.caller, target(ctx))) throw forbidden()
    return ctx
  }

  const editableSection = (userId: string, sectionId: string, allowed: typeof canNameVersion, refusal: string) =>
    editableSectionContext(db, sectionId, userId, {
      allowed,
      refusal,
      archived: 'This section is archived; restore it first.',
    })

  return createRouter()
    .openapi(list, async (c) => {
      const { user } = requireAuth(c)
      const ctx = await readableSection(user.id, c.req.valid('param').id)
      const live = ctx.section.archived_at === null
      return c.json(
        {
          versions: await present(await listVersions(db, ctx.section.id)),
          abilities: {
            name: live && canNameVersion(ctx.caller, target(ctx)),
            restore: live && canRestoreVersion(ctx.caller, target(ctx)),
          },
        },
        200,
      )
    })
    .openapi(show, async (c) => {
      const { user } = requireAuth(c)
      const { id, versionId } = c.req.valid('param')
      const ctx = await readableSection(user.id, id)
      const row = await findVersion(db, ctx.section.id, versionId)
      if (!row) throw notFound('The version')
      // Reading a version's rich text pulls in Tiptap: loaded with the first version opened.
      const { snapshotContent } = await import('../../shared/history/content')
      const doc = docFromState(row.state)
      try {
        return c.json({ version: (await present([row]))[0]!, content: snapshotContent(doc, ctx.section.kind) }, 200)
      } finally {
        doc.destroy()
      }
    })
    .openapi(name, async (c) => {
      const { user } = requireAuth(c)
      const ctx = await editableSection(
        user.id,
        c.req.valid('param').id,
        canNameVersion,
        'Only people who may edit this section can name its versions.',
      )
      const row = await nameVersion(services, { ctx, name: c.req.valid('json').name, createdBy: user.id })
      return c.json((await present([row]))[0]!, 201)
    })
    .openapi(namePlan, async (c) => {
      const { user } = requireAuth(c)
      const ctx = await planContext(db, c.req.valid('param').id, user.id)
      if (!canNamePlanVersion(ctx.caller)) throw forbidden('Only editors can name a version of the plan.')
      const { name: versionName } = c.req.valid('json')
      const named = await namePlanVersion(services, { ctx, name: versionName, createdBy: user.id })
      const { planVersionId, createdAt } = named
      return c.json({ planVersionId, name: versionName, createdAt, versions: await present(named.rows) }, 201)
    })
    .openapi(restore, async (c) => {
      const { user } = requireAuth(c)
      const { id, versionId } = c.req.valid('param')
      const ctx = await editableSection(
        user.id,
        id,
        canRestoreVersion,
        'Only people who may edit this section can restore its versions.',
      )
      const version = await findVersion(db, ctx.section.id, versionId)
      if (!version) throw notFound('The version')
      const { before, restored } = await restoreVersion(services, { ctx, version, restoredBy: user.id })
      const shown = await present(before ? [restored, before] : [restored])
      return c.json({ restored: shown[0]!, before: shown[1] ?? null }, 200)
    })
}
