import { AppShell, NavLink, ScrollArea, Stack, Text } from '@mantine/core'
import { IconBell, IconBuildingCommunity, IconMail, IconMailPlus, IconSettings, IconUsers } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useLocation } from 'wouter'
import { PlanNavList } from '../plans/PlanNavList'
import { useCurrentWorkspace } from '../workspaces/current'
import { YourAccess } from './YourAccess'
import { Link } from './routing'

function SidebarHeading({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <Stack gap={0} px="xs" mb={6}>
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', minHeight: 28 }}>
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.06em' }}>
          {children}
        </Text>
        {action}
      </div>
    </Stack>
  )
}

/** The workspace's plans, then its settings, then who the person is here. */
export function Sidebar() {
  const { workspace } = useCurrentWorkspace()
  const [pathname] = useLocation()
  const base = `/w/${workspace.id}/settings`
  const settings = [
    { to: `${base}/general`, label: 'General', icon: IconSettings, show: true },
    { to: `${base}/departments`, label: 'Departments', icon: IconBuildingCommunity, show: true },
    { to: `${base}/members`, label: 'Members', icon: IconUsers, show: true },
    // Only those who may invite can see invites (the API refuses the list to everyone else).
    { to: `${base}/invites`, label: 'Invites', icon: IconMailPlus, show: workspace.abilities.invite },
    { to: `${base}/notification-mail`, label: 'Notification mail', icon: IconBell, show: true },
    { to: `${base}/mail-outbox`, label: 'Mail outbox', icon: IconMail, show: workspace.abilities.invite },
  ]

  return (
    <AppShell.Navbar p="sm" aria-label="Workspace navigation">
      <AppShell.Section grow component={ScrollArea} mx="-sm" px="sm">
        <PlanNavList heading={SidebarHeading} />
        <SidebarHeading>Settings</SidebarHeading>
        {settings
          .filter((s) => s.show)
          .map((s) => (
            <NavLink
              key={s.to}
              component={Link}
              to={s.to}
              label={s.label}
              leftSection={<s.icon size={18} stroke={1.6} />}
              active={pathname === s.to}
              style={{ borderRadius: 8 }}
            />
          ))}
      </AppShell.Section>
      <AppShell.Section pt="sm">
        <YourAccess />
      </AppShell.Section>
    </AppShell.Navbar>
  )
}
