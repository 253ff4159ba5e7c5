import '@mantine/dates/styles.css'
import {
  ActionIcon,
  Badge,
  Button,
  EmptyState,
  Grid,
  Group,
  Paper,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core'
import { DatePickerInput } from '@mantine/dates'
import { IconChartLine, IconPlus, IconSparkles, IconTrash, IconX } from '@tabler/icons-react'
import { useState } from 'react'
import type * as Y from 'yjs'
import { CONTENT_LIMITS } from '../../shared/plan-model/schema'
import { type ItemAt, type ItemPatch, addItem, removeItem, updateItem } from '../../shared/plan-model/write'
import type { RoomConnection } from '../sync/section-connection'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { notifyError } from '../ui/notify'
import { IndicatorChart } from './IndicatorChart'
import {
  INDICATOR_LABELS,
  type Indicator,
  USUAL_INDICATORS,
  formatValue,
  indicatorName,
  latestOf,
  progressOf,
} from './indicator-math'
import { LiveNumberInput, LiveTextInput, useDocContent } from './live-fields'

const KPIS = ['kpis'] as const
/**
 * The section pane is narrower than the screen: the cards lay out by their own width (container
 * queries), not the window's. Side by side from 720px; fields in rows of three from 480px.
 */
const CARD_BREAKPOINTS = { xs: '360px', sm: '480px', md: '720px', lg: '960px', xl: '1200px' }
const INDICATOR_OPTIONS = Object.entries(INDICATOR_LABELS).map(([value, label]) => ({ value, label }))
const actualsOf = (kpiId: string) => ['kpis', kpiId, 'actuals'] as const
const longDate = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
})
const formatDay = (iso: string | null) => (iso ? longDate.format(Date.parse(`${iso}T00:00:00Z`)) : 'No date')
const today = () => new Date().toLocaleDateString('sv-SE') // YYYY-MM-DD, local

/** A change through the plan-model writers; one that fails validation is announced and changes nothing. */
function write(change: () => void, failed = 'Your change was not made') {
  try {
    change()
  } catch (error) {
    notifyError(error, failed)
  }
}

/**
 * The Indicators section (key "indicators"): plan-wide KPIs with baseline, target and dated actual
 * values, each with its chart. Everything is written live into the section's document.
 */
export default function IndicatorsEditor({ connection, editable }: { connection: RoomConnection; editable: boolean }) {
  const doc = connection.doc
  const { kpis } = useDocContent(doc, 'indicators')
  const [removing, setRemoving] = useState<Indicator | null>(null)

  const addIndicator = () =>
    write(() => addItem(doc, 'indicators', KPIS, { indicator: 'other' }), 'The indicator was not added')
  const addUsual = () =>
    write(() => {
      for (const usual of USUAL_INDICATORS) addItem(doc, 'indicators', KPIS, usual)
    }, 'The indicators were not added')

  return (
    <Stack gap="md" mb="xl" data-testid="indicators-content">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={3} fz="lg">
            Key indicators
          </Title>
          <Text size="sm" c="dimmed">
            Where each indicator started, where it should get to, and where it stands.
          </Text>
        </div>
        {editable && kpis.length > 0 && (
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={addIndicator}>
            Add indicator
          </Button>
        )}
      </Group>

      {kpis.length === 0 && (
        <Paper withBorder radius="md" p="lg">
          <EmptyState
            size="sm"
            icon={<IconChartLine size={22} />}
            variant="light"
            title="No indicators yet"
            description={
              editable
                ? 'Measure what the objectives are about: traffic and its sources, conversations, followers, conversions and return on investment.'
                : 'Nobody has set the plan’s indicators yet.'
            }
          >
            {editable && (
              <EmptyState.Actions>
                <Button size="xs" leftSection={<IconSparkles size={14} />} onClick={addUsual}>
                  Add the usual six
                </Button>
                <Button size="xs" variant="default" leftSection={<IconPlus size={14} />} onClick={addIndicator}>
                  Add one
                </Button>
              </EmptyState.Actions>
            )}
          </EmptyState>
        </Paper>
      )}

      {kpis.length > 1 && <Summary kpis={kpis} />}

      {kpis.map((kpi) => (
        <IndicatorCard key={kpi.id} doc={doc} kpi={kpi} editable={editable} onRemove={() => setRemoving(kpi)} />
      ))}

      <ConfirmDialog
        opened={removing !== null}
        title={`Remove ${removing ? indicatorName(removing) : 'this indicator'}?`}
        confirmLabel="Remove indicator"
        onClose={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) write(() => removeItem(doc, 'indicators', KPIS, removing.id), 'The indicator was not removed')
          setRemoving(null)
        }}
      >
        Its baseline, target and {removing?.actuals.length ?? 0} actual values go with it. The section's history keeps
        earlier versions.
      </ConfirmDialog>
    </Stack>
  )
}

