import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Group,
  Paper,
  Slider,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core'
import { useElementSize } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { IconPlus, IconSparkles, IconTrash } from '@tabler/icons-react'
import { type ReactNode, memo, useEffect, useMemo, useState } from 'react'
import type { z } from 'zod'
import { SUGGESTED_TRAITS } from '../../shared/plan-model/schema'
import { pathKey, useStructuredEnv } from './env'
import { FieldControl } from './fields'
import { type FieldShape, fieldsOf } from '../../shared/plan-model/schema-shape'
import { type ListUi, addLabel, itemLabel } from '../../shared/plan-model/ui-spec'
import { useLiveValue } from './use-live-value'

type Item = { id: string } & Record<string, unknown>

export interface ListBlockProps {
  /** The list's path: ['kpis'], or ['competitors', id, 'ideas'] for a list inside an item. */
  path: readonly string[]
  items: readonly Item[]
  item: z.ZodObject
  ui: ListUi
  /** A list inside a card: a smaller heading. */
  nested?: boolean
}

/** Long lists (a year of calendar entries) show this many at first. */
const PAGE = 40
/** A table column's width per unit of `grow`; below the sum of its columns a table becomes cards. */
const COLUMN_UNIT_PX = 100

/**
 * A list of a section's structured content, editable in place: a heading, the items laid out as the
 * list asks (rows, cards, bullets or sliders), "Add …" and a remove button per item with undo.
 */
export function ListBlock({ path, items, item, ui, nested }: ListBlockProps) {
  const env = useStructuredEnv()
  const [limit, setLimit] = useState(PAGE)
  const [focusId, setFocusId] = useState<string | null>(null)
  const columns = useMemo(() => fieldsOf(item).filter((f) => ui.fields[f.key]), [item, ui])
  const lists = useMemo(() => fieldsOf(item).filter((f) => f.shape.type === 'list' && ui.lists?.[f.key]), [item, ui])
  const shown = items.slice(0, limit)

  // A new item's first field takes the cursor.
  useEffect(() => {
    if (!focusId || !items.some((i) => i.id === focusId)) return
    const first = columns[0]
    const el =
      first &&
      document.querySelector<HTMLElement>(`[data-path="${CSS.escape(pathKey([...path, focusId, first.key]))}"]`)
    el?.focus()
    setFocusId(null)
  }, [focusId, items, columns, path])

  const add = (values?: Record<string, unknown>) => {
    const id = env.write.add(path, values)
    if (id) {
      setFocusId(id)
      setLimit((l) => Math.max(l, items.length + 1))
    }
  }
  const remove = (id: string, index: number) => {
    const removed = env.write.remove(path, id)
    if (!removed) return
    const key = `removed-${id}`
    notifications.show({
      id: key,
      autoClose: 6000,
      message: (
        <Group justify="space-between" gap="sm" wrap="nowrap">
          <Text size="sm">{itemLabel(ui, index)} removed.</Text>
          <Button
            size="compact-xs"
            variant="light"
            onClick={() => {
              env.write.add(path, removed.values, removed.index)
              notifications.hide(key)
            }}
          >
            Undo
          </Button>
        </Group>
      ),
    })
  }

  const body = (() => {
    if (items.length === 0) return <EmptyList ui={ui} />
    switch (ui.layout) {
      case 'cards':
        return <Cards path={path} items={shown} columns={columns} lists={lists} ui={ui} onRemove={remove} />
      case 'bullets':
        return <Bullets path={path} items={shown} columns={columns} ui={ui} onRemove={remove} />
      case 'traits':
        return <Traits path={path} items={shown} ui={ui} onRemove={remove} />
      case 'table':
        return <Rows path={path} items={shown} columns={columns} ui={ui} onRemove={remove} />
    }
  })()

  return (
    <Stack gap={8} data-path={pathKey(path)} tabIndex={-1} className="structured-list" aria-label={ui.title}>
      <BlockHeading title={ui.title} description={ui.description} count={items.length} nested={nested} />
      {body}
      {items.length > shown.length && (
        <Button variant="subtle" size="xs" onClick={() => setLimit(items.length)} style={{ alignSelf: 'flex-start' }}>
          Show all {items.length}
        </Button>
      )}
      {env.editable && (
        <Group gap="xs">
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => add()}
            data-path={pathKey([...path, '+'])}
          >
            {addLabel(ui)}
          </Button>
          {ui.layout === 'traits' && items.length === 0 && (
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconSparkles size={14} />}
              onClick={() =>
                SUGGESTED_TRAITS.forEach(([left, right]) => env.write.add(path, { left, right, value: 50 }))
              }
            >
              Start from the usual traits
            </Button>
          )}
        </Group>
      )}
    </Stack>
  )
}

