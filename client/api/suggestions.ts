import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { CreateSuggestionBody } from '../../shared/suggestions/schema'
import { call } from './call'
import { api } from './client'
import { useApiMutation } from './mutation'

/** A section's pending suggestions: a plan event of kind 'suggestions' names the section to refetch. */
export const suggestionKeys = {
  all: ['suggestions'] as const,
  section: (sectionId: string) => ['suggestions', sectionId] as const,
}

export function useSectionSuggestions(sectionId: string) {
  return useQuery({
    queryKey: suggestionKeys.section(sectionId),
    queryFn: () => call(api.sections[':id'].suggestions.$get({ param: { id: sectionId } })),
  })
}

function useRefetch(sectionId: string) {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: suggestionKeys.section(sectionId) })
}

export function useCreateSuggestion(sectionId: string) {
  const refetch = useRefetch(sectionId)
  return useApiMutation({
    mutationFn: (body: CreateSuggestionBody) =>
      call(api.sections[':id'].suggestions.$post({ param: { id: sectionId }, json: body })),
    onSuccess: refetch,
  })
}

/** Accept or reject one suggestion. */
export function useDecideSuggestion(sectionId: string) {
  const refetch = useRefetch(sectionId)
  return useApiMutation({
    mutationFn: ({ id, accept }: { id: string; accept: boolean }) =>
      call(
        accept
          ? api.suggestions[':id'].accept.$post({ param: { id } })
          : api.suggestions[':id'].reject.$post({ param: { id } }),
      ),
    onSettled: refetch,
  })
}

/** Accept all (those not outdated) or reject all of a section's suggestions. */
export function useDecideAllSuggestions(sectionId: string) {
  const refetch = useRefetch(sectionId)
  return useApiMutation({
    mutationFn: (accept: boolean) =>
      call(
        accept
          ? api.sections[':id'].suggestions['accept-all'].$post({ param: { id: sectionId } })
          : api.sections[':id'].suggestions['reject-all'].$post({ param: { id: sectionId } }),
      ),
    onSettled: refetch,
    success: (result, accept) =>
      accept
        ? `${result.decided.length} accepted${result.outdated.length ? `, ${result.outdated.length} outdated left` : ''}.`
        : `${result.decided.length} rejected.`,
  })
}
