import {
  ActionIcon,
  Avatar,
  Badge,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { type Membership, canChangeMember, canLead } from '../../shared/workspaces/permissions'
import { ROLE_LABELS, ROLES } from '../../shared/workspaces/roles'
import type { Department, Member } from '../../shared/workspaces/schema'
import { initials } from '../ui/format'
import { departmentNames } from '../workspaces/current'
import { type PlannedChange, departmentsChange, leadsChange, roleChange } from './member-changes'

export interface MemberItemProps {
  member: Member
  isMe: boolean
  /** The viewer's own membership: decides which controls appear, with the shared permission rules. */
  viewer: Membership
  departments: readonly Department[]
  busy: boolean
  /** A table row on wide screens, a card on phones: same controls, same rules. */
  layout: 'row' | 'card'
  onChange: (planned: PlannedChange) => void
  onRemove: () => void
}

function NameCell({ member, isMe, maxWidth }: { member: Member; isMe: boolean; maxWidth?: number }) {
  return (
    <Group gap="sm" wrap="nowrap" maw={maxWidth} style={{ minWidth: 0 }}>
      <Avatar color="brand" radius="xl" size={36}>
        {initials(member.name)}
      </Avatar>
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text size="sm" fw={600} className="truncate">
          {member.name}
          {isMe && (
            <Text span size="xs" c="dimmed" fw={500}>
              {' '}
              (you)
            </Text>
          )}
        </Text>
        <Text size="xs" c="dimmed" className="truncate">
          {member.email}
        </Text>
      </Stack>
    </Group>
  )
}

function BadgeList({ names, empty, lead }: { names: string[]; empty: string; lead?: boolean }) {
  if (names.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        {empty}
      </Text>
    )
  }
  return (
    <Group gap={4}>
      {names.map((n) => (
        <Badge key={n} size="sm" variant={lead ? 'filled' : 'light'} color={lead ? 'brand' : 'gray'}>
          {lead ? `Lead · ${n}` : n}
        </Badge>
      ))}
    </Group>
  )
}

/** Anyone may leave; only those who may change a member may remove them. */
function RemoveButton({ name, isMe, onClick }: { name: string; isMe: boolean; onClick: () => void }) {
  const label = isMe ? 'Leave the workspace' : `Remove ${name}`
  return (
    <Tooltip label={label}>
      <ActionIcon variant="subtle" color="red" onClick={onClick} aria-label={label}>
        <IconTrash size={18} />
      </ActionIcon>
    </Tooltip>
  )
}

/** One member: read-only badges, or the controls the viewer is allowed to use on this person. */
export function MemberItem({ member, isMe, viewer, departments, busy, layout, onChange, onRemove }: MemberItemProps) {
  const editable = canChangeMember(viewer, member)
  const mayLead = canLead(member.role)
  const departmentOptions = departments.map((d) => ({ value: d.id, label: d.name }))
  const card = layout === 'card'
  // In a card each control carries its visible label; in the table the column header does.
  const labelled = (label: string, aria: string) => (card ? { label } : { 'aria-label': aria })

  // Long emails truncate in the table rather than push the controls out of view.
  const name = <NameCell member={member} isMe={isMe} maxWidth={card ? undefined : 240} />
  const role = editable ? (
    <Select
      {...labelled('Role', `Role of ${member.name}`)}
      size="xs"
      w={card ? undefined : 120}
      allowDeselect={false}
      disabled={busy}
      value={member.role}
      data={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r], disabled: !canChangeMember(viewer, member, r) }))}
      onChange={(value) => value && value !== member.role && onChange(roleChange(member, value))}
    />
  ) : (
    <Badge variant="light" color={member.role === 'owner' ? 'brand' : 'gray'}>
      {ROLE_LABELS[member.role]}
    </Badge>
  )
  const memberOf = editable ? (
    <MultiSelect
      {...labelled('Departments', `Departments of ${member.name}`)}
      size="xs"
      miw={card ? undefined : 170}
      placeholder={member.departmentIds.length ? undefined : 'No department'}
      disabled={busy}
      value={member.departmentIds}
      data={departmentOptions}
      onChange={(ids) => onChange(departmentsChange(member, departments, ids))}
    />
  ) : (
    <BadgeList names={departmentNames(departments, member.departmentIds)} empty="No department" />
  )
  const leads = editable ? (
    <Tooltip label="Only editors, admins and owners can lead a department." disabled={mayLead}>
      <div>
        <MultiSelect
          {...labelled('Leads', `Departments ${member.name} leads`)}
          size="xs"
          miw={card ? undefined : 170}
          placeholder={member.leadOf.length ? undefined : mayLead ? 'Leads none' : 'Editors and above'}
          disabled={busy || !mayLead}
          value={member.leadOf}
          data={departmentOptions}
          onChange={(ids) => onChange(leadsChange(member, departments, ids))}
        />
      </div>
    </Tooltip>
  ) : (
    <BadgeList names={departmentNames(departments, member.leadOf)} empty={card ? 'Leads no department' : '—'} lead />
  )
  const action = (editable || isMe) && <RemoveButton name={member.name} isMe={isMe} onClick={onRemove} />

  if (!card) {
    return (
      <Table.Tr>
        <Table.Td>{name}</Table.Td>
        <Table.Td>{role}</Table.Td>
        <Table.Td>{memberOf}</Table.Td>
        <Table.Td>{leads}</Table.Td>
        <Table.Td>{action}</Table.Td>
      </Table.Tr>
    )
  }
  return (
    <Paper withBorder p="md" radius="md" role="group" aria-label={member.name}>
      <Group justify="space-between" wrap="nowrap" mb="sm">
        {name}
        {action}
      </Group>
      <Stack gap="xs">
        {editable ? role : <Labelled label="Role">{role}</Labelled>}
        {editable ? memberOf : <Labelled label="Departments">{memberOf}</Labelled>}
        {editable ? leads : <Labelled label="Leads">{leads}</Labelled>}
      </Stack>
    </Paper>
  )
}

function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="center">
      <Text size="xs" c="dimmed" fw={600} w={84} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      {children}
    </Group>
  )
}
