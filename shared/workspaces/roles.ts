import { z } from 'zod'

/** Roles from docs/product.md#who-uses-it, most powerful first. */
export const ROLES = ['owner', 'admin', 'editor', 'commenter', 'viewer'] as const
export const Role = z.enum(ROLES)
export type Role = z.infer<typeof Role>

const RANK: Record<Role, number> = { owner: 4, admin: 3, editor: 2, commenter: 1, viewer: 0 }

export function atLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum]
}

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Admin',
  editor: 'Editor',
  commenter: 'Commenter',
  viewer: 'Viewer',
}

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: 'Everything, including managing owners.',
  admin: 'Manages members, departments and plans; edits every section.',
  editor: 'Creates plans; edits shared sections and those of their departments.',
  commenter: 'Reads everything and comments everywhere.',
  viewer: 'Reads only.',
}

export const DEFAULT_DEPARTMENTS = ['Marketing', 'Customer service', 'Sales', 'Human resources'] as const
