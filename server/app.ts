import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { LIMITS } from '../shared/limits'
import { activityRoutes } from './activity/routes'
import { approvalRoutes } from './approvals/routes'
import { authRoutes } from './auth/routes'
import { passwordResetRoutes } from './auth/password-reset-routes'
import { sessionRoutes } from './auth/session-route'
import { mailOutboxRoutes } from './mail/routes'
import { mailPreferenceRoutes } from './mail/preference-routes'
import { calendarFeedRoutes } from './calendar-feed/routes'
import { sessionMiddleware } from './auth/middleware'
import { commentRoutes } from './comments/routes'
import { healthRoutes } from './health/routes'
import { historyRoutes } from './history/routes'
import { exportRoutes } from './export/routes'
import { errorJson, handleError } from './http/errors'
import { sameOriginOnly } from './http/origin'
import { staticAssets } from './http/static-assets'
import { PAYLOAD_TOO_LARGE } from './http/raw-request'
import { createRouter } from './http/router'
import { refuseUnstorableText } from './http/storable-text'
import { notificationRoutes } from './notifications/routes'
import { planHealthRoutes } from './plan-model/health-routes'
import { guardArchivedPlans } from './plans/archived-guard'
import { planLifecycleRoutes } from './plans/lifecycle-routes'
import { planRoutes } from './plans/routes'
import { templateRoutes } from './templates/routes'
import { workspaceTemplateRoutes } from './templates/workspace-template-routes'
import { sectionRoutes } from './sections/routes'
import { publicShareRoutes } from './shares/public-page'
import { shareRoutes } from './shares/routes'
import { suggestionRoutes } from './suggestions/routes'
import { guestRateLimit } from './review-links/rate-limit'
import { reviewLinkRoutes } from './review-links/routes'
import type { Services } from './services'
import { departmentRoutes } from './departments/routes'
import { inviteRoutes } from './workspaces/invites'
import { memberRoutes } from './workspaces/members'
import { workspaceRoutes } from './workspaces/routes'

/** The JSON API under /api: one sub-app per capability, chained so `hc` infers every route. */
function createApi(services: Services) {
  const { config, storage } = services
  const api = createRouter()
  api.use(
    '*',
    bodyLimit({
      maxSize: LIMITS.requestBodyBytes,
      onError: (c) => errorJson(c, 413, 'payload_too_large', PAYLOAD_TOO_LARGE),
    }),
  )
  api.use('*', sameOriginOnly(config.publicUrl ? [config.publicUrl] : []))
  api.use('*', refuseUnstorableText())
  api.use('*', sessionMiddleware(storage.db, config.trustProxy))
  guardArchivedPlans(api, storage.db)
  api.use('*', guestRateLimit(storage.db))
  const routes = api
    .route('/auth', authRoutes(services))
    .route('/auth', passwordResetRoutes(services))
    .route('/auth', sessionRoutes())
    .route('/', mailOutboxRoutes(services))
    .route('/', mailPreferenceRoutes(services))
    .route('/', calendarFeedRoutes(services))
    .route('/', workspaceRoutes(services))
    .route('/', departmentRoutes(services))
    .route('/', memberRoutes(services))
    .route('/', inviteRoutes(services))
    .route('/', planRoutes(services))
    .route('/', planLifecycleRoutes(services))
    .route('/', templateRoutes())
    .route('/', workspaceTemplateRoutes(services))
    .route('/', planHealthRoutes(services))
    .route('/', sectionRoutes(services))
    .route('/', commentRoutes(services))
    .route('/', notificationRoutes(services))
    .route('/', approvalRoutes(services))
    .route('/', activityRoutes(services))
    .route('/', exportRoutes(services))
    .route('/', shareRoutes(services))
    .route('/', historyRoutes(services))
    .route('/', suggestionRoutes(services))
    .route('/', reviewLinkRoutes(services))
    .route('/', healthRoutes(services))
  routes.doc31('/openapi.json', {
    openapi: '3.1.0',
    servers: [{ url: '/api' }],
    info: {
      title: 'Planroom API',
      version: '1',
      description: 'Plans, sections, members and approvals of a Planroom workspace.',
    },
  })
  return routes
}
export type ApiType = ReturnType<typeof createApi>

export interface AppOptions {
  /** The built web app (vite build output); not served when absent, as in API tests. */
  clientDir?: string
}

export function createApp(services: Services, options: AppOptions = {}) {
  const app = new Hono()
  app.onError(handleError)
  app.route('/api', createApi(services))
  app.all('/api/*', (c) => errorJson(c, 404, 'route_not_found', `There is no ${c.req.method} ${c.req.path}.`))
  // Public read-only links: before the web app, whose fallback would answer every GET.
  app.route('/s', publicShareRoutes(services))
  if (options.clientDir) app.route('/', staticAssets(options.clientDir))
  app.notFound((c) => errorJson(c, 404, 'not_found', 'Nothing here.'))
  return app
}
