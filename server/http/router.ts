import { OpenAPIHono } from '@hono/zod-openapi'
import type { ZodType } from 'zod'
import { ErrorBody } from '../../shared/api/errors'
import type { ValidSession } from '../auth/sessions'
import { describeZodError, errorJson } from './errors'

export interface AppEnv {
  Variables: {
    /** The signed-in caller, set by the session middleware; null for anonymous requests. */
    auth: ValidSession | null
  }
}

/** A sub-app for one capability; validation failures all become one error shape here. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return errorJson(c, 400, 'invalid_request', describeZodError(result.error))
    },
  })
}

// Small builders so route definitions read as what they accept and return.
export const jsonBody = <T extends ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
})
export const jsonResponse = <T extends ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
})
const errorResponse = (description: string) => jsonResponse(ErrorBody, description)

/** The failures every authenticated route can answer with, for the OpenAPI document. */
export const ERRORS = {
  400: errorResponse('Invalid input'),
  401: errorResponse('Not signed in'),
  403: errorResponse('Not allowed'),
  404: errorResponse('Not found'),
} as const
export const noContent = { description: 'Done' } as const