/** Every indicator on one line each: where it stands against its target. */
function Summary({ kpis }: { kpis: readonly Indicator[] }) {
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Table verticalSpacing={8} horizontalSpacing="md" highlightOnHover aria-label="Indicators at a glance">
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th>Indicator</Table.Th>
            <Table.Th ta="right">Latest</Table.Th>
            <Table.Th w="30%" visibleFrom="sm">
              Progress
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {kpis.map((kpi) => {
            const latest = latestOf(kpi)
            const progress = progressOf(kpi)
            return (
              <Table.Tr key={kpi.id}>
                <Table.Td>
                  <Text size="sm" fw={500} lineClamp={2}>
                    {indicatorName(kpi)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatValue(kpi.baseline, kpi.unit)} → {formatValue(kpi.target, kpi.unit)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {formatValue(latest?.value ?? null, kpi.unit)}
                  {progress !== null && (
                    <Text size="xs" c="dimmed" fw={400} hiddenFrom="sm">
                      {Math.round(progress)}% of the way
                    </Text>
                  )}
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <ProgressBar kpi={kpi} />
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}

function ProgressBar({ kpi }: { kpi: Indicator }) {
  const progress = progressOf(kpi)
  if (progress === null) {
    return (
      <Text size="xs" c="dimmed">
        {kpi.baseline === null || kpi.target === null ? 'Set baseline and target' : 'No value yet'}
      </Text>
    )
  }
  const shown = Math.max(0, Math.min(100, progress))
  return (
    <Group gap={8} wrap="nowrap">
      <Progress
        value={shown}
        color={progress >= 100 ? 'teal' : progress < 0 ? 'red' : 'brand'}
        size="sm"
        style={{ flex: 1 }}
        aria-label="Progress towards the target"
      />
      <Text size="xs" c="dimmed" w={38} ta="right">
        {Math.round(progress)}%
      </Text>
    </Group>
  )
}

interface CardProps {
  doc: Y.Doc
  kpi: Indicator
  editable: boolean
  onRemove: () => void
}

function IndicatorCard({ doc, kpi, editable, onRemove }: CardProps) {
  const name = indicatorName(kpi)
  const set = (patch: ItemPatch<ItemAt<'indicators', typeof KPIS>>) =>
    write(() => updateItem(doc, 'indicators', KPIS, kpi.id, patch))
  const latest = latestOf(kpi)

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
      data-testid="indicator"
      aria-label={`Indicator: ${name}`}
    >
      {editable ? (
        <Grid gap="sm" align="flex-end" type="container" breakpoints={CARD_BREAKPOINTS}>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select
              label="Indicator"
              data={INDICATOR_OPTIONS}
              value={kpi.indicator}
              onChange={(v) => v && set({ indicator: v as Indicator['indicator'] })}
              allowDeselect={false}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 10, sm: 7 }}>
            <LiveTextInput
              label="What is measured"
              placeholder={INDICATOR_LABELS[kpi.indicator]}
              value={kpi.label}
              maxLength={CONTENT_LIMITS.shortText}
              onCommit={(label) => set({ label })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 2, sm: 1 }} style={{ display: 'flex', justifyContent: 'flex-end' }}>
            <Tooltip label="Remove indicator">
              <ActionIcon variant="subtle" color="red" size="lg" onClick={onRemove} aria-label={`Remove ${name}`}>
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Grid.Col>
          <Grid.Col span={{ base: 4, sm: 4 }}>
            <LiveTextInput
              label="Unit"
              placeholder="visits, %, €"
              value={kpi.unit}
              maxLength={CONTENT_LIMITS.shortText}
              onCommit={(unit) => set({ unit })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 4, sm: 4 }}>
            <LiveNumberInput
              label="Baseline"
              placeholder="Starting value"
              value={kpi.baseline}
              hideControls
              onCommit={(baseline) => set({ baseline })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 4, sm: 4 }}>
            <LiveNumberInput
              label="Target"
              placeholder="Value to reach"
              value={kpi.target}
              hideControls
              onCommit={(target) => set({ target })}
            />
          </Grid.Col>
        </Grid>
      ) : (
        <Group justify="space-between" align="flex-start" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Text fw={600}>{name}</Text>
            <Text size="sm" c="dimmed">
              Baseline {formatValue(kpi.baseline, kpi.unit)} · target {formatValue(kpi.target, kpi.unit)}
            </Text>
          </div>
          <Badge variant="light" color="gray">
            {INDICATOR_LABELS[kpi.indicator]}
          </Badge>
        </Group>
      )}

      <Grid gap="lg" mt="md" type="container" breakpoints={CARD_BREAKPOINTS}>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Group justify="space-between" mb={6} gap="xs">
            <Text size="sm" fw={600}>
              Actual values
            </Text>
            {latest && (
              <Text size="xs" c="dimmed">
                Latest {formatValue(latest.value, kpi.unit)}
              </Text>
            )}
          </Group>
          <ActualsTable doc={doc} kpi={kpi} editable={editable} />
          <ProgressLine kpi={kpi} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <IndicatorChart indicator={kpi} name={name} />
        </Grid.Col>
      </Grid>
    </Paper>
  )
}

