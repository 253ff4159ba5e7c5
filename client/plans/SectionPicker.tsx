import { Button, Drawer, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconChevronDown } from '@tabler/icons-react'
import type { Section } from '../../shared/plans/schema'
import { SectionList, type SectionListProps } from './SectionList'

/** Phones and tablets: the open section's name, which opens the section list in a drawer to go to another. */
export function SectionPicker({ current, onSelect, ...list }: SectionListProps & { current: Section }) {
  const [opened, { open, close }] = useDisclosure(false)
  return (
    <>
      <Button
        variant="default"
        size="compact-sm"
        h={30}
        px={10}
        rightSection={<IconChevronDown size={14} />}
        onClick={open}
        aria-haspopup="dialog"
        style={{ flex: '1 1 auto', minWidth: 0 }}
        styles={{ inner: { justifyContent: 'space-between' }, label: { minWidth: 0, flex: 1 } }}
        data-testid="section-picker"
      >
        <span style={{ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {current.title}
        </span>
      </Button>
      <Drawer opened={opened} onClose={close} position="left" size="88%" title={<Text fw={650}>Sections</Text>}>
        <SectionList
          {...list}
          onSelect={(id) => {
            close()
            onSelect(id)
          }}
        />
      </Drawer>
    </>
  )
}
