import { type UseMutationOptions, useMutation } from '@tanstack/react-query'
import { notifyError, notifySuccess } from '../ui/notify'

export interface ApiMutationOptions<TData, TVariables> extends Omit<
  UseMutationOptions<TData, Error, TVariables>,
  'mutationFn'
> {
  mutationFn: (variables: TVariables) => Promise<TData>
  /** What to tell the person when it worked; omit for changes whose result is plain to see. */
  success?: string | ((data: TData, variables: TVariables) => string)
  /** Set when the form shows the error itself, so it is not announced twice. */
  inlineErrors?: boolean
}

/** useMutation that announces its success and failure, with the server's own sentence on failure. */
export function useApiMutation<TData, TVariables = void>({
  success,
  inlineErrors,
  onSuccess,
  onError,
  ...options
}: ApiMutationOptions<TData, TVariables>) {
  return useMutation<TData, Error, TVariables>({
    ...options,
    onSuccess: (data, variables, result, context) => {
      if (success) notifySuccess(typeof success === 'function' ? success(data, variables) : success)
      return onSuccess?.(data, variables, result, context)
    },
    onError: (error, variables, result, context) => {
      if (!inlineErrors) notifyError(error)
      return onError?.(error, variables, result, context)
    },
  })
}
