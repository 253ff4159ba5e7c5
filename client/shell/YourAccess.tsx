import { Badge, Group, Paper, Text } from '@mantine/core'
import { ROLE_LABELS } from '../../shared/workspaces/roles'
import { departmentNames, useCurrentWorkspace } from '../workspaces/current'

/** The person's own role, departments and leads here: it explains what they can and cannot edit. */
export function YourAccess() {
  const { workspace } = useCurrentWorkspace()
  const { me, departments } = workspace
  const leads = departmentNames(departments, me.leadOf)
  const memberOf = departmentNames(
    departments,
    me.departmentIds.filter((id) => !me.leadOf.includes(id)),
  )

  return (
    <Paper withBorder radius="md" p="sm" bg="gray.0" aria-label="Your access">
      <Group justify="space-between" gap={6} mb={leads.length + memberOf.length ? 6 : 0}>
        <Text size="xs" c="dimmed" fw={600}>
          Your role
        </Text>
        <Badge variant="light" size="sm">
          {ROLE_LABELS[me.role]}
        </Badge>
      </Group>
      {(leads.length > 0 || memberOf.length > 0) && (
        <Group gap={4}>
          {leads.map((name) => (
            <Badge key={name} variant="filled" size="sm" color="brand">
              Lead · {name}
            </Badge>
          ))}
          {memberOf.map((name) => (
            <Badge key={name} variant="outline" size="sm" color="gray">
              {name}
            </Badge>
          ))}
        </Group>
      )}
    </Paper>
  )
}
