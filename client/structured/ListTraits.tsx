import { Box, Group, Slider, Stack, TextInput } from '@mantine/core'
import type { ReactNode } from 'react'
import { pathKey, useStructuredEnv } from './env'
import { RemoteCarets } from '../shared-text/RemoteCarets'
import { FieldFrame, useSharedTextField } from './fields'
import { FieldSuggestions } from '../suggestions/FieldSuggestions'
import { type ItemProps, type LayoutProps, RemoveButton } from './list-parts'
import { useLiveValue } from './use-live-value'

/** Personality: each trait a slider between two poles the team names. */
export function Traits({ path, items, ui, onRemove }: LayoutProps) {
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
  const left = typeof item.left === 'string' ? item.left : ''
  const right = typeof item.right === 'string' ? item.right : ''
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
      <RemoveButton ui={ui} item={item} index={index} onClick={() => onRemove(item.id, index)} />
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
  const { element, ...text } = useSharedTextField(props.path, props.value)
  return (
    <FieldFrame path={pathKey(props.path)}>
      <TextInput
        size="sm"
        variant="filled"
        aria-label={props.label}
        placeholder={env.editable ? props.placeholder : '—'}
        readOnly={!env.editable}
        data-path={pathKey(props.path)}
        {...text}
        maxLength={200}
        styles={{ input: { textAlign: props.align ?? 'left', fontWeight: 500 } }}
      />
      <RemoteCarets doc={env.doc} path={props.path} element={element} />
      <FieldSuggestions doc={env.doc} path={props.path} />
    </FieldFrame>
  )
}
