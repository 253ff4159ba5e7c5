import { Group, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'

export interface PageHeaderProps {
  title: ReactNode
  description?: ReactNode
  /** Buttons on the right (they wrap under the title on phones). */
  actions?: ReactNode
  /** 1 where the header names what the page is about (a plan); 2 under the app's own heading elsewhere. */
  order?: 1 | 2
}

export function PageHeader({ title, description, actions, order = 2 }: PageHeaderProps) {
  return (
    <Group justify="space-between" align="flex-start" gap="md" mb="lg">
      <Stack gap={4} style={{ flex: '1 1 280px', minWidth: 0 }}>
        <Title order={order} fz={{ base: 22, sm: 26 }} style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        {description && (
          <Text c="dimmed" size="sm" maw={640}>
            {description}
          </Text>
        )}
      </Stack>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  )
}
