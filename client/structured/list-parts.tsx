import { ActionIcon, Tooltip } from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import type { FieldShape } from '../../shared/plan-model/schema-shape'
import { type ListUi, itemLabel } from '../../shared/plan-model/ui-spec'
import { pathKey, useStructuredEnv } from './env'
import { FieldControl } from './fields'

/** What every layout of a list shares: its items, its words and how to remove one. */
export type Item = { id: string } & Record<string, unknown>

export type Column = { key: string; shape: FieldShape }
export interface LayoutProps {
  path: readonly string[]
  items: readonly Item[]
  ui: ListUi
  onRemove: (id: string, index: number) => void
}

export function RemoveButton({
  ui,
  item,
  index,
  onClick,
}: {
  ui: ListUi
  item: Item
  index: number
  onClick: () => void
}) {
  const env = useStructuredEnv()
  if (!env.editable || isKept(ui, item)) return null
  const label = `Remove ${itemLabel(ui, index).toLowerCase()}`
  return (
    <Tooltip label={label}>
      <ActionIcon variant="subtle" color="gray" size="md" onClick={onClick} aria-label={label}>
        <IconTrash size={15} stroke={1.6} />
      </ActionIcon>
    </Tooltip>
  )
}

export const grow = (ui: ListUi, key: string) => ui.fields[key]?.grow ?? 1
export const isMoot = (ui: ListUi, key: string, item: Item) => {
  const by = ui.fields[key]?.mootWhen
  return by !== undefined && item[by] === true
}

/** A field whose value comes from what another field of the item points at (`fixedWhen`). */
export const isFixed = (ui: ListUi, key: string, item: Item) => {
  const by = ui.fields[key]?.fixedWhen
  return by !== undefined && Boolean(item[by])
}
/** An item that is removed elsewhere, not from this list (`keepWhen`). */
const isKept = (ui: ListUi, item: Item) => ui.keepWhen !== undefined && Boolean(item[ui.keepWhen])

export interface ItemProps {
  item: Item
  index: number
  path: readonly string[]
  ui: ListUi
  columns: Column[]
  onRemove: (id: string, index: number) => void
}

/** Whether an item's row or card shows the same as before (items are re-read on every change). */
export function sameItem(a: ItemProps, b: ItemProps) {
  return (
    a.index === b.index &&
    a.ui === b.ui &&
    a.columns === b.columns &&
    pathKey(a.path) === pathKey(b.path) &&
    JSON.stringify(a.item) === JSON.stringify(b.item)
  )
}

/** One field of an item, bound to the document: moot or fixed as the list's words say. */
export function ItemField({
  path,
  item,
  ui,
  column,
  bare,
}: {
  path: readonly string[]
  item: Item
  ui: ListUi
  column: Column
  bare?: boolean
}) {
  return (
    <FieldControl
      path={[...path, item.id, column.key]}
      shape={column.shape as never}
      ui={ui.fields[column.key]!}
      value={item[column.key]}
      moot={isMoot(ui, column.key, item)}
      fixed={isFixed(ui, column.key, item)}
      bare={bare}
    />
  )
}
