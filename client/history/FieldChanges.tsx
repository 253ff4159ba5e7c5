import { Badge, Group, Table, Text } from '@mantine/core'
import { IconChevronRight } from '@tabler/icons-react'
import { Fragment } from 'react'
import type { DescribedChange } from './labels'

function Side({ text, kind }: { text: string | null; kind: 'before' | 'after' }) {
  if (text === null)
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    )
  return (
    <Text span size="sm" className={`history-value history-value-${kind}`}>
      {text}
    </Text>
  )
}

const CHANGE_BADGE = {
  added: { label: 'Added since', color: 'teal' },
  removed: { label: 'Removed since', color: 'red' },
  changed: null,
} as const

/** The structured fields that differ between the version and now: where, then and now. */
export function FieldChanges({ changes }: { changes: readonly DescribedChange[] }) {
  return (
    <Table verticalSpacing={8} horizontalSpacing="sm" layout="fixed" data-testid="history-fields">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="38%">Where</Table.Th>
          <Table.Th>In this version</Table.Th>
          <Table.Th>Now</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((c, i) => {
          const badge = CHANGE_BADGE[c.change]
          return (
            <Table.Tr key={i}>
              <Table.Td>
                <Group gap={2} wrap="wrap">
                  {c.where.map((w, j) => (
                    <Fragment key={j}>
                      {j > 0 && <IconChevronRight size={12} color="var(--mantine-color-gray-5)" />}
                      <Text
                        span
                        size="sm"
                        fw={j === c.where.length - 1 ? 600 : 400}
                        c={j === c.where.length - 1 ? undefined : 'dimmed'}
                        style={{ overflowWrap: 'anywhere' }}
                      >
                        {w}
                      </Text>
                    </Fragment>
                  ))}
                  {badge && (
                    <Badge size="xs" variant="light" color={badge.color} ml={6}>
                      {badge.label}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Side text={c.before} kind="before" />
              </Table.Td>
              <Table.Td>
                <Side text={c.after} kind="after" />
              </Table.Td>
            </Table.Tr>
          )
        })}
      </Table.Tbody>
    </Table>
  )
}
