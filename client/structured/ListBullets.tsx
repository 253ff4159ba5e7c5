import { Box, Group, Stack } from '@mantine/core'
import { pathKey } from './env'
import { FieldControl } from './fields'
import { type Column, type LayoutProps, RemoveButton } from './list-parts'

/** One line of text per item (do's and don'ts, growth tactics). */
export function Bullets({ path, items, ui, columns, onRemove }: LayoutProps & { columns: Column[] }) {
  const column = columns[0]
  if (!column) return null
  return (
    <Stack gap={6}>
      {items.map((item, index) => (
        <Group key={item.id} gap={6} wrap="nowrap" align="flex-start" data-path={pathKey([...path, item.id])}>
          <Box
            w={6}
            h={6}
            mt={15}
            style={{ borderRadius: 3, flexShrink: 0, background: 'var(--mantine-color-brand-4)' }}
          />
          <Box style={{ flex: 1, minWidth: 0 }}>
            <FieldControl
              path={[...path, item.id, column.key]}
              shape={column.shape as never}
              ui={ui.fields[column.key]!}
              value={item[column.key]}
              bare
            />
          </Box>
          <Box pt={3}>
            <RemoveButton ui={ui} item={item} index={index} onClick={() => onRemove(item.id, index)} />
          </Box>
        </Group>
      ))}
    </Stack>
  )
}
