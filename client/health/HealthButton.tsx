import {
  Alert,
  Badge,
  Button,
  Drawer,
  EmptyState,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  ThemeIcon,
  Title,
  UnstyledButton,
} from '@mantine/core'
import { useDisclosure, useMediaQuery } from '@mantine/hooks'
import {
  IconAlertTriangle,
  IconArrowRight,
  IconCircleCheck,
  IconCircleX,
  IconInfoCircle,
  IconStethoscope,
} from '@tabler/icons-react'
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react'
import { HEALTH_RULES } from '../../shared/health/check'
import type { Finding, Severity } from '../../shared/health/schema'
import { STEP_TITLES } from '../../shared/plans/catalog'
import type { Section } from '../../shared/plans/schema'
import { errorMessage } from '../api/errors'
import type { PlanViewProps } from '../plans/plan-views'
import { type Fallback, focusPath } from '../structured/focus-path'
import './health.css'
import { usePlanHealth } from './use-plan-health'

const SEVERITY: Record<Severity, { color: string; icon: ReactNode; label: string }> = {
  error: { color: 'red', icon: <IconCircleX size={16} />, label: 'Must fix' },
  warning: { color: 'orange', icon: <IconAlertTriangle size={15} />, label: 'Should fix' },
  info: { color: 'blue', icon: <IconInfoCircle size={16} />, label: 'Tip' },
}
const SOURCES = new Map(HEALTH_RULES.map((r) => [r.id, r.source]))

type Filter = 'all' | Severity

/**
 * The live health panel: a header button with what is left to fix, and a drawer that lists the
 * findings section by section, each leading to the field to fix.
 */
export function HealthButton({ plan, me, openSection, compact = false }: PlanViewProps & { compact?: boolean }) {
  const health = usePlanHealth(plan, me)
  const [opened, { open, close }] = useDisclosure(false)
  const narrow = useMediaQuery('(max-width: 36em)') ?? false
  const findings = health.data ?? []
  const errors = findings.filter((f) => f.severity === 'error').length
  const warnings = findings.filter((f) => f.severity === 'warning').length
  const color = errors > 0 ? 'red' : warnings > 0 ? 'orange' : findings.length > 0 ? 'blue' : 'teal'
  const stopFocus = useRef<() => void>(() => {})
  useEffect(() => () => stopFocus.current(), [])

  const fix = (finding: Finding) => {
    const section = plan.sections.find((s) => s.id === finding.sectionId)
    if (!section) return
    close()
    openSection(section.id)
    stopFocus.current()
    stopFocus.current = focusPath(section.id, finding.path, () => sectionPlace(section))
  }

  const badge = health.isPending ? (
    <Loader size={12} />
  ) : health.isError ? (
    <Badge color="gray" variant="light" size="sm">
      ?
    </Badge>
  ) : (
    <Badge color={color} variant={findings.length > 0 ? 'filled' : 'light'} size="sm" data-testid="health-count">
      {findings.length > 0 ? (compact ? findings.length : `${findings.length} to fix`) : 'All good'}
    </Badge>
  )

  return (
    <>
      {/* On phones the count alone, beside the icon: its name still says what it is. */}
      <Button
        variant="default"
        size={compact ? 'compact-sm' : 'sm'}
        h={compact ? 30 : undefined}
        leftSection={<IconStethoscope size={16} stroke={1.7} />}
        rightSection={compact ? undefined : badge}
        onClick={open}
        data-testid="health-button"
        style={compact ? { flexShrink: 0 } : undefined}
        aria-label={compact ? `Health: ${findings.length > 0 ? `${findings.length} to fix` : 'all good'}` : undefined}
      >
        {compact ? badge : 'Health'}
      </Button>
      <Drawer
        opened={opened}
        onClose={close}
        position="right"
        size={narrow ? '100%' : 460}
        title={
          <Group gap="xs">
            <IconStethoscope size={20} stroke={1.7} />
            <Title order={3} fz="lg">
              Plan health
            </Title>
          </Group>
        }
        data-testid="health-panel"
      >
        <HealthPanel
          plan={plan.sections}
          findings={findings}
          state={health}
          errors={errors}
          warnings={warnings}
          onFix={fix}
        />
      </Drawer>
    </>
  )
}

/** Where a finding about the whole section leads: the text to write (Guidelines), else the section's top. */
function sectionPlace(section: Section): Fallback | null {
  const pane = document.querySelector<HTMLElement>(`[aria-label="Section: ${CSS.escape(section.title)}"]`)
  if (!pane) return null
  const prose =
    section.kind === 'guidelines' ? pane.querySelector<HTMLElement>('.planroom-prose[contenteditable="true"]') : null
  return prose ? { el: prose, focus: true } : { el: pane, focus: false }
}

interface PanelProps {
  plan: Section[]
  findings: Finding[]
  state: { isPending: boolean; isError: boolean; error: unknown; isFetching: boolean; refetch: () => unknown }
  errors: number
  warnings: number
  onFix: (finding: Finding) => void
}

