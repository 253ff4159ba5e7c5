import { Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { VERSION_NAME_LENGTH } from '../../shared/history/schema'
import { useNamePlanVersion, useNameVersion } from '../api/history'

type Scope = 'section' | 'plan'

interface Props {
  opened: boolean
  onClose: () => void
  planId: string
  sectionId: string
  sectionTitle: string
  /** Which scopes the caller may name (section: its editors; plan: editors of the shared sections). */
  can: Record<Scope, boolean>
  onNamed: (versionId: string) => void
}

/** Keep this moment for good, under a name: for this section, or for every section of the plan. */
export function NameVersionModal({ opened, onClose, planId, sectionId, sectionTitle, can, onNamed }: Props) {
  const [name, setName] = useState('')
  const [scope, setScope] = useState<Scope>(can.section ? 'section' : 'plan')
  const nameSection = useNameVersion(sectionId)
  const namePlan = useNamePlanVersion(planId)
  const pending = nameSection.isPending || namePlan.isPending
  const done = (versionId: string | undefined) => {
    setName('')
    onClose()
    if (versionId) onNamed(versionId)
  }
  const submit = () => {
    if (!name.trim()) return
    if (scope === 'section') nameSection.mutate(name, { onSuccess: (v) => done(v.id) })
    else namePlan.mutate(name, { onSuccess: (p) => done(p.versions.find((v) => v.sectionId === sectionId)?.id) })
  }

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>Name a version</Text>}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <Stack gap="md">
          {can.section && can.plan && (
            <SegmentedControl
              fullWidth
              value={scope}
              onChange={(v) => setScope(v)}
              data={[
                { value: 'section', label: 'This section' },
                { value: 'plan', label: 'The whole plan' },
              ]}
            />
          )}
          <Text size="sm" c="dimmed">
            {scope === 'section'
              ? `${sectionTitle} as it is now, kept for good under this name.`
              : 'Every section of the plan as it is now, kept for good under this name: it shows in each section’s history.'}
          </Text>
          <TextInput
            label="Name"
            placeholder="e.g. Sent to the board, March"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            maxLength={VERSION_NAME_LENGTH}
            data-autofocus
            required
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={pending} disabled={!name.trim()}>
              Name version
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
