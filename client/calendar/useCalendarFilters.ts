import { useState } from 'react'
import type { Section } from '../../shared/plans/schema'
import type { Department } from '../../shared/workspaces/schema'
import { departmentName } from '../workspaces/current'
import type { CalendarItem } from './calendar-items'
import { networkColor } from './labels'

export const DELIVERABLES = 'deliverables'
const ALL = 'all'
const SHARED = 'shared'

export interface CalendarSource {
  value: string
  label: string
  color: string
}

/**
 * The calendar's filters: the sources hidden (so that a network added later shows) and one owner
 * department, with the choices each offers and whether an item passes them.
 */
export function useCalendarFilters(networks: Section[], processSection: Section | null, departments: Department[]) {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set())
  const [department, setDepartment] = useState<string>(ALL)
  const sources: CalendarSource[] = [
    ...networks.map((n, i) => ({ value: n.id, label: n.title, color: networkColor(i) })),
    ...(processSection ? [{ value: DELIVERABLES, label: 'Deliverables', color: 'gray' }] : []),
  ]
  const owners = [
    ...new Set([...networks, ...(processSection ? [processSection] : [])].map((s) => s.ownerDepartmentId ?? SHARED)),
  ]
  const departmentOptions = [
    { value: ALL, label: 'All departments' },
    ...departments.filter((d) => owners.includes(d.id)).map((d) => ({ value: d.id, label: d.name })),
    ...owners
      .filter((o) => o !== SHARED && !departments.some((d) => d.id === o))
      .map((o) => ({ value: o, label: departmentName(departments, o) })),
    ...(owners.includes(SHARED) ? [{ value: SHARED, label: 'Shared sections' }] : []),
  ]
  const shown = (item: CalendarItem) =>
    !hidden.has(item.kind === 'deliverable' ? DELIVERABLES : item.sectionId) &&
    (department === ALL || (item.departmentId ?? SHARED) === department)
  const shownSources = sources.map((s) => s.value).filter((v) => !hidden.has(v))
  const showSources = (values: string[]) =>
    setHidden(new Set(sources.map((s) => s.value).filter((v) => !values.includes(v))))
  const chooseDepartment = (value: string | null) => setDepartment(value ?? ALL)
  return { sources, shownSources, showSources, departmentOptions, department, chooseDepartment, shown, hidden }
}
