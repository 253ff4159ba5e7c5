import { Avatar, Tooltip } from '@mantine/core'
import { startsWithLetter } from '../ui/format'
import { type PresentPerson, distinctPeople } from './usePlanPresence'

/** Up to two initials of a name, as avatars show it. */
export const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(startsWithLetter)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('')

/** Stacked avatars of the people present, each in their caret colour. */
export function PresenceAvatars({
  people,
  size = 'sm',
  max = 5,
}: {
  people: PresentPerson[]
  size?: 'xs' | 'sm' | 'md' | number
  max?: number
}) {
  const distinct = distinctPeople(people)
  if (distinct.length === 0) return null
  const shown = distinct.slice(0, max)
  return (
    <Tooltip.Group openDelay={200}>
      <Avatar.Group
        spacing={typeof size === 'number' || size === 'xs' ? 6 : 'sm'}
        aria-label={`${distinct.length} ${distinct.length === 1 ? 'person' : 'people'} here`}
      >
        {shown.map((p) => (
          <Tooltip key={p.userId} label={p.isMe ? `${p.name} (you)` : p.name} withArrow>
            <Avatar
              size={size}
              radius="xl"
              color={p.color}
              styles={{ placeholder: { background: p.color, color: '#fff' } }}
              data-testid="presence-avatar"
            >
              {initials(p.name)}
            </Avatar>
          </Tooltip>
        ))}
        {distinct.length > max && (
          <Avatar size={size} radius="xl">
            +{distinct.length - max}
          </Avatar>
        )}
      </Avatar.Group>
    </Tooltip.Group>
  )
}