function HealthPanel({ plan: sections, findings, state, errors, warnings, onFix }: PanelProps) {
  const [filter, setFilter] = useState<Filter>('all')
  const tips = findings.length - errors - warnings
  const shown = filter === 'all' ? findings : findings.filter((f) => f.severity === filter)
  const groups = useMemo(() => {
    const out = new Map<string | null, Finding[]>()
    for (const f of shown) {
      if (!out.has(f.sectionId)) out.set(f.sectionId, [])
      out.get(f.sectionId)!.push(f)
    }
    return [...out]
  }, [shown])

  if (state.isPending) {
    return (
      <Group gap="sm" py="xl" justify="center">
        <Loader size="sm" />
        <Text size="sm" c="dimmed">
          Reading the plan…
        </Text>
      </Group>
    )
  }
  if (state.isError) {
    return (
      <Alert color="red" variant="light" title="The health check could not run" icon={<IconAlertTriangle size={16} />}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{errorMessage(state.error)}</Text>
          <Button size="xs" variant="light" color="red" onClick={() => state.refetch()}>
            Try again
          </Button>
        </Stack>
      </Alert>
    )
  }

  return (
    <Stack gap="md" data-testid="health-findings">
      <Text size="sm" c="dimmed">
        The plan checked against the method’s advice, updated live as everyone writes.
      </Text>
      {findings.length === 0 ? (
        <EmptyState
          icon={<IconCircleCheck size={28} />}
          variant="light"
          color="teal"
          title="Nothing to fix"
          description="The plan follows the method’s advice so far. New gaps show here as soon as someone makes one."
          py="xl"
        />
      ) : (
        <>
          <SegmentedControl
            size="xs"
            fullWidth
            value={filter}
            onChange={(v) => setFilter(v)}
            data={[
              { value: 'all', label: `All ${findings.length}` },
              { value: 'error', label: `Must fix ${errors}`, disabled: errors === 0 },
              { value: 'warning', label: `Should fix ${warnings}`, disabled: warnings === 0 },
              { value: 'info', label: `Tips ${tips}`, disabled: tips === 0 },
            ]}
            aria-label="Show findings"
          />
          {groups.map(([sectionId, list]) => (
            <SectionGroup
              key={sectionId ?? 'missing'}
              section={sections.find((s) => s.id === sectionId) ?? null}
              findings={list}
              onFix={onFix}
            />
          ))}
        </>
      )}
    </Stack>
  )
}

function SectionGroup({
  section,
  findings,
  onFix,
}: {
  section: Section | null
  findings: Finding[]
  onFix: (f: Finding) => void
}) {
  return (
    <Stack gap={6} data-testid="health-group">
      <div>
        <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.04em' }}>
          {section
            ? `Step ${section.step} · ${STEP_TITLES[section.step as keyof typeof STEP_TITLES]}`
            : 'Missing from the plan'}
        </Text>
        <Text fw={600} size="sm">
          {section?.title ?? 'Sections the plan does not have'}
        </Text>
      </div>
      <Paper withBorder radius="md">
        {findings.map((f, i) => (
          <FindingRow
            key={`${f.rule}:${f.path.join('.')}:${i}`}
            finding={f}
            section={section}
            onFix={onFix}
            first={i === 0}
          />
        ))}
      </Paper>
    </Stack>
  )
}

function FindingRow({
  finding,
  section,
  onFix,
  first,
}: {
  finding: Finding
  section: Section | null
  onFix: (f: Finding) => void
  first: boolean
}) {
  const severity = SEVERITY[finding.severity]
  const source = SOURCES.get(finding.rule)
  const action = section?.abilities.edit ? 'Fix' : 'Show'
  const content = (
    <Group gap="sm" wrap="nowrap" align="flex-start" p="sm">
      <ThemeIcon
        size={24}
        radius="xl"
        variant="light"
        color={severity.color}
        aria-label={severity.label}
        style={{ flexShrink: 0 }}
      >
        {severity.icon}
      </ThemeIcon>
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Text size="sm" lh={1.45}>
          {finding.message}
        </Text>
        {source && (
          <Text size="xs" c="dimmed" lh={1.4}>
            {source}
          </Text>
        )}
      </Stack>
      {section && (
        <Group gap={2} wrap="nowrap" c="brand.7" pt={2} style={{ flexShrink: 0 }}>
          <Text size="xs" fw={600}>
            {action}
          </Text>
          <IconArrowRight size={13} />
        </Group>
      )}
    </Group>
  )
  const border = first ? undefined : { borderTop: '1px solid var(--mantine-color-gray-2)' }
  if (!section) {
    return (
      <div style={border} data-testid="health-finding" data-rule={finding.rule}>
        {content}
      </div>
    )
  }
  return (
    <UnstyledButton
      onClick={() => onFix(finding)}
      w="100%"
      style={border}
      className="health-finding"
      data-testid="health-finding"
      data-rule={finding.rule}
      aria-label={`${severity.label}: ${finding.message} ${action} it in ${section.title}.`}
    >
      {content}
    </UnstyledButton>
  )
}
