import { Avatar, type MantineSize } from '@mantine/core'
import { userColor } from '../sync/user-color'
import { initials } from '../ui/format'

/** A person's initials in their caret colour (the same as in presence avatars). */
export function PersonAvatar({
  person,
  size = 26,
}: {
  person: { id: string; name: string } | null
  size?: MantineSize | number
}) {
  if (!person) {
    return (
      <Avatar size={size} radius="xl" color="gray" aria-hidden>
        P
      </Avatar>
    )
  }
  const color = userColor(person.id)
  return (
    <Avatar
      size={size}
      radius="xl"
      styles={{
        placeholder: {
          background: color,
          color: '#fff',
          fontSize: typeof size === 'number' ? Math.max(9, size * 0.4) : undefined,
        },
      }}
      aria-hidden
    >
      {initials(person.name)}
    </Avatar>
  )
}
