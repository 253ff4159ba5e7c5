import { createRoute, z } from '@hono/zod-openapi'
import { ErrorBody } from '../../shared/api/errors'
import { type ExportFormat, ExportQuery } from '../../shared/export/schema'
import { PlanParams } from '../../shared/plans/schema'
import { requireAuth } from '../auth/middleware'
import { ERRORS, createRouter, jsonResponse } from '../http/router'
import { planContext } from '../plan-context'
import type { Services } from '../services'

const TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
}

const exportPlan = createRoute({
  method: 'get',
  path: '/plans/{id}/export',
  tags: ['plans'],
  summary:
    "Export the plan as Markdown, a self-contained HTML page or a PDF, in the order of the six steps, with each department's approval and the health check",
  request: { params: PlanParams, query: ExportQuery },
  responses: {
    200: {
      description: 'The file, as an attachment',
      content: {
        [TYPES.md]: { schema: z.string() },
        [TYPES.html]: { schema: z.string() },
        [TYPES.pdf]: { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
    ...ERRORS,
    503: jsonResponse(
      ErrorBody,
      'PDF only: Chromium is not installed on the server (pdf_unavailable), or too slow (pdf_timeout)',
    ),
  },
})

/** `plan-title-2026-11-26.md`: ASCII only, so every browser and mail client keeps the name. */
function exportFilename(title: string, at: number, format: ExportFormat): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 60)
    .replace(/-$/, '')
  return `${slug || 'plan'}-${new Date(at).toISOString().slice(0, 10)}.${format}`
}

/** `GET /api/plans/:id/export`: anyone who may read the plan (every member) may export it. */
export function exportRoutes({ storage: { db }, hub }: Services) {
  return createRouter().openapi(exportPlan, async (c) => {
    const { user } = requireAuth(c)
    const { plan } = await planContext(db, c.req.valid('param').id, user.id)
    const { format } = c.req.valid('query')
    const { makeExport } = await import('./make')
    const { body, generatedAt } = await makeExport({ db, hub }, plan, format)
    c.header('Content-Type', TYPES[format])
    c.header('Content-Disposition', `attachment; filename="${exportFilename(plan.title, generatedAt, format)}"`)
    c.header('Cache-Control', 'private, no-store')
    c.header('X-Content-Type-Options', 'nosniff')
    return c.body(body, 200)
  })
}
