import { Stack, Title } from '@mantine/core'
import { useDocumentTitle } from '@mantine/hooks'
import { useRefreshWorkspaceOnOpen } from '../api/workspaces'
import { PageHeader } from '../ui/PageHeader'
import { ErrorState } from '../ui/states'
import { useCurrentWorkspace } from '../workspaces/current'
import { CreateInviteCard } from './CreateInviteCard'
import { InviteTable } from './InviteTable'

export function InvitesPage() {
  const { workspace } = useCurrentWorkspace()
  useDocumentTitle(`Invites · ${workspace.name}`)
  useRefreshWorkspaceOnOpen(workspace.id)
  if (!workspace.abilities.invite) return <ErrorState title="Only owners and admins can invite people" />
  return (
    <>
      <PageHeader
        title="Invites"
        description={`Bring your colleagues into ${workspace.name}. Each link works once and for 7 days.`}
      />
      <Stack gap="xl">
        <CreateInviteCard />
        <div>
          <Title order={4} mb="sm">
            Invite links
          </Title>
          <InviteTable />
        </div>
      </Stack>
    </>
  )
}
