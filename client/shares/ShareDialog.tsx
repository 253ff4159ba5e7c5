import { Alert, Button, Group, Modal, Radio, Stack, Table, Text } from '@mantine/core'
import { IconLink } from '@tabler/icons-react'
import { SecretLinkInput } from '../ui/SecretLinkInput'
import { useState } from 'react'
import type { CreatedShare, ShareLink, ShareScope } from '../../shared/shares/schema'
import { useCreateShare, useRevokeShare, useShares } from '../api/shares'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { fromNow } from '../ui/format'
import { LoadError, PanelLoader } from '../ui/states'

const SCOPES: Record<ShareScope, { label: string; description: string }> = {
  guidelines: {
    label: 'The guidelines',
    description: 'The written guidelines and where each department’s objectives stand. Nothing else of the plan.',
  },
  plan: { label: 'The whole plan', description: 'Every section, read-only, with the approvals and the health check.' },
}

/** The link just created: shown once (the server keeps only its hash), with a copy button. */
function CreatedLink({ share }: { share: CreatedShare }) {
  return (
    <Alert
      variant="outline"
      color="brand"
      bg="brand.0"
      icon={<IconLink size={18} />}
      title="Public link ready"
      radius="md"
    >
      <SecretLinkInput
        aria-label="Public link"
        value={share.url}
        copyLabel="Copy public link"
        data-testid="share-url"
      />
      <Text size="xs" c="dimmed" mt="xs">
        Anyone with this link can read {SCOPES[share.scope].label.toLowerCase()} without an account, until you revoke
        it. It is shown only now.
      </Text>
    </Alert>
  )
}

function ActiveLinks({ planId, shares }: { planId: string; shares: ShareLink[] }) {
  const revoke = useRevokeShare(planId)
  const [revoking, setRevoking] = useState<ShareLink | null>(null)
  if (shares.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No public links yet.
      </Text>
    )
  return (
    <>
      <Table verticalSpacing="xs" data-testid="share-list">
        <Table.Tbody>
          {shares.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {SCOPES[s.scope].label}
                </Text>
                <Text size="xs" c="dimmed">
                  Created {fromNow(s.createdAt)}
                  {s.createdBy ? ` by ${s.createdBy.name}` : ''}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(s)}>
                  Revoke
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ConfirmDialog
        opened={revoking !== null}
        title="Revoke this link?"
        confirmLabel="Revoke link"
        loading={revoke.isPending}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}
      >
        Whoever has it will see a "not found" page from now on. The plan itself is not touched.
      </ConfirmDialog>
    </>
  )
}

/** Read-only public links to the guidelines or the whole plan: make one, see and revoke the others. */
export function ShareDialog({ planId, opened, onClose }: { planId: string; opened: boolean; onClose: () => void }) {
  const [scope, setScope] = useState<ShareScope>('guidelines')
  const [created, setCreated] = useState<CreatedShare | null>(null)
  const shares = useShares(planId, opened)
  const create = useCreateShare(planId)
  const closeAll = () => {
    setCreated(null)
    onClose()
  }
  return (
    <Modal opened={opened} onClose={closeAll} title={<Text fw={650}>Share a read-only link</Text>} size="lg">
      <Stack gap="lg">
        <Radio.Group value={scope} onChange={(v) => setScope(v)} label="What the link opens">
          <Stack gap="xs" mt="xs">
            {(Object.keys(SCOPES) as ShareScope[]).map((s) => (
              <Radio key={s} value={s} label={SCOPES[s].label} description={SCOPES[s].description} />
            ))}
          </Stack>
        </Radio.Group>
        <Group justify="flex-end">
          <Button
            leftSection={<IconLink size={16} />}
            loading={create.isPending}
            onClick={() => create.mutate(scope, { onSuccess: setCreated })}
            data-testid="share-create"
          >
            Create link
          </Button>
        </Group>
        {created && <CreatedLink share={created} />}
        <Stack gap="xs">
          <Text fw={600} size="sm">
            Active links
          </Text>
          {shares.isPending ? (
            <PanelLoader />
          ) : shares.isError ? (
            <LoadError
              title="The links could not be loaded"
              error={shares.error}
              onRetry={() => void shares.refetch()}
            />
          ) : (
            <ActiveLinks planId={planId} shares={shares.data} />
          )}
        </Stack>
      </Stack>
    </Modal>
  )
}