export function BlockHeading({
  title,
  description,
  count,
  nested,
}: {
  title: string
  description?: string
  count?: number
  nested?: boolean
}) {
  return (
    <div>
      <Group gap={8} align="center">
        <Text fw={600} size={nested ? 'sm' : 'md'}>
          {title}
        </Text>
        {count !== undefined && count > 0 && (
          <Badge size="sm" variant="light" color="gray" circle={count < 10}>
            {count}
          </Badge>
        )}
      </Group>
      {description && (
        <Text size="xs" c="dimmed" mt={2}>
          {description}
        </Text>
      )}
    </div>
  )
}

function EmptyList({ ui }: { ui: ListUi }) {
  const env = useStructuredEnv()
  return (
    <Paper radius="md" px="md" py="sm" bg="gray.0" style={{ border: '1px dashed var(--mantine-color-gray-3)' }}>
      <Text size="sm" c="dimmed">
        {env.editable ? ui.empty : 'Nothing here yet.'}
      </Text>
    </Paper>
  )
}

type Column = { key: string; shape: FieldShape }
interface LayoutProps {
  path: readonly string[]
  items: readonly Item[]
  ui: ListUi
  onRemove(id: string, index: number): void
}

function RemoveButton({ ui, index, onClick }: { ui: ListUi; index: number; onClick(): void }) {
  const env = useStructuredEnv()
  if (!env.editable) return null
  const label = `Remove ${itemLabel(ui, index).toLowerCase()}`
  return (
    <Tooltip label={label}>
      <ActionIcon variant="subtle" color="gray" size="md" onClick={onClick} aria-label={label}>
        <IconTrash size={15} stroke={1.6} />
      </ActionIcon>
    </Tooltip>
  )
}

const grow = (ui: ListUi, key: string) => ui.fields[key]?.grow ?? 1
const isMoot = (ui: ListUi, key: string, item: Item) => {
  const by = ui.fields[key]?.mootWhen
  return by !== undefined && item[by] === true
}

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
function Rows({ columns, ...props }: LayoutProps & { columns: Column[] }) {
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

interface ItemProps {
  item: Item
  index: number
  path: readonly string[]
  ui: ListUi
  columns: Column[]
  onRemove(id: string, index: number): void
}

const Row = memo(function Row({ item, index, path, ui, columns, onRemove }: ItemProps) {
  return (
    <Table.Tr data-path={pathKey([...path, item.id])}>
      {columns.map((c) => (
        <Table.Td key={c.key} style={{ verticalAlign: 'top' }}>
          <FieldControl
            path={[...path, item.id, c.key]}
            shape={c.shape as never}
            ui={ui.fields[c.key]!}
            value={item[c.key]}
            moot={isMoot(ui, c.key, item)}
            bare
          />
        </Table.Td>
      ))}
      <RemoveCell ui={ui} index={index} onClick={() => onRemove(item.id, index)} />
    </Table.Tr>
  )
}, sameItem)

function RemoveCell(props: { ui: ListUi; index: number; onClick(): void }) {
  const env = useStructuredEnv()
  if (!env.editable) return null
  return (
    <Table.Td style={{ verticalAlign: 'top', paddingTop: 7 }}>
      <RemoveButton {...props} />
    </Table.Td>
  )
}

function sameItem(a: ItemProps, b: ItemProps) {
  return (
    a.index === b.index &&
    a.ui === b.ui &&
    a.columns === b.columns &&
    pathKey(a.path) === pathKey(b.path) &&
    JSON.stringify(a.item) === JSON.stringify(b.item)
  )
}

/** One card per item: its fields in a grid that reflows with the pane, its nested lists below. */
function Cards({
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
    const remove = <RemoveButton ui={ui} index={index} onClick={() => onRemove(item.id, index)} />
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
                <FieldControl
                  path={[...path, item.id, c.key]}
                  shape={c.shape as never}
                  ui={ui.fields[c.key]!}
                  value={item[c.key]}
                  moot={isMoot(ui, c.key, item)}
                />
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

/** One line of text per item (do's and don'ts, growth tactics). */
function Bullets({ path, items, ui, columns, onRemove }: LayoutProps & { columns: Column[] }) {
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
            <RemoveButton ui={ui} index={index} onClick={() => onRemove(item.id, index)} />
          </Box>
        </Group>
      ))}
    </Stack>
  )
}

