import { Autocomplete, Button, Modal, Select, Stack } from '@mantine/core'
import { useState } from 'react'
import { LIMITS } from '../../shared/limits'
import { SUGGESTED_NETWORKS } from '../../shared/plans/catalog'
import type { Section } from '../../shared/plans/schema'
import type { Department } from '../../shared/workspaces/schema'
import { useAddNetwork } from '../api/plans'

interface Props {
  planId: string
  sections: readonly Section[]
  departments: readonly Department[]
  onAdded: (sectionId: string) => void
  opened: boolean
  onClose: () => void
}

/** Add a social network to the plan: pick a common one or type any name; choose who owns it. */
export function AddNetworkDialog({ planId, sections, departments, onAdded, opened, onClose: close }: Props) {
  const [name, setName] = useState('')
  const marketing = departments.find((d) => d.name === 'Marketing')?.id ?? null
  const [owner, setOwner] = useState<string | null>(marketing)
  const add = useAddNetwork(planId)
  const present = new Set(sections.filter((s) => s.kind === 'network').map((s) => s.title.toLowerCase()))
  const suggestions = SUGGESTED_NETWORKS.filter((n) => !present.has(n.toLowerCase()))

  const submit = () => {
    const trimmed = name.trim()
    if (!trimmed) return
    add.mutate(
      { name: trimmed, ownerDepartmentId: owner },
      {
        onSuccess: (plan) => {
          const created = plan.sections.find(
            (s) => s.kind === 'network' && s.title.toLowerCase() === trimmed.toLowerCase(),
          )
          close()
          setName('')
          if (created) onAdded(created.id)
        },
      },
    )
  }

  return (
    <Modal opened={opened} onClose={close} title="Add a social network" centered>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <Stack>
          <Autocomplete
            label="Network"
            description="Be where your market is, not everywhere: each network gets its own strategy section."
            placeholder="Instagram, LinkedIn, or any name"
            data={suggestions}
            value={name}
            onChange={setName}
            maxLength={LIMITS.networkNameLength}
            data-autofocus
          />
          <Select
            label="Owned by"
            description="That department's editors write this network's strategy."
            data={[
              { value: '', label: 'Shared (any editor)' },
              ...departments.map((d) => ({ value: d.id, label: d.name })),
            ]}
            value={owner ?? ''}
            onChange={(v) => setOwner(v ? v : null)}
            allowDeselect={false}
          />
          <Button type="submit" loading={add.isPending} disabled={!name.trim()}>
            Add network
          </Button>
        </Stack>
      </form>
    </Modal>
  )
}
