import { ActionIcon, Avatar, Badge, Card, Group, Menu, Modal, Stack, Text, Title, Tooltip } from '@mantine/core'
import { useDocumentTitle } from '@mantine/hooks'
import { IconDots, IconPencil, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { LIMITS } from '../../../shared/limits'
import { canManageDepartments } from '../../../shared/workspaces/permissions'
import { CreateDepartmentBody, type Department, RenameDepartmentBody } from '../../../shared/workspaces/schema'
import {
  useAddDepartment,
  useRefreshWorkspaceOnOpen,
  useRemoveDepartment,
  useRenameDepartment,
} from '../../api/workspaces'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { initials } from '../../ui/format'
import { SingleFieldForm } from '../../ui/forms'
import { PageHeader } from '../../ui/PageHeader'
import { useCurrentWorkspace } from '../current'

export function DepartmentsSettings() {
  const { workspace } = useCurrentWorkspace()
  useDocumentTitle(`Departments · ${workspace.name}`)
  useRefreshWorkspaceOnOpen(workspace.id)
  const canManage = canManageDepartments(workspace.me)
  const add = useAddDepartment(workspace.id)
  const rename = useRenameDepartment(workspace.id)
  const remove = useRemoveDepartment(workspace.id)
  const [renaming, setRenaming] = useState<Department | null>(null)
  const [removing, setRemoving] = useState<Department | null>(null)

  return (
    <>
      <PageHeader
        title="Departments"
        description="Each department owns its objectives in every plan, and its lead approves them. People can belong to several departments."
      />
      <Stack gap="lg" maw={760}>
        {canManage && workspace.departments.length < LIMITS.departmentsPerWorkspace && (
          <Card padding="lg">
            <SingleFieldForm
              schema={CreateDepartmentBody}
              field="name"
              label="Add a department"
              placeholder="e.g. Product, Partnerships"
              description="Every plan gets an Objectives section for it."
              submitLabel="Add department"
              onSubmit={(name) => add.mutateAsync(name)}
            />
          </Card>
        )}
        <Card padding={0}>
          {workspace.departments.length === 0 && (
            <Text c="dimmed" size="sm" p="lg">
              No departments yet.{' '}
              {canManage ? 'Add the teams that take part in your plans.' : 'An owner or admin can add them.'}
            </Text>
          )}
          {workspace.departments.map((d, i) => {
            const members = workspace.members.filter((m) => m.departmentIds.includes(d.id))
            const leads = workspace.members.filter((m) => m.leadOf.includes(d.id))
            return (
              <Group
                key={d.id}
                justify="space-between"
                wrap="nowrap"
                px="lg"
                py="md"
                style={i > 0 ? { borderTop: '1px solid var(--mantine-color-gray-2)' } : undefined}
              >
                <Stack gap={4} style={{ minWidth: 0 }}>
                  <Text fw={600} className="truncate">
                    {d.name}
                  </Text>
                  <Group gap={6}>
                    <Text size="xs" c="dimmed">
                      {members.length === 1 ? '1 member' : `${members.length} members`}
                    </Text>
                    {leads.length === 0 ? (
                      <Badge size="xs" variant="light" color="orange">
                        No lead
                      </Badge>
                    ) : (
                      leads.map((m) => (
                        <Badge
                          key={m.userId}
                          size="xs"
                          variant="light"
                          leftSection={
                            <Avatar size={12} radius="xl">
                              {initials(m.name)}
                            </Avatar>
                          }
                        >
                          Lead · {m.name}
                        </Badge>
                      ))
                    )}
                  </Group>
                </Stack>
                {canManage && (
                  <Menu position="bottom-end">
                    <Menu.Target>
                      <Tooltip label="Rename or remove">
                        <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${d.name}`}>
                          <IconDots size={18} />
                        </ActionIcon>
                      </Tooltip>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setRenaming(d)}>
                        Rename
                      </Menu.Item>
                      <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => setRemoving(d)}>
                        Remove
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                )}
              </Group>
            )
          })}
        </Card>
        {!canManage && (
          <Text size="sm" c="dimmed">
            Only owners and admins can change departments.
          </Text>
        )}
      </Stack>

      <Modal
        opened={renaming !== null}
        onClose={() => setRenaming(null)}
        title={<Title order={4}>Rename department</Title>}
      >
        {renaming && (
          <SingleFieldForm
            schema={RenameDepartmentBody}
            field="name"
            label="Name"
            initialValue={renaming.name}
            requireChange
            submitLabel="Rename"
            description="Its Objectives sections are renamed in every plan."
            onSubmit={(name) => rename.mutateAsync({ departmentId: renaming.id, name })}
            onDone={() => setRenaming(null)}
            onCancel={() => setRenaming(null)}
          />
        )}
      </Modal>

      <ConfirmDialog
        opened={removing !== null}
        title={`Remove ${removing?.name ?? 'department'}?`}
        confirmLabel="Remove department"
        loading={remove.isPending}
        onClose={() => setRemoving(null)}
        onConfirm={() =>
          removing &&
          remove.mutate({ departmentId: removing.id, name: removing.name }, { onSuccess: () => setRemoving(null) })
        }
      >
        <p style={{ margin: 0 }}>
          Its <b>Objectives</b> sections are archived in every plan: kept, but no longer shown. The other sections it
          owned become shared, and its members and lead no longer belong to it.
        </p>
      </ConfirmDialog>
    </>
  )
}
