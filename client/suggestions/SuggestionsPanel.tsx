import { Badge, Button, Group, Paper, Stack, Switch, Text } from '@mantine/core'
import { fieldPathLabel } from '../../shared/plan-model/ui-spec'
import type { SectionKind } from '../../shared/plans/catalog'
import type { Suggestion } from '../../shared/suggestions/schema'
import { useDecideAllSuggestions } from '../api/suggestions'
import { PersonAvatar } from '../comments/PersonAvatar'
import { userColor } from '../sync/user-color'
import { SuggestionActions } from './SuggestionActions'
import { useSuggestionsContext } from './SuggestionsProvider'
import './suggestions.css'

/**
 * The "Suggesting" switch and the section's pending suggestions, in its rich text and its fields, each
 * with Accept and Reject for its editors.
 */
export function SuggestionsPanel({ kind }: { kind: SectionKind }) {
  const { sectionId, list, suggesting, setSuggesting } = useSuggestionsContext()!
  const decideAll = useDecideAllSuggestions(sectionId)
  const suggestions = list?.suggestions ?? []
  const decide = list?.abilities.decide ?? false
  if (!list || (!list.abilities.suggest && suggestions.length === 0)) return null
  return (
    <Stack gap="xs" mb="sm" className="suggestions-panel">
      <Group justify="space-between" gap="xs">
        {list.abilities.suggest ? (
          <Switch
            size="sm"
            label="Suggesting"
            aria-label="Suggest changes"
            description={suggesting ? 'What you type is proposed to the section’s editors.' : undefined}
            checked={suggesting}
            onChange={(e) => setSuggesting(e.currentTarget.checked)}
          />
        ) : (
          <span />
        )}
        {decide && suggestions.length > 1 && (
          <Group gap={6}>
            <Button
              size="compact-xs"
              variant="light"
              color="teal"
              loading={decideAll.isPending && decideAll.variables === true}
              onClick={() => decideAll.mutate(true)}
            >
              Accept all
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              color="gray"
              loading={decideAll.isPending && decideAll.variables === false}
              onClick={() => decideAll.mutate(false)}
            >
              Reject all
            </Button>
          </Group>
        )}
      </Group>
      {suggestions.length > 0 && (
        <Stack gap={6} aria-label="Suggestions">
          {suggestions.map((s) => (
            <SuggestionCard key={s.id} sectionId={sectionId} kind={kind} suggestion={s} />
          ))}
        </Stack>
      )}
    </Stack>
  )
}

function SuggestionCard({
  sectionId,
  kind,
  suggestion: s,
}: {
  sectionId: string
  kind: SectionKind
  suggestion: Suggestion
}) {
  const color = userColor(s.author.id)
  return (
    <Paper
      withBorder
      radius="sm"
      px="sm"
      py={6}
      className="suggestion-card"
      style={{ borderLeftColor: color }}
      data-suggestion-id={s.id}
      aria-label={`Suggestion by ${s.author.name}`}
    >
      <Group gap="xs" wrap="nowrap" justify="space-between">
        <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
          <PersonAvatar person={s.author} size={20} />
          <Text fw={600} size="sm" truncate>
            {s.author.name}
          </Text>
          {s.outdated && (
            <Badge size="xs" color="gray" variant="light">
              Outdated
            </Badge>
          )}
        </Group>
        <SuggestionActions sectionId={sectionId} suggestion={s} />
      </Group>
      {s.target !== 'body' && (
        <Text size="xs" c="dimmed" mt={4}>
          In {fieldPathLabel(kind, s.target)}
        </Text>
      )}
      <Text size="sm" mt={4} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
        {s.deleted && (
          <del className="suggestion-card-delete" style={{ ['--suggestion-color' as string]: color }}>
            {s.deleted}
          </del>
        )}
        {s.deleted && s.inserted && ' → '}
        {s.inserted && (
          <ins className="suggestion-card-insert" style={{ ['--suggestion-color' as string]: color }}>
            {s.inserted}
          </ins>
        )}
        {s.outdated && (
          <Text span size="xs" c="dimmed">
            {' '}
            · the words it was on have changed
          </Text>
        )}
      </Text>
    </Paper>
  )
}