function ProgressLine({ kpi }: { kpi: Indicator }) {
  if (progressOf(kpi) === null) return null
  return (
    <Stack gap={4} mt="sm">
      <Text size="xs" c="dimmed">
        From baseline to target
      </Text>
      <ProgressBar kpi={kpi} />
    </Stack>
  )
}

/** The dated actual values of one indicator, in the order they were entered. */
function ActualsTable({ doc, kpi, editable }: { doc: Y.Doc; kpi: Indicator; editable: boolean }) {
  const path = actualsOf(kpi.id)
  const add = () => {
    // The next value is usually a month after the last one; the first one is today's.
    const last = kpi.actuals.at(-1)?.date
    const next = last ? nextMonth(last) : today()
    write(() => addItem(doc, 'indicators', path, { date: next, value: null }), 'The value was not added')
  }

  if (!editable) {
    if (kpi.actuals.length === 0) {
      return (
        <Text size="sm" c="dimmed">
          No values yet.
        </Text>
      )
    }
    return (
      <Table verticalSpacing={4} fz="sm" withRowBorders>
        <Table.Tbody>
          {kpi.actuals.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td c="dimmed">{formatDay(a.date)}</Table.Td>
              <Table.Td ta="right" fw={500}>
                {formatValue(a.value, kpi.unit)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    )
  }

  return (
    <Stack gap={6}>
      {kpi.actuals.map((a) => (
        <Group key={a.id} gap={6} wrap="nowrap" data-testid="actual-value">
          <DatePickerInput
            size="xs"
            value={a.date}
            valueFormat="D MMM YYYY"
            placeholder="Date"
            firstDayOfWeek={1}
            onChange={(date) =>
              write(() => updateItem(doc, 'indicators', path, a.id, { date: typeof date === 'string' ? date : null }))
            }
            aria-label="Date"
            style={{ flex: '1 1 0', minWidth: 0 }}
          />
          <LiveNumberInput
            size="xs"
            value={a.value}
            placeholder="Value"
            rightSection={
              kpi.unit.trim() ? (
                <Text size="xs" c="dimmed" pr={6} truncate>
                  {kpi.unit.trim()}
                </Text>
              ) : undefined
            }
            rightSectionWidth={kpi.unit.trim() ? Math.min(80, 14 + kpi.unit.trim().length * 7) : undefined}
            hideControls
            onCommit={(value) => write(() => updateItem(doc, 'indicators', path, a.id, { value }))}
            aria-label="Value"
            style={{ flex: '1 1 0', minWidth: 0 }}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            onClick={() => write(() => removeItem(doc, 'indicators', path, a.id))}
            aria-label="Remove value"
          >
            <IconX size={14} />
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="subtle"
        size="compact-sm"
        leftSection={<IconPlus size={14} />}
        onClick={add}
        style={{ alignSelf: 'flex-start' }}
      >
        Add value
      </Button>
    </Stack>
  )
}

/** The same day a month later (the 31st becomes the month's last day). */
function nextMonth(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate()
  return new Date(Date.UTC(y, m, Math.min(d, lastDay))).toISOString().slice(0, 10)
}
