import { PostgresAdapter, sql } from 'kysely'
import { expect } from 'vitest'
import { isErrorBody } from '../../shared/api/errors'
import type { Db } from '../../server/storage/database'
import type { ApiClient, ApiResponse } from './api'

/**
 * Checks of the API contract (docs/product.md#bad-input, #interfaces-integrators-rely-on) that several suites share:
 * the error shape, the list of routes from the OpenAPI document, and a dump of every table to prove that a request
 * changed nothing.
 */

/** `{error: {code, message}}` with one of the given statuses, a snake_case code and a sentence. */
export function expectError(res: ApiResponse<unknown>, status: number | readonly number[], code?: string) {
  const statuses = typeof status === 'number' ? [status] : status
  expect(statuses, `status ${res.status}: ${res.text.slice(0, 300)}`).toContain(res.status)
  const body = res.json
  expect(isErrorBody(body), `not the error shape: ${res.text.slice(0, 300)}`).toBe(true)
  if (!isErrorBody(body)) return
  expect(body.error.message, 'the message is a sentence').toMatch(/^\S.*[.!?]$/s)
  if (code !== undefined) expect(body.error.code).toBe(code)
}

export interface DocumentedRoute {
  /** `METHOD /path` as the OpenAPI document names it (paths relative to /api), e.g. `PATCH /workspaces/{id}`. */
  key: string
  method: string
  /** The path template relative to /api, e.g. `/workspaces/{id}`. */
  path: string
  params: string[]
  /** The JSON schema of the request body, when the route takes one. */
  body: JsonSchema | null
}

export interface JsonSchema {
  /** One type, or several (`['string', 'null']` for a nullable string). */
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  maxLength?: number
  maxItems?: number
  items?: JsonSchema
  enum?: string[]
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

interface OpenApiOperation {
  parameters?: { in: string; name: string }[]
  requestBody?: { content?: Record<string, { schema?: JsonSchema } | undefined> }
}

/** Every route of `GET /api/openapi.json`, so that tables of cases can insist on covering each one. */
export async function documentedRoutes(client: ApiClient): Promise<DocumentedRoute[]> {
  const res = await client.req<{ paths: Record<string, Partial<Record<string, OpenApiOperation>>> }>(
    'GET',
    '/api/openapi.json',
  )
  expect(res.status).toBe(200)
  const routes: DocumentedRoute[] = []
  for (const [rawPath, item] of Object.entries(res.json.paths)) {
    // The document's paths are relative to the API's mount point; accept them either way.
    const path = rawPath.replace(/^\/api(?=\/)/, '')
    for (const method of METHODS) {
      const op = item[method]
      if (!op) continue
      routes.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        params: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      })
    }
  }
  return routes
}

/** `/workspaces/{id}` + `{id: 'abc'}` → `/api/workspaces/abc`. */
export function fillPath(template: string, values: Record<string, string>): string {
  return (
    '/api' +
    template.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = values[name]
      if (value === undefined) throw new Error(`no value for {${name}} in ${template}`)
      return encodeURIComponent(value)
    })
  )
}

/**
 * Every row of every table of this database, sorted, so two dumps are equal exactly when nothing was
 * written. Tables are listed from the database itself (on PostgreSQL, only this test's own schema), so a
 * table added later is included.
 */
export async function dumpTables(db: Db): Promise<Record<string, string[]>> {
  const listed =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? sql<{
          name: string
        }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`
      : sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`
  const names = (await listed.execute(db)).rows
    .map((r) => r.name)
    .filter((n) => !n.startsWith('kysely_'))
    .sort()
  const dump: Record<string, string[]> = {}
  for (const name of names) {
    // Raw SQL: the table may be one the typed schema does not know yet.
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db)
    dump[name] = rows.map((r) => JSON.stringify(r)).sort()
  }
  return dump
}
