import { ActionIcon, Button, Group } from '@mantine/core'
import { IconCheck, IconX } from '@tabler/icons-react'
import type { Suggestion } from '../../shared/suggestions/schema'
import { useDecideSuggestion } from '../api/suggestions'

const DECISIONS = [
  { accept: true, label: 'Accept', Icon: IconCheck, color: 'teal', variant: 'light' },
  { accept: false, label: 'Reject', Icon: IconX, color: 'gray', variant: 'subtle' },
] as const

/**
 * Accept and Reject on one suggestion, each shown only to whoever may take it: labelled buttons on a
 * card, icons (named for screen readers) on the line under a field.
 */
export function SuggestionActions({
  sectionId,
  suggestion: s,
  compact = false,
}: {
  sectionId: string
  suggestion: Suggestion
  compact?: boolean
}) {
  const decide = useDecideSuggestion(sectionId)
  return (
    <Group gap={2} wrap="nowrap" display="inline-flex" ml={compact ? 4 : 0}>
      {DECISIONS.filter((d) => (d.accept ? s.abilities.accept : s.abilities.reject)).map(
        ({ accept, label, Icon, color, variant }) => {
          const props = {
            color,
            loading: decide.isPending && decide.variables?.accept === accept,
            onClick: () => decide.mutate({ id: s.id, accept }),
          }
          return compact ? (
            <ActionIcon
              key={label}
              size="xs"
              variant="subtle"
              aria-label={`${label} ${s.author.name}’s suggestion`}
              {...props}
            >
              <Icon size={12} />
            </ActionIcon>
          ) : (
            <Button key={label} size="compact-xs" variant={variant} leftSection={<Icon size={12} />} {...props}>
              {label}
            </Button>
          )
        },
      )}
    </Group>
  )
}
