import { Group, Text } from '@mantine/core'

/** The mark: a page of three lines, longest first, like a plan taking shape. */
export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="var(--mantine-color-brand-7)" />
      <rect x="8" y="8" width="16" height="4" rx="2" fill="#fff" />
      <rect x="8" y="14" width="11" height="4" rx="2" fill="#fff" opacity=".85" />
      <rect x="8" y="20" width="7" height="4" rx="2" fill="#fff" opacity=".7" />
    </svg>
  )
}

export function Logo({ withWordmark = true, size = 28 }: { withWordmark?: boolean; size?: number }) {
  return (
    <Group gap={8} wrap="nowrap" aria-label="Planroom">
      <LogoMark size={size} />
      {withWordmark && (
        <Text fw={700} fz={size * 0.64} lh={1} c="dark.8" style={{ letterSpacing: '-0.02em' }}>
          Planroom
        </Text>
      )}
    </Group>
  )
}
