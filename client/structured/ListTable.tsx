import { Table, Text } from '@mantine/core'
import { useElementSize } from '@mantine/hooks'
import { memo } from 'react'
import type { FieldShape } from '../../shared/plan-model/schema-shape'
import { pathKey, useStructuredEnv } from './env'
import { Cards } from './ListCards'
import {
  type Column,
  type Item,
  type ItemProps,
  type LayoutProps,
  RemoveButton,
  grow,
  ItemField,
  sameItem,
} from './list-parts'
import type { ListUi } from '../../shared/plan-model/ui-spec'

/** A table column's width per unit of `grow`; below the sum of its columns a table becomes cards. */
const COLUMN_UNIT_PX = 100

/** The narrowest a column can be and still show its value (a date with its icon, a name, a status). */
function minColumnPx(shape: FieldShape): number {
  switch (shape.type) {
    case 'date':
      return 150
    case 'person':
      return 140
    case 'link':
      return 150
    case 'links':
    case 'tags':
      return 170
    case 'enum':
      return 125
    case 'number':
      return 80
    case 'boolean':
      return 60
    case 'text':
      return shape.long ? 140 : 90
    case 'list':
      return 0
  }
}

/** Each column's width: its share (`grow`) of the row, never below what its control needs. */
const columnPx = (ui: ListUi, c: Column) => Math.max(minColumnPx(c.shape), grow(ui, c.key) * COLUMN_UNIT_PX)

/** A table on a pane wide enough for its columns, the same items as cards on a narrow one (phones). */
export function Rows({ columns, ...props }: LayoutProps & { columns: Column[] }) {
  const { ref, width } = useElementSize()
  const total = columns.reduce((n, c) => n + columnPx(props.ui, c), 0)
  const fits = width === 0 ? window.innerWidth >= 900 : width >= total + 40
  return (
    <div ref={ref}>
      {fits ? (
        <Table_ columns={columns} total={total} {...props} />
      ) : (
        <Cards columns={columns} lists={[]} {...props} compact />
      )}
    </div>
  )
}

function Table_({ path, items, ui, columns, total, onRemove }: LayoutProps & { columns: Column[]; total: number }) {
  const env = useStructuredEnv()
  return (
    <Table layout="fixed" verticalSpacing={4} horizontalSpacing={6} withRowBorders={false} className="structured-table">
      <Table.Thead>
        <Table.Tr>
          {columns.map((c) => (
            <Table.Th key={c.key} w={`${(columnPx(ui, c) / total) * 100}%`}>
              <Text size="xs" fw={600} c="dimmed">
                {ui.fields[c.key]!.label}
              </Text>
            </Table.Th>
          ))}
          {env.editable && <Table.Th w={40} aria-label="Actions" />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item, index) => (
          <Row key={item.id} item={item} index={index} path={path} ui={ui} columns={columns} onRemove={onRemove} />
        ))}
      </Table.Tbody>
    </Table>
  )
}

const Row = memo(function Row({ item, index, path, ui, columns, onRemove }: ItemProps) {
  return (
    <Table.Tr data-path={pathKey([...path, item.id])}>
      {columns.map((c) => (
        <Table.Td key={c.key} style={{ verticalAlign: 'top' }}>
          <ItemField path={path} item={item} ui={ui} column={c} bare />
        </Table.Td>
      ))}
      <RemoveCell ui={ui} item={item} index={index} onClick={() => onRemove(item.id, index)} />
    </Table.Tr>
  )
}, sameItem)

function RemoveCell(props: { ui: ListUi; item: Item; index: number; onClick: () => void }) {
  const env = useStructuredEnv()
  if (!env.editable) return null
  return (
    <Table.Td style={{ verticalAlign: 'top', paddingTop: 7 }}>
      <RemoveButton {...props} />
    </Table.Td>
  )
}
