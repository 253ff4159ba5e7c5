import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPlus, IconSparkles } from '@tabler/icons-react'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { z } from 'zod'
import { SUGGESTED_TRAITS } from '../../shared/plan-model/schema'
import { fieldsOf } from '../../shared/plan-model/schema-shape'
import { type ListUi, addLabel, itemLabel } from '../../shared/plan-model/ui-spec'
import { pathKey, useStructuredEnv } from './env'
import { Bullets } from './ListBullets'
import { Cards } from './ListCards'
import { Rows } from './ListTable'
import { Traits } from './ListTraits'
import type { Item } from './list-parts'

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

/**
 * A list of a section's structured content, editable in place: a heading, the items laid out as the
 * list asks (rows, cards, bullets or sliders), "Add …" and a remove button per item with undo.
 */
export function ListBlock({ path, items, item, ui, nested }: ListBlockProps) {
  const env = useStructuredEnv()
  const [limit, setLimit] = useState(PAGE)
  /** The item just added, whose first field takes the cursor once it is on screen. */
  const focusId = useRef<string | null>(null)
  const columns = useMemo(() => fieldsOf(item).filter((f) => ui.fields[f.key]), [item, ui])
  const lists = useMemo(() => fieldsOf(item).filter((f) => f.shape.type === 'list' && ui.lists?.[f.key]), [item, ui])
  const shown = items.slice(0, limit)

  // A new item's first field takes the cursor.
  useEffect(() => {
    const id = focusId.current
    if (!id || !items.some((i) => i.id === id)) return
    const first = columns[0]
    const el =
      first && document.querySelector<HTMLElement>(`[data-path="${CSS.escape(pathKey([...path, id, first.key]))}"]`)
    el?.focus()
    focusId.current = null
  }, [items, columns, path])

  const add = (values?: Record<string, unknown>) => {
    const id = env.write.add(path, values)
    if (id) {
      focusId.current = id
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
