import { Box, Collapse, Group, Paper, Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core'
import { useLocalStorage } from '@mantine/hooks'
import { IconAlertTriangle, IconBulb, IconChevronDown, IconTarget, IconTrophy } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import type { SectionKind } from '../../shared/plans/catalog'
import { ADVICE } from './advice'

/** Folded or not, remembered on this device for every section. */
const STORAGE_KEY = 'planroom:advice-open'

/**
 * The method's advice for this step (why it matters, what good looks like, the mistake to avoid),
 * folded away behind a small toggle until the person wants it.
 */
export function SectionAdvice({ kind }: { kind: SectionKind }) {
  const [open, setOpen] = useLocalStorage<boolean>({
    key: STORAGE_KEY,
    defaultValue: false,
    getInitialValueInEffect: false,
  })
  const advice = ADVICE[kind]
  return (
    <Box mb="md">
      <UnstyledButton
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        aria-controls={`advice-${kind}`}
        data-testid="advice-toggle"
      >
        <Group gap={6} wrap="nowrap">
          <IconBulb size={16} stroke={1.7} color="var(--mantine-color-yellow-7)" />
          <Text size="sm" fw={500} c="dark.4">
            Advice from the method
          </Text>
          <IconChevronDown
            size={14}
            color="var(--mantine-color-dimmed)"
            style={{ transform: open ? 'rotate(180deg)' : 'none', transition: 'transform 150ms ease' }}
          />
        </Group>
      </UnstyledButton>
      <Collapse expanded={open} id={`advice-${kind}`}>
        <Paper radius="md" p="md" mt="xs" bg="yellow.0" style={{ border: '1px solid var(--mantine-color-yellow-2)' }}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb="sm" style={{ letterSpacing: '0.04em' }}>
            {advice.source}
          </Text>
          <Stack gap="sm">
            <Point icon={<IconTarget size={14} />} color="brand" title="Why it matters">
              {advice.why}
            </Point>
            <Point icon={<IconTrophy size={14} />} color="teal" title="What good looks like">
              {advice.good}
            </Point>
            <Point icon={<IconAlertTriangle size={14} />} color="orange" title="The mistake to avoid">
              {advice.avoid}
            </Point>
          </Stack>
        </Paper>
      </Collapse>
    </Box>
  )
}

function Point({
  icon,
  color,
  title,
  children,
}: {
  icon: ReactNode
  color: string
  title: string
  children: ReactNode
}) {
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <ThemeIcon size={22} radius="xl" variant="light" color={color} style={{ flexShrink: 0 }}>
        {icon}
      </ThemeIcon>
      <div style={{ minWidth: 0 }}>
        <Text size="sm" fw={600}>
          {title}
        </Text>
        <Text size="sm" c="dark.5" lh={1.55}>
          {children}
        </Text>
      </div>
    </Group>
  )
}
