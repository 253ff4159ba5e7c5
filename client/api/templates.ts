import { useQuery, useQueryClient } from '@tanstack/react-query'
import { call } from './call'
import { api } from './client'
import { keys } from './keys'
import { useApiMutation } from './mutation'

/** What a new plan of the workspace can start from: blank, the examples, and the workspace's own templates. */
export function useWorkspaceTemplates(workspaceId: string) {
  return useQuery({
    queryKey: keys.templates(workspaceId),
    queryFn: () => call(api.workspaces[':id'].templates.$get({ param: { id: workspaceId } })),
  })
}

export function useSaveAsTemplate(workspaceId: string, planId: string) {
  const queryClient = useQueryClient()
  return useApiMutation({
    mutationFn: (name: string) => call(api.plans[':id'].template.$post({ param: { id: planId }, json: { name } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.templates(workspaceId) }),
    success: (template) => `Saved as the template “${template.name}”: new plans can start from it.`,
  })
}

export function useDeleteTemplate(workspaceId: string) {
  const queryClient = useQueryClient()
  return useApiMutation({
    mutationFn: async (template: { id: string; name: string }) => {
      await call(
        api.workspaces[':id'].templates[':templateId'].$delete({ param: { id: workspaceId, templateId: template.id } }),
      )
      return template
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.templates(workspaceId) }),
    success: (template) => `The template “${template.name}” is deleted. Plans made from it keep their content.`,
  })
}
