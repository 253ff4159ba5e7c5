import {
  Alert,
  Button,
  Card,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Title,
} from '@mantine/core'
import { IconLink, IconMailCheck } from '@tabler/icons-react'
import { SecretLinkInput } from '../ui/SecretLinkInput'
import { useState } from 'react'
import { canInviteAs } from '../../shared/workspaces/permissions'
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, type Role } from '../../shared/workspaces/roles'
import type { CreatedInvite } from '../../shared/workspaces/schema'
import { useCreateInvite } from '../api/invites'
import { formatDateTime } from '../ui/format'
import { departmentNames, useCurrentWorkspace } from '../workspaces/current'

type InviteRole = Exclude<Role, 'owner'>
// Owners are made from members, never invited (the API refuses it too).
const INVITE_ROLES = ROLES.filter((r): r is InviteRole => r !== 'owner')

/** The link just created: shown once (the server keeps only its hash), with a copy button. */
function CreatedInviteLink({ invite }: { invite: CreatedInvite }) {
  const { workspace } = useCurrentWorkspace()
  const departments = departmentNames(workspace.departments, invite.departmentIds)
  return (
    <Alert
      variant="outline"
      color="brand"
      bg="brand.0"
      icon={<IconLink size={18} />}
      title="Invite link ready"
      radius="md"
    >
      <Stack gap="xs">
        <SecretLinkInput label="Invite link" value={invite.url} copyLabel="Copy invite link" />
        <Text size="xs" c="dimmed">
          Joins as {ROLE_LABELS[invite.role]}
          {departments.length ? ` in ${departments.join(', ')}` : ''}. Works once, until{' '}
          {formatDateTime(invite.expiresAt)}. This link is shown only now.
        </Text>
      </Stack>
    </Alert>
  )
}

export function CreateInviteCard() {
  const { workspace } = useCurrentWorkspace()
  const create = useCreateInvite(workspace.id)
  const [role, setRole] = useState<InviteRole>('editor')
  const [departmentIds, setDepartmentIds] = useState<string[]>([])
  const [created, setCreated] = useState<CreatedInvite | null>(null)
  const [emails, setEmails] = useState<string[]>([])
  const [mailed, setMailed] = useState<string[]>([])

  // One single-use invite per address, each mailed by the server; without addresses, one link to copy.
  async function submit() {
    setCreated(null)
    setMailed([])
    if (emails.length === 0) return create.mutate({ role, departmentIds }, { onSuccess: setCreated })
    const sent: string[] = []
    for (const email of emails) {
      try {
        await create.mutateAsync({ role, departmentIds, email })
        sent.push(email)
      } catch {
        break
      }
    }
    setMailed(sent)
    setEmails(emails.filter((e) => !sent.includes(e)))
  }

  return (
    <Card padding="lg">
      <Title order={4} mb={4}>
        Invite someone
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Create a single-use link and send it to one colleague. They join with the role and departments you choose here.
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label="Role"
              allowDeselect={false}
              value={role}
              onChange={(value) => value && setRole(value)}
              data={INVITE_ROLES.map((r) => ({
                value: r,
                label: ROLE_LABELS[r],
                disabled: !canInviteAs(workspace.me, r),
              }))}
              description={ROLE_DESCRIPTIONS[role]}
            />
            <MultiSelect
              label="Departments"
              placeholder={departmentIds.length ? undefined : 'None'}
              value={departmentIds}
              onChange={setDepartmentIds}
              data={workspace.departments.map((d) => ({ value: d.id, label: d.name }))}
              description="Editors edit their departments' sections."
              clearable
            />
          </SimpleGrid>
          <TagsInput
            label="Email addresses"
            placeholder={emails.length ? undefined : 'Optional: ana@company.com, press Enter after each'}
            description="Each address gets its own link by mail. Leave empty to copy a link yourself."
            value={emails}
            onChange={setEmails}
            splitChars={[',', ' ', ';']}
            clearable
          />
          <Group justify="flex-end">
            <Button
              type="submit"
              loading={create.isPending}
              leftSection={emails.length ? <IconMailCheck size={16} /> : <IconLink size={16} />}
            >
              {emails.length
                ? `Mail ${emails.length === 1 ? 'the invite' : `${emails.length} invites`}`
                : 'Create invite link'}
            </Button>
          </Group>
          {created && <CreatedInviteLink invite={created} />}
          {mailed.length > 0 && (
            <Alert variant="light" color="teal" icon={<IconMailCheck size={18} />} title="Invites on their way">
              Mailed to {mailed.join(', ')}.
            </Alert>
          )}
        </Stack>
      </form>
    </Card>
  )
}
