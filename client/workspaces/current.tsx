import { createContext, useContext } from 'react'
import type { Department, Workspace } from '../../shared/workspaces/schema'

export interface CurrentWorkspace {
  workspace: Workspace
  /** Opens the "New plan" dialog, which lives in the shell so any page can offer it. */
  openNewPlan: () => void
}

export const CurrentWorkspaceContext = createContext<CurrentWorkspace | null>(null)

/** The workspace of the page being shown; only used under the workspace layout, which loads it. */
export function useCurrentWorkspace(): CurrentWorkspace {
  const current = useContext(CurrentWorkspaceContext)
  if (!current) throw new Error('useCurrentWorkspace is used outside a workspace page')
  return current
}

export function departmentName(departments: readonly Department[], id: string): string {
  return departments.find((d) => d.id === id)?.name ?? 'Removed department'
}

/** Department names for a list of ids, in the workspace's own order. */
export function departmentNames(departments: readonly Department[], ids: readonly string[]): string[] {
  return departments.filter((d) => ids.includes(d.id)).map((d) => d.name)
}
