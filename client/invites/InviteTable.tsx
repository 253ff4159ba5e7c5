import { Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { useState } from 'react'
import { ROLE_LABELS } from '../../shared/workspaces/roles'
import type { Invite } from '../../shared/workspaces/schema'
import { useInvites, useRevokeInvite } from '../api/invites'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { formatDate, fromNow } from '../ui/format'
import { ErrorState, PageLoader } from '../ui/states'
import { departmentNames, useCurrentWorkspace } from '../workspaces/current'

const STATUS: Record<Invite['status'], { label: string; color: string }> = {
  pending: { label: 'Pending', color: 'blue' },
  used: { label: 'Used', color: 'teal' },
  revoked: { label: 'Revoked', color: 'gray' },
  expired: { label: 'Expired', color: 'orange' },
}

function StatusBadge({ status }: { status: Invite['status'] }) {
  return (
    <Badge variant="light" color={STATUS[status].color}>
      {STATUS[status].label}
    </Badge>
  )
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** Every invite with its status; pending ones can be revoked. A list of cards on phones. */
export function InviteTable() {
  const { workspace } = useCurrentWorkspace()
  const invites = useInvites(workspace.id)
  const revoke = useRevokeInvite(workspace.id)
  const [revoking, setRevoking] = useState<Invite | null>(null)
  const memberName = (userId: string) => workspace.members.find((m) => m.userId === userId)?.name ?? 'a former member'
  const phone = useMediaQuery('(max-width: 48em)') ?? false
  const revokeButton = (invite: Invite) =>
    invite.status === 'pending' && (
      <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(invite)}>
        Revoke
      </Button>
    )

  if (invites.isPending) return <PageLoader label="Loading invites…" />
  if (invites.isError)
    return (
      <ErrorState title="Invites could not be loaded" error={invites.error} onRetry={() => void invites.refetch()} />
    )

  return (
    <Card padding={0}>
      {invites.data.length === 0 ? (
        <Text c="dimmed" size="sm" p="lg">
          No invites yet. Links you create appear here, so you can see which were used and revoke the others.
        </Text>
      ) : phone ? (
        <Stack gap={0}>
          {invites.data.map((invite, i) => (
            <Group
              key={invite.id}
              justify="space-between"
              wrap="nowrap"
              p="md"
              style={i > 0 ? { borderTop: '1px solid var(--mantine-color-gray-2)' } : undefined}
            >
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Group gap="xs">
                  <Text fw={600} size="sm">
                    {ROLE_LABELS[invite.role]}
                  </Text>
                  <StatusBadge status={invite.status} />
                </Group>
                <Text size="xs" c="dimmed">
                  {[
                    departmentNames(workspace.departments, invite.departmentIds).join(', '),
                    `by ${memberName(invite.createdBy)}`,
                    `expires ${formatDate(invite.expiresAt)}`,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Stack>
              {revokeButton(invite)}
            </Group>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Invites">
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>Role</Table.Th>
                <Table.Th>Departments</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invites.data.map((invite) => (
                <Table.Tr key={invite.id}>
                  <Table.Td fw={600}>{ROLE_LABELS[invite.role]}</Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {departmentNames(workspace.departments, invite.departmentIds).join(', ') || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{capitalize(fromNow(invite.createdAt))}</Text>
                    <Text size="xs" c="dimmed">
                      by {memberName(invite.createdBy)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDate(invite.expiresAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={invite.status} />
                  </Table.Td>
                  <Table.Td>
                    <Group justify="flex-end">{revokeButton(invite)}</Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ConfirmDialog
        opened={revoking !== null}
        title="Revoke this invite?"
        confirmLabel="Revoke invite"
        loading={revoke.isPending}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}
      >
        The link stops working at once. Whoever has it will be asked for a new one.
      </ConfirmDialog>
    </Card>
  )
}