/** Personality: each trait a slider between two poles the team names. */
function Traits({ path, items, ui, onRemove }: LayoutProps) {
  return (
    <Stack gap="sm">
      {items.map((item, index) => (
        <Trait key={item.id} item={item} index={index} path={path} ui={ui} onRemove={onRemove} />
      ))}
    </Stack>
  )
}

function Trait({ item, index, path, ui, onRemove }: Omit<ItemProps, 'columns'>) {
  const env = useStructuredEnv()
  const valuePath = [...path, item.id, 'value']
  const stored = typeof item.value === 'number' ? item.value : 50
  const live = useLiveValue(stored, (next) => env.write.set(valuePath, next))
  const left = String(item.left ?? '')
  const right = String(item.right ?? '')
  const lean = (v: number) =>
    v === 50 ? 'Balanced' : v < 50 ? `${100 - v}% ${left || 'left'}` : `${v}% ${right || 'right'}`
  return (
    <Group gap="sm" wrap="nowrap" align="center" data-path={pathKey([...path, item.id])} className="structured-trait">
      <Box w={{ base: 92, sm: 130 }} style={{ flexShrink: 0 }}>
        <PoleInput
          path={[...path, item.id, 'left']}
          value={left}
          label={ui.fields.left!.label}
          placeholder={ui.fields.left!.placeholder}
          align="right"
        />
      </Box>
      <Slider
        style={{ flex: 1 }}
        data-path={pathKey(valuePath)}
        value={live.draft}
        onChange={(v) => env.editable && live.change(v)}
        onChangeEnd={(v) => env.editable && live.commitNow(v)}
        disabled={!env.editable}
        label={lean}
        thumbLabel={`${left || 'Left'} to ${right || 'right'}`}
        // The bar grows from the middle toward the pole the brand leans to.
        startPointValue={50}
        marks={[{ value: 50 }]}
        step={5}
      />
      <Box w={{ base: 92, sm: 130 }} style={{ flexShrink: 0 }}>
        <PoleInput
          path={[...path, item.id, 'right']}
          value={right}
          label={ui.fields.right!.label}
          placeholder={ui.fields.right!.placeholder}
        />
      </Box>
      <RemoveButton ui={ui} index={index} onClick={() => onRemove(item.id, index)} />
    </Group>
  )
}

function PoleInput(props: {
  path: readonly string[]
  value: string
  label: string
  placeholder?: string
  align?: 'right'
}): ReactNode {
  const env = useStructuredEnv()
  const live = useLiveValue(props.value, (next) => env.write.set(props.path, next))
  return (
    <TextInput
      size="sm"
      variant="filled"
      aria-label={props.label}
      placeholder={env.editable ? props.placeholder : '—'}
      readOnly={!env.editable}
      data-path={pathKey(props.path)}
      value={live.draft}
      maxLength={200}
      onChange={(e) => live.change(e.currentTarget.value)}
      onBlur={live.blur}
      styles={{ input: { textAlign: props.align ?? 'left', fontWeight: 500 } }}
    />
  )
}
