import { Badge, Group, Paper, Stack, Table, Text } from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import type { CanonicalObjective } from '../../shared/approvals/canonical'
import type { Plan } from '../../shared/plans/schema'
import type { Member } from '../../shared/workspaces/schema'
import { formatDate, formatNumber } from '../ui/format'

const FIELD_LABELS: Record<string, string> = {
  statement: 'Statement',
  metric: 'Metric',
  unit: 'Unit',
  baseline: 'Baseline',
  target: 'Target',
  deadline: 'Deadline',
  owner: 'Owner',
  networkIds: 'Networks',
}

/** One change as the API sends it (shared/approvals/diff.ts). */
export interface ObjectiveChange {
  objectiveId: string
  change: 'added' | 'removed' | 'changed'
  field: string | null
  before?: unknown
  after?: unknown
}

interface Names {
  network: (id: string) => string
  person: (ref: string) => string
}

function formatValue(field: string, value: unknown, names: Names): string | null {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return null
  if (field === 'networkIds' && Array.isArray(value)) return value.map((id) => names.network(String(id))).join(', ')
  if (field === 'owner' && typeof value === 'string') return names.person(value)
  if (field === 'deadline' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return formatDate(new Date(`${value}T12:00:00`).getTime())
  if (typeof value === 'number') return formatNumber(value)
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** An added or removed objective in one line: its statement and what it measures. */
function summarizeObjective(value: unknown, names: Names): string {
  const o = (value ?? {}) as Partial<CanonicalObjective>
  const measure = [
    o.metric,
    o.target !== null && o.target !== undefined
      ? `target ${formatValue('target', o.target, names)}${o.unit ? ` ${o.unit}` : ''}`
      : null,
  ]
    .filter(Boolean)
    .join(', ')
  return [o.statement?.trim() || 'An objective without a statement', measure && `(${measure})`]
    .filter(Boolean)
    .join(' ')
}

function Value({ text }: { text: string | null }) {
  return text === null ? (
    <Text span size="sm" c="dimmed">
      —
    </Text>
  ) : (
    <Text span size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
      {text}
    </Text>
  )
}

export interface ChangesTableProps {
  changes: readonly ObjectiveChange[]
  /** The objectives as decided on, to name each changed objective by its statement then. */
  snapshot: readonly CanonicalObjective[] | null
  plan: Plan
  members: readonly Member[]
}

/** What changed since a decision, field by field: objective, field, before → after. */
export function ChangesTable({ changes, snapshot, plan, members }: ChangesTableProps) {
  const names: Names = {
    network: (id) => plan.sections.find((s) => s.id === id)?.title ?? 'a removed network',
    person: (ref) => members.find((m) => m.userId === ref)?.name ?? ref,
  }
  const objectiveName = (c: ObjectiveChange) => {
    const before = snapshot?.find((o) => o.id === c.objectiveId)?.statement
    const after = c.change === 'added' ? (c.after as Partial<CanonicalObjective> | null)?.statement : undefined
    return (before || after || '').trim() || 'Untitled objective'
  }
  const phone = useMediaQuery('(max-width: 40em)') ?? false
  const beforeOf = (c: ObjectiveChange) =>
    c.field
      ? formatValue(c.field, c.before, names)
      : c.change === 'removed'
        ? summarizeObjective(c.before, names)
        : null
  const afterOf = (c: ObjectiveChange) =>
    c.field ? formatValue(c.field, c.after, names) : c.change === 'added' ? summarizeObjective(c.after, names) : null
  const fieldOf = (c: ObjectiveChange) =>
    c.field ? (
      (FIELD_LABELS[c.field] ?? c.field)
    ) : (
      <Badge size="sm" variant="light" color={c.change === 'added' ? 'teal' : 'red'}>
        {c.change === 'added' ? 'Added' : 'Removed'}
      </Badge>
    )

  if (phone) {
    // On a phone, one small card per change reads better than a table to scroll sideways.
    return (
      <Stack gap={6} data-testid="approval-changes">
        {changes.map((c, i) => (
          <Paper
            key={`${c.objectiveId}-${c.field ?? c.change}-${i}`}
            withBorder
            radius="sm"
            p="xs"
            data-testid="approval-change"
          >
            <Text size="sm" fw={600} lineClamp={2}>
              {objectiveName(c)}
            </Text>
            <Group gap={6} mt={4} align="baseline">
              <Text size="sm" c="dimmed" component="div">
                {fieldOf(c)}
              </Text>
              <Text size="sm" td={c.change === 'added' ? undefined : 'line-through'} c="dimmed" component="div">
                <Value text={beforeOf(c)} />
              </Text>
              <Text size="sm" c="dimmed">
                →
              </Text>
              <Value text={afterOf(c)} />
            </Group>
          </Paper>
        ))}
      </Stack>
    )
  }
  return (
    <Table.ScrollContainer minWidth={520} type="native">
      <Table
        verticalSpacing={6}
        horizontalSpacing="sm"
        withTableBorder
        striped="even"
        fz="sm"
        data-testid="approval-changes"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="28%">Objective</Table.Th>
            <Table.Th w="14%">Field</Table.Th>
            <Table.Th>Before</Table.Th>
            <Table.Th>After</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changes.map((c, i) => (
            <Table.Tr key={`${c.objectiveId}-${c.field ?? c.change}-${i}`} data-testid="approval-change">
              <Table.Td>
                <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                  {objectiveName(c)}
                </Text>
              </Table.Td>
              <Table.Td>{fieldOf(c)}</Table.Td>
              <Table.Td>
                <Value text={beforeOf(c)} />
              </Table.Td>
              <Table.Td>
                <Value text={afterOf(c)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
