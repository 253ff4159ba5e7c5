import { Alert, Anchor, Button, Center, Loader, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { errorMessage } from '../api/errors'

/** A page-sized spinner for data the page cannot render without. */
export function PageLoader({ label = 'Loading…' }: { label?: string }) {
  return (
    <Center mih={240} h="100%">
      <Stack align="center" gap="xs">
        <Loader size="md" />
        <Text size="sm" c="dimmed">
          {label}
        </Text>
      </Stack>
    </Center>
  )
}

export interface ErrorStateProps {
  title: string
  error?: unknown
  action?: ReactNode
  onRetry?: () => void
}

/** A failed load: what failed, the server's reason, and a way forward. */
export function ErrorState({ title, error, action, onRetry }: ErrorStateProps) {
  return (
    <Center mih={280} p="xl">
      <Stack align="center" gap="sm" maw={420} ta="center">
        <ThemeIcon size={48} radius="xl" variant="light" color="red">
          <IconAlertTriangle size={26} />
        </ThemeIcon>
        <Title order={3}>{title}</Title>
        {error !== undefined && <Text c="dimmed">{errorMessage(error)}</Text>}
        {onRetry && (
          <Button variant="light" onClick={onRetry}>
            Try again
          </Button>
        )}
        {action}
      </Stack>
    </Center>
  )
}

/** A spinner for a panel or list inside a page that is already there. */
export function PanelLoader() {
  return (
    <Center py="xl">
      <Loader size="sm" />
    </Center>
  )
}

/** A panel whose data failed to load: what, the server's reason, and a retry where it makes sense. */
export function LoadError({ title, error, onRetry }: { title: string; error: unknown; onRetry?: () => void }) {
  return (
    <Alert color="red" variant="light" title={title}>
      {errorMessage(error)}
      {onRetry && (
        <>
          {' '}
          <Anchor component="button" onClick={onRetry}>
            Try again
          </Anchor>
        </>
      )}
    </Alert>
  )
}
