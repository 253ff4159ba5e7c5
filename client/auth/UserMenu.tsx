import { Avatar, Menu, Text, UnstyledButton } from '@mantine/core'
import { IconLogout } from '@tabler/icons-react'
import { useLocation } from 'wouter'
import { useMe, useSignOut } from '../api/auth'
import { initials } from '../ui/format'

/** Who is signed in, and the way out. */
export function UserMenu() {
  const me = useMe().data
  const signOut = useSignOut()
  const [, navigate] = useLocation()
  if (!me) return null
  // A plain sign-in page afterwards: the next person to sign in here should not land in this workspace.
  const leave = () => signOut.mutate(undefined, { onSuccess: () => navigate('/signin', { replace: true }) })
  return (
    <Menu position="bottom-end" width={240}>
      <Menu.Target>
        <UnstyledButton aria-label={`Account: ${me.name}`}>
          <Avatar color="brand" variant="filled" radius="xl" size={34} aria-hidden>
            {initials(me.name)}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Signed in as</Menu.Label>
        <div style={{ padding: '0 12px 8px' }}>
          <Text size="sm" fw={600} className="truncate">
            {me.name}
          </Text>
          <Text size="xs" c="dimmed" className="truncate">
            {me.email}
          </Text>
        </div>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={leave} disabled={signOut.isPending}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
