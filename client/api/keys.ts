/**
 * Query keys, one root per resource, so a mutation can refresh exactly what it changed.
 * A workspace's plans and invites live under its own key and go away with it.
 */
export const keys = {
  me: ['me'] as const,
  workspaceList: ['workspace-list'] as const,
  workspace: (workspaceId: string) => ['workspace', workspaceId] as const,
  plans: (workspaceId: string) => ['workspace', workspaceId, 'plans'] as const,
  invites: (workspaceId: string) => ['workspace', workspaceId, 'invites'] as const,
  templates: (workspaceId: string) => ['workspace', workspaceId, 'templates'] as const,
  allPlans: ['plan'] as const,
  plan: (planId: string) => ['plan', planId] as const,
  invitePreview: (token: string) => ['invite-preview', token] as const,
}
