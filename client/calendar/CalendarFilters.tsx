import { Chip, Group, Select } from '@mantine/core'
import type { useCalendarFilters } from './useCalendarFilters'

/** The networks (and deliverables) to show, as chips, and the owner department to show them for. */
export function CalendarFilters({ filters }: { filters: ReturnType<typeof useCalendarFilters> }) {
  const { sources, shownSources, showSources, departmentOptions, department, chooseDepartment } = filters
  return (
    <Group justify="space-between" align="flex-start" gap="sm">
      <Chip.Group multiple value={shownSources} onChange={showSources}>
        <Group gap={6} style={{ flex: '1 1 320px' }} aria-label="Show networks">
          {sources.map((s) => (
            <Chip key={s.value} value={s.value} color={s.color} size="xs" variant="light">
              {s.label}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {departmentOptions.length > 2 && (
        <Select
          size="xs"
          w={200}
          data={departmentOptions}
          value={department}
          onChange={chooseDepartment}
          allowDeselect={false}
          aria-label="Department"
        />
      )}
    </Group>
  )
}
