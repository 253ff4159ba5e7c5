import { useQueryClient } from '@tanstack/react-query'
import { refetchAfterNews, usePlanNews } from '../activity/live'
import { suggestionKeys, useSectionSuggestions } from '../api/suggestions'

/** A section's pending suggestions, kept live by the plan's 'suggestions' news. */
export function useLiveSuggestions(sectionId: string, planId: string) {
  const query = useSectionSuggestions(sectionId)
  const queryClient = useQueryClient()
  usePlanNews(planId, ['suggestions'], (event) => {
    if (!event.sectionId || event.sectionId === sectionId)
      void refetchAfterNews(queryClient, suggestionKeys.section(sectionId))
  })
  return query.data
}
