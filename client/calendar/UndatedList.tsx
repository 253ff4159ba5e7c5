import { Anchor, Box, Group, Paper, Stack, Text } from '@mantine/core'
import { type CalendarItem, describeItem } from './calendar-items'

const SHOWN = 20

/** What has no date yet, each opening its section: the first twenty, and how many more. */
export function UndatedList({
  items,
  openSection,
}: {
  items: CalendarItem[]
  openSection: (sectionId: string) => void
}) {
  const undated = items
  if (undated.length === 0) return null
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="sm" fw={600} mb={6}>
        Not scheduled yet ({undated.length})
      </Text>
      <Stack gap={4}>
        {undated.slice(0, SHOWN).map((item) => (
          <Group key={item.key} gap={8} wrap="nowrap">
            <Box
              w={8}
              h={8}
              style={{ borderRadius: 8, flex: 'none', background: `var(--mantine-color-${item.color}-filled)` }}
            />
            <Anchor
              component="button"
              size="sm"
              onClick={() => openSection(item.sectionId)}
              className="truncate"
              ta="left"
            >
              {describeItem(item)}
            </Anchor>
          </Group>
        ))}
        {undated.length > SHOWN && (
          <Text size="xs" c="dimmed">
            and {undated.length - SHOWN} more
          </Text>
        )}
      </Stack>
    </Paper>
  )
}
