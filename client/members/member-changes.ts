import type { Member, UpdateMemberBody } from '../../shared/workspaces/schema'
import type { Department } from '../../shared/workspaces/schema'
import { ROLE_LABELS, type Role } from '../../shared/workspaces/roles'
import { departmentNames } from '../workspaces/current'

/**
 * The PATCH bodies behind the members table, with a sentence saying what each did. The server keeps a
 * lead inside the department they lead, so both lists travel together.
 */
export interface PlannedChange {
  change: UpdateMemberBody
  describe: string
}

function listChange(
  departments: readonly Department[],
  before: readonly string[],
  after: readonly string[],
  added: string,
  removed: string,
): string {
  const gained = departmentNames(
    departments,
    after.filter((id) => !before.includes(id)),
  )
  const lost = departmentNames(
    departments,
    before.filter((id) => !after.includes(id)),
  )
  return [gained.length ? `${added} ${gained.join(', ')}` : '', lost.length ? `${removed} ${lost.join(', ')}` : '']
    .filter(Boolean)
    .join('; ')
}

export function roleChange(member: Member, role: Role): PlannedChange {
  return { change: { role }, describe: `${member.name} is now ${ROLE_LABELS[role].toLowerCase()}.` }
}

export function departmentsChange(
  member: Member,
  departments: readonly Department[],
  departmentIds: string[],
): PlannedChange {
  // Leaving a department also ends leading it; otherwise the server would keep them in it.
  const leadOf = member.leadOf.filter((id) => departmentIds.includes(id))
  const what = listChange(departments, member.departmentIds, departmentIds, 'joined', 'left')
  return { change: { departmentIds, leadOf }, describe: `${member.name} ${what || 'kept the same departments'}.` }
}

export function leadsChange(member: Member, departments: readonly Department[], leadOf: string[]): PlannedChange {
  // Leading a department makes them a member of it.
  const departmentIds = [...new Set([...member.departmentIds, ...leadOf])]
  const what = listChange(departments, member.leadOf, leadOf, 'now leads', 'no longer leads')
  return { change: { leadOf, departmentIds }, describe: `${member.name} ${what || 'leads the same departments'}.` }
}
