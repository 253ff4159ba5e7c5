import { Button, Card, Stack, Table, Text, VisuallyHidden } from '@mantine/core'
import { useDocumentTitle, useMediaQuery } from '@mantine/hooks'
import { IconMailPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useLocation } from 'wouter'
import type { Member } from '../../shared/workspaces/schema'
import { useMe } from '../api/auth'
import { useRefreshWorkspaceOnOpen, useRemoveMember, useUpdateMember } from '../api/workspaces'
import { Link } from '../shell/routing'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { PageHeader } from '../ui/PageHeader'
import { useCurrentWorkspace } from '../workspaces/current'
import { MemberItem } from './MemberItem'

export function MembersPage() {
  const { workspace } = useCurrentWorkspace()
  useDocumentTitle(`Members · ${workspace.name}`)
  useRefreshWorkspaceOnOpen(workspace.id)
  const me = useMe().data
  const update = useUpdateMember(workspace.id)
  const remove = useRemoveMember(workspace.id)
  const [, navigate] = useLocation()
  const [removing, setRemoving] = useState<Member | null>(null)
  const leaving = removing?.userId === me?.id
  const phone = useMediaQuery('(max-width: 48em)') ?? false

  const item = (member: Member, layout: 'row' | 'card') => (
    <MemberItem
      key={member.userId}
      layout={layout}
      member={member}
      isMe={member.userId === me?.id}
      viewer={workspace.me}
      departments={workspace.departments}
      busy={update.isPending && update.variables?.userId === member.userId}
      onChange={(planned) => update.mutate({ userId: member.userId, ...planned })}
      onRemove={() => setRemoving(member)}
    />
  )

  return (
    <>
      <PageHeader
        title="Members"
        description={
          workspace.abilities.manageMembers
            ? 'Roles decide what each person can do; departments decide which sections editors can change; leads approve their department’s objectives.'
            : 'Who is in this workspace. Only owners and admins can change roles, departments and leads.'
        }
        actions={
          workspace.abilities.invite && (
            <Button
              component={Link}
              to={`/w/${workspace.id}/settings/invites`}
              leftSection={<IconMailPlus size={16} />}
            >
              Invite people
            </Button>
          )
        }
      />
      {phone ? (
        <Stack gap="sm" aria-label="Members">
          {workspace.members.map((member) => item(member, 'card'))}
        </Stack>
      ) : (
        <Card padding={0}>
          <Table.ScrollContainer minWidth={820}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label="Members">
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>Member</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Departments</Table.Th>
                  <Table.Th>Leads</Table.Th>
                  <Table.Th w={48}>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>{workspace.members.map((member) => item(member, 'row'))}</Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <Text size="xs" c="dimmed" mt="sm">
        {workspace.members.length} {workspace.members.length === 1 ? 'member' : 'members'}
      </Text>

      <ConfirmDialog
        opened={removing !== null}
        title={leaving ? `Leave ${workspace.name}?` : `Remove ${removing?.name ?? 'member'}?`}
        confirmLabel={leaving ? 'Leave workspace' : 'Remove member'}
        loading={remove.isPending}
        onClose={() => setRemoving(null)}
        onConfirm={() =>
          removing &&
          remove.mutate(
            {
              userId: removing.userId,
              leaving,
              describe: leaving
                ? `You left ${workspace.name}.`
                : `${removing.name} was removed from ${workspace.name}.`,
            },
            {
              onSuccess: () => {
                setRemoving(null)
                if (leaving) navigate('/')
              },
            },
          )
        }
      >
        {leaving
          ? 'You lose access to every plan in this workspace at once. Someone will have to invite you again.'
          : `${removing?.name ?? 'They'} loses access to every plan in ${workspace.name} at once. What they wrote stays in the plans.`}
      </ConfirmDialog>
    </>
  )
}
