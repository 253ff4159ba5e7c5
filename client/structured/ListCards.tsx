import { Box, Group, Paper, Stack, Text } from '@mantine/core'
import { memo } from 'react'
import { itemLabel, type ListUi } from '../../shared/plan-model/ui-spec'
import { pathKey } from './env'
import { ListBlock } from './ListBlock'
import {
  type Column,
  type Item,
  type ItemProps,
  type LayoutProps,
  RemoveButton,
  ItemField,
  sameItem,
} from './list-parts'

/** One card per item: its fields in a grid that reflows with the pane, its nested lists below. */
export function Cards({
  path,
  items,
  ui,
  columns,
  lists,
  onRemove,
  compact,
}: LayoutProps & { columns: Column[]; lists: Column[]; compact?: boolean }) {
  return (
    <Stack gap="sm">
      {items.map((item, index) => (
        <Card
          key={item.id}
          item={item}
          index={index}
          path={path}
          ui={ui}
          columns={columns}
          lists={lists}
          onRemove={onRemove}
          compact={compact}
        />
      ))}
    </Stack>
  )
}

/** Long text and lists of pills need a whole row of a card to be read. */
const wideInCard = (c: Column, ui: ListUi) =>
  ui.fields[c.key]!.wide ||
  (c.shape.type === 'text' && c.shape.long) ||
  c.shape.type === 'tags' ||
  c.shape.type === 'links' ||
  c.shape.type === 'link'

const Card = memo(
  function Card({
    item,
    index,
    path,
    ui,
    columns,
    lists,
    onRemove,
    compact,
  }: ItemProps & { lists: Column[]; compact?: boolean }) {
    const fields = columns.filter((c) => c.shape.type !== 'list')
    const remove = <RemoveButton ui={ui} item={item} index={index} onClick={() => onRemove(item.id, index)} />
    return (
      <Paper
        withBorder
        radius="md"
        p={compact ? 'xs' : 'sm'}
        data-path={pathKey([...path, item.id])}
        className={compact ? 'structured-card structured-card--compact' : 'structured-card'}
        aria-label={itemLabel(ui, index)}
      >
        {!compact && (
          <Group justify="space-between" align="center" mb={6} wrap="nowrap">
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.04em' }}>
              {itemLabel(ui, index)}
            </Text>
            {remove}
          </Group>
        )}
        {/* A card that stands in for a table row keeps its remove button beside its fields, like the row. */}
        <Group gap={6} wrap="nowrap" align="flex-start">
          <div className="structured-grid" style={{ flex: 1, minWidth: 0 }}>
            {fields.map((c) => (
              <div key={c.key} className={wideInCard(c, ui) ? 'structured-wide' : undefined}>
                <ItemField path={path} item={item} ui={ui} column={c} />
              </div>
            ))}
          </div>
          {compact && remove}
        </Group>
        {lists.map((l) => {
          if (l.shape.type !== 'list') return null
          return (
            <Box key={l.key} mt="md" pt="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
              <ListBlock
                path={[...path, item.id, l.key]}
                items={item[l.key] as Item[]}
                item={l.shape.spec.item}
                ui={ui.lists![l.key]!}
                nested
              />
            </Box>
          )
        })}
      </Paper>
    )
  },
  (a, b) => sameItem(a, b) && a.lists === b.lists && a.compact === b.compact,
)
