import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core'
import { IconBookmark, IconHistory, IconRestore } from '@tabler/icons-react'
import type { Version } from '../../shared/history/schema'
import { dayLabel, versionTitle } from './labels'

const time = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' })

const ICONS = {
  named: <IconBookmark size={15} color="var(--mantine-color-indigo-6)" />,
  restore: <IconRestore size={15} color="var(--mantine-color-grape-6)" />,
  auto: <IconHistory size={15} color="var(--mantine-color-gray-5)" />,
}

/** A section's versions, newest first, under day headings; named ones stand out. */
export function VersionList({
  versions,
  selected,
  onSelect,
}: {
  versions: readonly Version[]
  selected: string | null
  onSelect: (id: string) => void
}) {
  const days: { label: string; versions: Version[] }[] = []
  for (const v of versions) {
    const label = dayLabel(v.createdAt)
    if (days.at(-1)?.label !== label) days.push({ label, versions: [] })
    days.at(-1)!.versions.push(v)
  }
  return (
    <Stack gap="sm" data-testid="history-list">
      {days.map((day) => (
        <div key={day.label}>
          <Text size="xs" fw={650} c="dimmed" tt="uppercase" px="xs" mb={4} style={{ letterSpacing: '0.05em' }}>
            {day.label}
          </Text>
          <Stack gap={2}>
            {day.versions.map((v) => (
              <UnstyledButton
                key={v.id}
                className="history-item"
                data-selected={v.id === selected || undefined}
                data-kind={v.kind}
                data-testid="history-item"
                onClick={() => onSelect(v.id)}
                aria-current={v.id === selected ? 'true' : undefined}
              >
                <Group gap={8} wrap="nowrap" align="flex-start">
                  <span style={{ marginTop: 2, flexShrink: 0 }}>{ICONS[v.kind]}</span>
                  <div style={{ minWidth: 0, flex: 1 }}>
                    <Text
                      size="sm"
                      fw={v.kind === 'auto' ? 500 : 650}
                      lineClamp={2}
                      style={{ overflowWrap: 'anywhere' }}
                    >
                      {versionTitle(v)}
                    </Text>
                    <Text size="xs" c="dimmed" truncate>
                      {time.format(v.createdAt)} · {v.createdBy?.name ?? 'Automatic'}
                    </Text>
                  </div>
                  {v.planVersionId && (
                    <Badge size="xs" variant="light" color="indigo" style={{ flexShrink: 0 }}>
                      Plan
                    </Badge>
                  )}
                </Group>
              </UnstyledButton>
            ))}
          </Stack>
        </div>
      ))}
    </Stack>
  )
}
