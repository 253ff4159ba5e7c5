import { createRoute } from '@hono/zod-openapi'
import { TEMPLATE_SUMMARIES } from '../../shared/templates/catalog'
import { TemplateList } from '../../shared/templates/schema'
import { requireAuth } from '../auth/middleware'
import { ERRORS, createRouter, jsonResponse } from '../http/router'

const list = createRoute({
  method: 'get',
  path: '/templates',
  tags: ['plans'],
  summary: 'What a new plan can start from: blank, or a complete example plan',
  responses: { 200: jsonResponse(TemplateList, 'The templates, blank first'), ...ERRORS },
})

export function templateRoutes() {
  return createRouter().openapi(list, (c) => {
    requireAuth(c)
    return c.json({ templates: [...TEMPLATE_SUMMARIES] }, 200)
  })
}
