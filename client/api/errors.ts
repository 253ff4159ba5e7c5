import { isErrorBody } from '../../shared/api/errors'

/** A failed API call, carrying the server's machine-readable code and its sentence for people. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** Turns a non-2xx response into an ApiError, using the server's `{error: {code, message}}` when present. */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null)
  if (isErrorBody(body)) return new ApiError(res.status, body.error.code, body.error.message)
  return new ApiError(
    res.status,
    'http_error',
    `The server answered ${res.status} ${res.statusText || ''}`.trim() + '.',
  )
}

/** The sentence to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message
  if (error instanceof TypeError) return 'Could not reach Planroom. Check your connection and try again.'
  if (error instanceof Error && error.message) return error.message
  return 'Something went wrong.'
}

export const isApiError = (error: unknown, code?: string): error is ApiError =>
  error instanceof ApiError && (code === undefined || error.code === code)
