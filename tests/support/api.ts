import type { Hono } from 'hono'
import type { z } from 'zod'
import type { ActivityFeed as ActivityFeedSchema } from '../../shared/activity/schema'
import type { ApprovalList as ApprovalListSchema } from '../../shared/approvals/schema'
import type {
  NotificationList as NotificationListSchema,
  UnreadCount as UnreadCountSchema,
} from '../../shared/notifications/schema'
import type { PlanList as PlanListSchema } from '../../shared/plans/schema'
import type {
  InviteList as InviteListSchema,
  WorkspaceList as WorkspaceListSchema,
} from '../../shared/workspaces/schema'
import { AccessEvents } from '../../server/access-events'
import { createApp } from '../../server/app'
import { readConfig } from '../../server/config'
import type { Services } from '../../server/services'
import { DocumentHub } from '../../server/sync/hub'
import { LocalPlanEvents } from '../../server/sync/plan-events'
import { createUpdateLog } from '../../server/sync/update-log'
import type { EngineCase, TestDatabase } from './engines'

export interface TestApp {
  app: Hono
  services: Services
  database: TestDatabase
  dispose(): Promise<void>
}

/** The real app on a fresh database of the given engine, called in-process (no port). */
export async function startTestApp(engine: EngineCase): Promise<TestApp> {
  const database = await engine.open()
  const services: Services = {
    config: { ...readConfig({}), publicUrl: 'http://planroom.test' },
    storage: database.storage,
    access: new AccessEvents(),
    hub: new DocumentHub(createUpdateLog(database.storage.driver)),
    planEvents: new LocalPlanEvents(),
    redisStatus: () => 'disabled',
  }
  const app = createApp(services)
  // The hub first: documents it still holds are stored before the database goes.
  const dispose = async () => {
    await services.hub.close()
    await database.dispose()
  }
  return { app, services, database, dispose }
}

/**
 * A response body of any route. Tests read the fields they check from it; a test that wants the compiler's
 * help names the shape with `req<Shape>()`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one loosely typed body, named once
export type AnyBody = any

/** The bodies tests read most, for `req<Shape>()`. */
export interface Created {
  id: string
}
export interface PlanBody {
  id: string
  sections: { id: string; kind: string; title: string; ownerDepartmentId: string | null }[]
}
export interface ThreadBody {
  id: string
  comments: { id: string }[]
}
export interface WorkspaceBody {
  id: string
  departments: { id: string; name: string }[]
}

/** Bodies whose zod schema in shared/ exports no type of its own. */
export type ActivityFeed = z.infer<typeof ActivityFeedSchema>
export type ApprovalList = z.infer<typeof ApprovalListSchema>
export type NotificationList = z.infer<typeof NotificationListSchema>
export type UnreadCount = z.infer<typeof UnreadCountSchema>
export type InviteList = z.infer<typeof InviteListSchema>
export type PlanList = z.infer<typeof PlanListSchema>
export type WorkspaceList = z.infer<typeof WorkspaceListSchema>

export interface ApiResponse<T = AnyBody> {
  status: number
  json: T
  text: string
  headers: Headers
}

let counter = 0
export const uniqueEmail = (prefix = 'user') => `${prefix}-${Date.now().toString(36)}-${++counter}@example.com`

/** Where requests go: the app in-process (`app.request`) or a real server over HTTP (`httpTarget`). */
export interface RequestTarget {
  request(input: string, init: RequestInit): Response | Promise<Response>
}

export const httpTarget = (): RequestTarget => ({ request: (input, init) => fetch(input, init) })

/** A browser-like caller with its own cookie jar. */
export class ApiClient {
  cookies = new Map<string, string>()
  user: { id: string; name: string; email: string } | null = null
  password = 'correct horse battery staple'

  constructor(
    readonly app: RequestTarget,
    readonly base = 'http://planroom.test',
  ) {}

  get cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  async req<T = AnyBody>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const init: RequestInit = {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookies.size ? { cookie: this.cookieHeader } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    }
    const res = await this.app.request(this.base + path, init)
    for (const sc of res.headers.getSetCookie()) {
      const [kv = ''] = sc.split(';')
      const i = kv.indexOf('=')
      const k = kv.slice(0, i).trim()
      const v = kv.slice(i + 1).trim()
      if (v === '' || /max-age=0/i.test(sc) || /expires=Thu, 01 Jan 1970/i.test(sc)) this.cookies.delete(k)
      else this.cookies.set(k, v)
    }
    const text = await res.text()
    let json: T = null as T
    try {
      json = JSON.parse(text) as T
    } catch {
      // Not JSON (an HTML page, an empty body): `json` stays null and `text` holds the body.
    }
    return { status: res.status, json, text, headers: res.headers }
  }

  async signup(name = 'Test User', email = uniqueEmail()) {
    const res = await this.req<{ user: NonNullable<ApiClient['user']> }>('POST', '/api/auth/signup', {
      name,
      email,
      password: this.password,
    })
    if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${res.text}`)
    this.user = res.json.user
    return this
  }
}

/** A workspace owned by a fresh user, plus helpers to add members with a role and departments. */
export async function workspaceFixture(app: RequestTarget, name = 'Acme', base?: string) {
  const owner = await new ApiClient(app, base).signup('Olivia Owner')
  const ws = await owner.req('POST', '/api/workspaces', { name })
  if (ws.status !== 201) throw new Error(`workspace failed: ${ws.status} ${ws.text}`)
  const workspace = ws.json as { id: string; departments: { id: string; name: string }[] }
  const dept = (n: string) => workspace.departments.find((d) => d.name === n)!.id

  async function member(role: string, opts: { name?: string; departments?: string[]; leadOf?: string[] } = {}) {
    const invite = await owner.req<{ token: string }>('POST', `/api/workspaces/${workspace.id}/invites`, {
      role: role === 'owner' ? 'admin' : role,
      departmentIds: (opts.departments ?? []).map(dept),
    })
    const client = await new ApiClient(app, base).signup(opts.name ?? `${role} person`)
    const accepted = await client.req('POST', `/api/invites/${invite.json.token}/accept`)
    if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${accepted.text}`)
    if (role === 'owner' || opts.leadOf) {
      const patch = await owner.req('PATCH', `/api/workspaces/${workspace.id}/members/${client.user!.id}`, {
        ...(role === 'owner' ? { role } : {}),
        ...(opts.leadOf ? { leadOf: opts.leadOf.map(dept) } : {}),
      })
      if (patch.status !== 200) throw new Error(`patch failed: ${patch.status} ${patch.text}`)
    }
    return client
  }
  return { owner, workspace, dept, member }
}
