import { Anchor, Group, Paper, Text, ThemeIcon } from '@mantine/core'
import { IconAlertTriangle, IconCircleCheck, IconUsers } from '@tabler/icons-react'
import { chosenNetworks } from '../../shared/plan-model/networks'
import type { SectionContent } from '../../shared/plan-model/schema'
import { useStructuredEnv } from './env'
import { useSectionsContent } from './use-content'

/**
 * Network selection against the team (mistake 3, "being everywhere"): how many networks Process &
 * team says the team can staff, read live from that section, beside how many the plan is on.
 */
export function CapacityNote({ content }: { content: SectionContent<'network_selection'> }) {
  const env = useStructuredEnv()
  const {
    sections: [process],
  } = useSectionsContent(env.plan, 'process', env.me)
  const capacity = process?.content.networkCapacity ?? null
  const count = chosenNetworks(
    content.chosen,
    env.plan.sections.filter((s) => s.kind === 'network').map((s) => ({ id: s.id, title: s.title })),
  ).length
  const over = capacity !== null && count > capacity
  const open = process && (
    <Anchor component="button" size="sm" onClick={() => env.openSection(process.section.id)}>
      {capacity === null ? 'Say it in Process & team' : 'Process & team'}
    </Anchor>
  )

  const [color, icon, text] =
    capacity === null
      ? ([
          'gray',
          <IconUsers key="i" size={16} />,
          'How many networks can the team staff? Process & team does not say yet.',
        ] as const)
      : over
        ? ([
            'red',
            <IconAlertTriangle key="i" size={16} />,
            `The plan is on ${count} networks but the team can staff ${capacity}. Leave some out, or grow the team.`,
          ] as const)
        : ([
            'teal',
            <IconCircleCheck key="i" size={16} />,
            `The team can staff ${capacity} network${capacity === 1 ? '' : 's'}; the plan is on ${count}.`,
          ] as const)

  return (
    <Paper radius="md" px="md" py="sm" bg={`${color}.0`} data-testid="network-capacity">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" color={color} size="md" radius="xl">
          {icon}
        </ThemeIcon>
        <div>
          <Text size="sm" fw={500}>
            {text}
          </Text>
          {open}
        </div>
      </Group>
    </Paper>
  )
}
