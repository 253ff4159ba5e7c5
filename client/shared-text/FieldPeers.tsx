import { Avatar, Tooltip } from '@mantine/core'
import { initials } from '../presence/PresenceAvatars'
import { type FieldPeer, useFieldPeers } from './field-presence'

/** The others in a field: their initials in their colour, at the field's top right corner. */
export function FieldPeers({ path }: { path: string }) {
  const peers = useFieldPeers(path)
  if (peers.length === 0) return null
  return (
    <Avatar.Group spacing={6} className="field-peers" data-testid="field-peers">
      {peers.slice(0, 3).map((p: FieldPeer) => (
        <Tooltip key={p.clientId} label={`${p.name} is in this field`} withArrow>
          <Avatar size={22} radius="xl" variant="filled" color={p.color} aria-label={p.name}>
            <span style={{ fontSize: 10, fontWeight: 700 }}>{initials(p.name)}</span>
          </Avatar>
        </Tooltip>
      ))}
      {peers.length > 3 && (
        <Avatar size={20} radius="xl">
          +{peers.length - 3}
        </Avatar>
      )}
    </Avatar.Group>
  )
}

/** The colour of the first other person in a field, for its outline; undefined when nobody is. */
export function usePeerColor(path: string): string | undefined {
  return useFieldPeers(path)[0]?.color
}
