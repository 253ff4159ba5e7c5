import { useQuery, useQueryClient } from '@tanstack/react-query'
import { call } from './call'
import { api } from './client'
import { useApiMutation } from './mutation'

/** A section's history: its list, and each version's content (which never changes once taken). */
export const historyKeys = {
  all: ['history'] as const,
  section: (sectionId: string) => ['history', sectionId] as const,
  version: (sectionId: string, versionId: string) => ['history', sectionId, 'version', versionId] as const,
}

export function useSectionVersions(sectionId: string, enabled: boolean) {
  return useQuery({
    queryKey: historyKeys.section(sectionId),
    queryFn: () => call(api.sections[':id'].versions.$get({ param: { id: sectionId } })),
    enabled,
  })
}

export function useVersion(sectionId: string, versionId: string | null) {
  return useQuery({
    queryKey: historyKeys.version(sectionId, versionId ?? ''),
    queryFn: () =>
      call(api.sections[':id'].versions[':versionId'].$get({ param: { id: sectionId, versionId: versionId! } })),
    enabled: versionId !== null,
    // A version's content is fixed: no need to ask again.
    staleTime: Infinity,
  })
}

export function useNameVersion(sectionId: string) {
  const queryClient = useQueryClient()
  return useApiMutation({
    mutationFn: (name: string) =>
      call(api.sections[':id'].versions.$post({ param: { id: sectionId }, json: { name } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: historyKeys.section(sectionId) }),
    success: (v) => `Named “${v.name}”.`,
  })
}

export function useNamePlanVersion(planId: string) {
  const queryClient = useQueryClient()
  return useApiMutation({
    mutationFn: (name: string) => call(api.plans[':id'].versions.$post({ param: { id: planId }, json: { name } })),
    // Every section of the plan has a new version.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: historyKeys.all }),
    success: (v) => `Named “${v.name}” for all ${v.versions.length} sections of the plan.`,
  })
}

export function useRestoreVersion(sectionId: string) {
  const queryClient = useQueryClient()
  return useApiMutation({
    mutationFn: (versionId: string) =>
      call(api.sections[':id'].versions[':versionId'].restore.$post({ param: { id: sectionId, versionId } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: historyKeys.section(sectionId) }),
    success: 'Version restored. The text before it is kept in the list.',
  })
}
