import { Autocomplete, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core'
import { DatePickerInput } from '@mantine/dates'
import { useForm } from '@mantine/form'
import { useEffect } from 'react'
import { addItem } from '../../shared/plan-model/write'
import { CONTENT_LIMITS } from '../../shared/plan-model/schema'
import type { Member } from '../../shared/workspaces/schema'
import type { RoomConnection } from '../sync/section-connection'
import { notifyError } from '../ui/notify'
import {
  CALENDAR_STATUS_LABELS,
  type CalendarStatusValue,
  FORMAT_LABELS,
  type PostFormatValue,
  optionsOf,
  personRef,
} from './labels'

export interface EditableNetwork {
  sectionId: string
  name: string
  room: RoomConnection
}

interface Values {
  sectionId: string
  date: string | null
  theme: string
  format: PostFormatValue
  owner: string
  status: CalendarStatusValue
}

export interface NewEntryModalProps {
  opened: boolean
  onClose: () => void
  /** The networks the person may edit. */
  networks: readonly EditableNetwork[]
  members: readonly Member[]
  /** Prefilled when the person clicked a day or filtered to one network. */
  initialDate: string | null
  initialSectionId: string | null
  onCreated?: (sectionId: string) => void
}

/** A new conversational calendar entry (date, theme, format, owner, status) in a network the person may edit. */
export function NewEntryModal({
  opened,
  onClose,
  networks,
  members,
  initialDate,
  initialSectionId,
  onCreated,
}: NewEntryModalProps) {
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { sectionId: '', date: null, theme: '', format: 'post', owner: '', status: 'planned' },
    validate: {
      sectionId: (v) => (networks.some((n) => n.sectionId === v) ? null : 'Choose a network you can edit.'),
      date: (v) => (v ? null : 'Pick the day it goes out.'),
      theme: (v) => (v.trim() ? null : 'Say what it is about.'),
    },
  })

  // Each opening starts fresh, on the day and network it was opened for.
  useEffect(() => {
    if (!opened) return
    const sectionId = networks.some((n) => n.sectionId === initialSectionId)
      ? initialSectionId!
      : (networks[0]?.sectionId ?? '')
    form.setValues({ sectionId, date: initialDate, theme: '', format: 'post', owner: '', status: 'planned' })
    form.resetDirty()
    form.clearErrors()
    // Only when it opens: the day, network and list of that moment; later changes must not wipe typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [opened])

  const submit = (values: Values) => {
    const network = networks.find((n) => n.sectionId === values.sectionId)
    if (!network) return
    try {
      addItem(network.room.doc, 'network', ['calendar'] as const, {
        date: values.date,
        theme: values.theme.trim(),
        format: values.format,
        owner: personRef(members, values.owner),
        status: values.status,
      })
    } catch (error) {
      notifyError(error, 'The entry was not added')
      return
    }
    onCreated?.(network.sectionId)
    onClose()
  }

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>New calendar entry</Text>}>
      <form onSubmit={form.onSubmit(submit)}>
        <Stack gap="sm">
          <Select
            label="Network"
            data={networks.map((n) => ({ value: n.sectionId, label: n.name }))}
            allowDeselect={false}
            withAsterisk
            {...form.getInputProps('sectionId')}
          />
          <DatePickerInput
            label="Date"
            placeholder="Pick a day"
            valueFormat="D MMMM YYYY"
            firstDayOfWeek={1}
            withAsterisk
            popoverProps={{ withinPortal: true, zIndex: 400 }}
            {...form.getInputProps('date')}
          />
          <TextInput
            label="Theme"
            placeholder="What the conversation is about"
            maxLength={CONTENT_LIMITS.shortText}
            withAsterisk
            data-autofocus
            {...form.getInputProps('theme')}
          />
          <Group grow align="flex-start" gap="sm">
            <Select
              label="Format"
              data={optionsOf(FORMAT_LABELS)}
              allowDeselect={false}
              {...form.getInputProps('format')}
            />
            <Select
              label="Status"
              data={optionsOf(CALENDAR_STATUS_LABELS)}
              allowDeselect={false}
              {...form.getInputProps('status')}
            />
          </Group>
          <Autocomplete
            label="Owner"
            description="A member of the workspace, or anyone else (an agency)."
            placeholder="Who publishes it"
            data={[...new Set(members.map((m) => m.name))]}
            maxLength={120}
            {...form.getInputProps('owner')}
          />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit">Add entry</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
