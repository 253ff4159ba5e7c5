import { Card, Group, Stack, Text, Title } from '@mantine/core'
import { useDocumentTitle } from '@mantine/hooks'
import { canManageWorkspace } from '../../../shared/workspaces/permissions'
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../../../shared/workspaces/roles'
import { RenameWorkspaceBody } from '../../../shared/workspaces/schema'
import { useRenameWorkspace } from '../../api/workspaces'
import { formatDate } from '../../ui/format'
import { SingleFieldForm } from '../../ui/forms'
import { PageHeader } from '../../ui/PageHeader'
import { useCurrentWorkspace } from '../current'

export function GeneralSettings() {
  const { workspace } = useCurrentWorkspace()
  useDocumentTitle(`General · ${workspace.name}`)
  const rename = useRenameWorkspace(workspace.id)
  const canRename = canManageWorkspace(workspace.me)

  return (
    <>
      <PageHeader title="General" description={`Created ${formatDate(workspace.createdAt)}.`} />
      <Stack gap="lg" maw={640}>
        <Card padding="lg">
          <Title order={4} mb="md">
            Workspace name
          </Title>
          {canRename ? (
            <SingleFieldForm
              key={workspace.name}
              schema={RenameWorkspaceBody}
              field="name"
              label="Name"
              initialValue={workspace.name}
              submitLabel="Save name"
              requireChange
              onSubmit={(name) => rename.mutateAsync(name)}
            />
          ) : (
            <Stack gap={4}>
              <Text fw={600}>{workspace.name}</Text>
              <Text size="sm" c="dimmed">
                Only owners and admins can rename the workspace.
              </Text>
            </Stack>
          )}
        </Card>
        <Card padding="lg">
          <Title order={4} mb="xs">
            Your role
          </Title>
          <Group gap="xs">
            <Text fw={600}>{ROLE_LABELS[workspace.me.role]}</Text>
            <Text c="dimmed" size="sm">
              {ROLE_DESCRIPTIONS[workspace.me.role]}
            </Text>
          </Group>
        </Card>
      </Stack>
    </>
  )
}
