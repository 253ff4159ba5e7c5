import { Accordion, Alert, Badge, Code, Group, Stack, Text } from '@mantine/core'
import { useDocumentTitle } from '@mantine/hooks'
import { IconInfoCircle } from '@tabler/icons-react'
import type { OutboxMail } from '../../shared/mail/schema'
import { useMailOutbox } from '../api/mail-outbox'
import { formatDateTime } from '../ui/format'
import { PageHeader } from '../ui/PageHeader'
import { ErrorState, LoadError, PageLoader } from '../ui/states'
import { useCurrentWorkspace } from '../workspaces/current'

const STATUS: Record<OutboxMail['status'], { label: string; color: string }> = {
  queued: { label: 'Queued', color: 'yellow' },
  sent: { label: 'Sent', color: 'teal' },
  logged: { label: 'Logged only', color: 'gray' },
}

/** What Planroom mailed (or would have) about this workspace; without SMTP this is where mail is read. */
export function MailOutboxPage() {
  const { workspace } = useCurrentWorkspace()
  useDocumentTitle(`Mail outbox · ${workspace.name}`)
  const outbox = useMailOutbox(workspace.id)
  if (!workspace.abilities.invite) return <ErrorState title="Only owners and admins can read the mail outbox" />
  if (outbox.isPending) return <PageLoader />
  if (outbox.isError)
    return <LoadError title="The mail outbox did not load" error={outbox.error} onRetry={() => void outbox.refetch()} />
  const { smtpConfigured, mails } = outbox.data
  return (
    <>
      <PageHeader title="Mail outbox" description="Invites and notifications Planroom mails about this workspace." />
      <Stack gap="md">
        {!smtpConfigured && (
          <Alert icon={<IconInfoCircle />} color="brand" title="No mail server is set up">
            Mail is written to the server log and shown here instead of being sent. Set SMTP_URL and MAIL_FROM to send
            it.
          </Alert>
        )}
        {mails.length === 0 ? (
          <Text c="dimmed">No mail yet.</Text>
        ) : (
          <Accordion variant="separated">
            {mails.map((m) => (
              <Accordion.Item key={m.id} value={m.id}>
                <Accordion.Control>
                  <Group justify="space-between" wrap="nowrap" gap="sm">
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Text fw={600} truncate>
                        {m.subject}
                      </Text>
                      <Text size="xs" c="dimmed">
                        To {m.to} · {formatDateTime(m.createdAt)}
                      </Text>
                    </Stack>
                    <Badge color={STATUS[m.status].color} variant="light">
                      {STATUS[m.status].label}
                    </Badge>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  {m.lastError && m.status === 'queued' && (
                    <Text size="sm" c="red" mb="xs">
                      Attempt {m.attempts} failed: {m.lastError}
                    </Text>
                  )}
                  <Code block style={{ whiteSpace: 'pre-wrap' }}>
                    {m.text}
                  </Code>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        )}
      </Stack>
    </>
  )
}
