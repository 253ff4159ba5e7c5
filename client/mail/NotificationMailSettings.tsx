import { Card, Radio, Stack, Text, Title } from '@mantine/core'
import { useDocumentTitle } from '@mantine/hooks'
import { EmailNotifications } from '../../shared/mail/preferences'
import { useEmailNotifications, useSetEmailNotifications } from '../api/mail-preferences'
import { PageHeader } from '../ui/PageHeader'
import { LoadError, PageLoader } from '../ui/states'

const CHOICES: Record<EmailNotifications, { label: string; description: string }> = {
  instant: {
    label: 'As it happens',
    description: 'A mail for each mention, reply and approval — unless you have that plan open right then.',
  },
  daily: { label: 'Daily digest', description: 'One mail a day with everything that concerned you, grouped by plan.' },
  off: { label: 'Off', description: 'No notification mail. Your inbox in Planroom still has everything.' },
}

/** The person's own choice about notification mail; it applies in every workspace. */
export function NotificationMailSettings() {
  useDocumentTitle('Notification mail')
  const current = useEmailNotifications()
  const set = useSetEmailNotifications()
  if (current.isPending) return <PageLoader />
  if (current.isError)
    return (
      <LoadError title="Your mail settings did not load" error={current.error} onRetry={() => void current.refetch()} />
    )
  return (
    <>
      <PageHeader
        title="Notification mail"
        description="Mentions, replies in your threads, objectives waiting for you as lead, decisions on your department's objectives and approvals gone stale."
      />
      <Card padding="lg" maw={640}>
        <Title order={4} mb="md">
          Mail me
        </Title>
        <Radio.Group
          value={set.isPending ? (set.variables ?? current.data) : current.data}
          onChange={(value) => set.mutate(EmailNotifications.parse(value))}
        >
          <Stack gap="md">
            {EmailNotifications.options.map((choice) => (
              <Radio
                key={choice}
                value={choice}
                label={<Text fw={600}>{CHOICES[choice].label}</Text>}
                description={CHOICES[choice].description}
              />
            ))}
          </Stack>
        </Radio.Group>
      </Card>
    </>
  )
}
