import { AppShell, Box, Burger, Divider, Group } from '@mantine/core'
import type { Workspace } from '../../shared/workspaces/schema'
import { UserMenu } from '../auth/UserMenu'
import { NotificationBell } from '../notifications/NotificationBell'
import { Logo } from '../ui/Logo'
import { WorkspaceSwitcher } from '../workspaces/WorkspaceSwitcher'
import { Link } from './routing'

export interface AppHeaderProps {
  workspace: Workspace | undefined
  navOpened: boolean
  onToggleNav: () => void
}

export function AppHeader({ workspace, navOpened, onToggleNav }: AppHeaderProps) {
  return (
    <AppShell.Header px={{ base: 'sm', sm: 'lg' }}>
      <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <Burger
            opened={navOpened}
            onClick={onToggleNav}
            hiddenFrom="sm"
            size="sm"
            aria-label={navOpened ? 'Close navigation' : 'Open navigation'}
          />
          <Box component={Link} to="/" aria-label="Planroom home" style={{ display: 'flex', textDecoration: 'none' }}>
            <Box visibleFrom="sm">
              <Logo />
            </Box>
            <Box hiddenFrom="sm">
              <Logo withWordmark={false} />
            </Box>
          </Box>
          {workspace && (
            <>
              <Divider orientation="vertical" h={24} mx={4} style={{ alignSelf: 'center' }} />
              <WorkspaceSwitcher currentId={workspace.id} currentName={workspace.name} />
            </>
          )}
        </Group>
        <Group gap={4} wrap="nowrap">
          {workspace && <NotificationBell workspaceId={workspace.id} />}
          <UserMenu />
        </Group>
      </Group>
    </AppShell.Header>
  )
}
