import { Group, Menu, Text, UnstyledButton } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconCheck, IconPlus, IconSelector } from '@tabler/icons-react'
import { useLocation } from 'wouter'
import { ROLE_LABELS } from '../../shared/workspaces/roles'
import { useWorkspaceList } from '../api/workspaces'
import { lazyWhenOpened } from '../ui/lazy-when-opened'

const CreateWorkspaceModal = lazyWhenOpened(() => import('./CreateWorkspaceModal').then((m) => m.CreateWorkspaceModal))

/** The header's workspace name, which opens the list of the person's workspaces. */
export function WorkspaceSwitcher({ currentId, currentName }: { currentId: string; currentName: string }) {
  const list = useWorkspaceList()
  const [, navigate] = useLocation()
  const [creating, createModal] = useDisclosure(false)

  return (
    <>
      <Menu position="bottom-start" width={280}>
        <Menu.Target>
          <UnstyledButton
            aria-label={`Workspace: ${currentName}. Switch workspace`}
            px={8}
            py={6}
            style={{ borderRadius: 8, minWidth: 0 }}
          >
            <Group gap={6} wrap="nowrap">
              <Text fw={600} size="sm" className="truncate" maw={{ base: 150, sm: 260 }}>
                {currentName}
              </Text>
              <IconSelector size={16} color="var(--mantine-color-gray-6)" style={{ flexShrink: 0 }} />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Your workspaces</Menu.Label>
          {(list.data ?? []).map((w) => (
            <Menu.Item
              key={w.id}
              onClick={() => navigate(`/w/${w.id}`)}
              leftSection={
                w.id === currentId ? <IconCheck size={16} /> : <span style={{ width: 16, display: 'inline-block' }} />
              }
              rightSection={
                <Text size="xs" c="dimmed">
                  {ROLE_LABELS[w.role]}
                </Text>
              }
            >
              <Text size="sm" className="truncate" maw={170}>
                {w.name}
              </Text>
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconPlus size={16} />} onClick={createModal.open}>
            Create workspace
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <CreateWorkspaceModal opened={creating} onClose={createModal.close} />
    </>
  )
}
