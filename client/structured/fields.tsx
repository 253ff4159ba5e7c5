import {
  Checkbox,
  type ComboboxData,
  Group,
  Input,
  SegmentedControl,
  Slider,
  Stack,
  Text,
  TextInput,
  Textarea,
  UnstyledButton,
} from '@mantine/core'
import { IconUser } from '@tabler/icons-react'
import { type ReactNode, Suspense, lazy, memo, useMemo } from 'react'
import type { FieldShape } from '../../shared/plan-model/schema-shape'
import { type FieldUi, type OptionSource, enumLabel } from '../../shared/plan-model/ui-spec'
import { FieldPeers, usePeerColor } from '../shared-text/FieldPeers'
import { RemoteCarets } from '../shared-text/RemoteCarets'
import { useSharedText } from '../shared-text/use-shared-text'
import { FieldSuggestions } from '../suggestions/FieldSuggestions'
import { useFieldSuggesting } from '../suggestions/field-suggesting'
import { formatNumber } from '../ui/format'
import { type StructuredEnv, pathKey, useStructuredEnv } from './env'
import { useLiveValue } from './use-live-value'

const DateInput = lazy(() => import('./DateFieldInput'))
const widget = <K extends keyof typeof import('./field-widgets')>(name: K) =>
  lazy(async () => ({ default: (await import('./field-widgets'))[name] }))
const NumberInput = widget('NumberInput')
const Select = widget('Select')
const MultiSelect = widget('MultiSelect')
const TagsInput = widget('TagsInput')
const Autocomplete = widget('Autocomplete')

export interface FieldProps {
  /** Where the field is: what the write helpers and the health findings call it. */
  path: readonly string[]
  shape: Exclude<FieldShape, { type: 'list' }>
  ui: FieldUi
  value: unknown
  /** In a table cell: no visible label (the column says it), one line where possible. */
  bare?: boolean
  /** Shown but not used (its `mootWhen` field is set). */
  moot?: boolean
  /** Shown read-only: its value comes from what another field points at (its `fixedWhen` field is set). */
  fixed?: boolean
}

/** Props every Mantine input here shares: label, accessible name, placeholder, the path, read-only. */
function common(env: StructuredEnv, { path, ui, bare, moot, fixed }: FieldProps) {
  return {
    disabled: moot,
    label: bare ? undefined : ui.label,
    description: bare ? undefined : ui.description,
    'aria-label': ui.label,
    placeholder: env.editable && !fixed ? ui.placeholder : bare ? '' : '—',
    readOnly: !env.editable || fixed,
    'data-fixed': fixed || undefined,
    'data-path': pathKey(path),
    size: 'sm' as const,
  }
}

/** A field whose input loads after the page (see field-widgets.tsx): until then it shows `shown`, read-only. */
function Deferred({ field, shown, children }: { field: FieldProps; shown: string; children: ReactNode }) {
  const env = useStructuredEnv()
  return <Suspense fallback={<TextInput {...common(env, field)} readOnly value={shown} />}>{children}</Suspense>
}

/**
 * One field of a section's structured content, bound live to the document: the control comes from
 * the field's schema (text, number, date, choice, person, links…), the words from ui-spec.ts; the
 * others in the field show at its corner, and its outline takes the colour of the first of them.
 */
export const FieldControl = memo(function FieldControl(props: FieldProps) {
  return (
    <FieldFrame path={pathKey(props.path)}>
      <Control {...props} />
    </FieldFrame>
  )
}, sameProps)

export function FieldFrame({ path, children }: { path: string; children: React.ReactNode }) {
  const color = usePeerColor(path)
  return (
    <div
      className="structured-field"
      data-peers={color ? '' : undefined}
      style={color ? ({ '--peer-color': color } as React.CSSProperties) : undefined}
    >
      {children}
      <FieldPeers path={path} />
    </div>
  )
}

function Control(props: FieldProps) {
  const env = useStructuredEnv()
  const { shape, ui } = props
  if (ui.widget === 'share' && shape.type === 'number') return <ShareField {...props} />
  switch (shape.type) {
    case 'text':
      return <TextField {...props} />
    case 'number':
      return <NumberField {...props} />
    case 'date':
      return <DateField {...props} />
    case 'enum':
      return ui.widget === 'segmented' ? <SegmentedField {...props} /> : <EnumField {...props} />
    case 'boolean':
      return (
        <Checkbox
          {...common(env, props)}
          // In a table the column heading names it.
          label={props.bare ? undefined : ui.label}
          checked={props.value === true}
          onChange={(e) => env.editable && env.write.set(props.path, e.currentTarget.checked)}
          mt={props.bare ? 8 : 28}
        />
      )
    case 'person':
      return <PersonField {...props} />
    case 'link':
    case 'links':
      return <LinkField {...props} />
    case 'tags':
      return <TagsField {...props} />
  }
}

function sameProps(a: FieldProps, b: FieldProps) {
  return (
    a.shape === b.shape &&
    a.ui === b.ui &&
    a.bare === b.bare &&
    a.moot === b.moot &&
    a.fixed === b.fixed &&
    pathKey(a.path) === pathKey(b.path) &&
    JSON.stringify(a.value) === JSON.stringify(b.value)
  )
}

/** Free text: bound to the field's shared text, so people typing in it at once all keep their words. */
function TextField(props: FieldProps) {
  const env = useStructuredEnv()
  const { path, shape, bare } = props
  const { element, ...text } = useSharedTextField(path, props.value, props.fixed)
  const input = { ...common(env, props), ...text, maxLength: shape.type === 'text' ? shape.max : undefined }
  return (
    <>
      {shape.type === 'text' && shape.long ? (
        <Textarea {...input} autosize minRows={bare ? 1 : 2} maxRows={12} />
      ) : (
        <TextInput {...input} />
      )}
      <RemoteCarets doc={env.doc} path={path} element={element} />
      <FieldSuggestions doc={env.doc} path={path} />
    </>
  )
}

/**
 * A text field of this section bound to its shared text; only people who may edit create it. In
 * Suggesting mode it is unbound and what is typed becomes a suggestion on it (field-suggesting.ts).
 */
export function useSharedTextField(path: readonly string[], value: unknown, fixed = false) {
  const env = useStructuredEnv()
  const fallback = typeof value === 'string' ? value : ''
  const suggesting = useFieldSuggesting(env.doc, env.kind, path, fallback, fixed)
  const shared = useSharedText({
    doc: env.doc,
    path,
    fallback,
    create: env.editable && !fixed ? () => env.write.text(path) : undefined,
    // A fixed field shows what it comes from, not a text of its own.
    bound: !fixed && !suggesting,
  })
  return suggesting ? { ...shared, ...suggesting } : shared
}

function NumberField(props: FieldProps) {
  const env = useStructuredEnv()
  const { path, shape, ui } = props
  const value = typeof props.value === 'number' ? props.value : ''
  const live = useLiveValue<number | string>(value, (next) => {
    if (next === '' || next === '-')
      return shape.type === 'number' && shape.nullable ? env.write.set(path, null) : false
    const n = typeof next === 'number' ? next : Number(next)
    return Number.isFinite(n) ? env.write.set(path, n) : false
  })
  if (shape.type !== 'number') return null
  return (
    <Deferred field={props} shown={typeof live.draft === 'number' ? formatNumber(live.draft) : live.draft}>
      <NumberInput
        {...common(env, props)}
        value={live.draft}
        // Typed through lazy(), the input's value type widens to bigint, which this field never asks for.
        onChange={(next) => typeof next !== 'bigint' && live.change(next)}
        onBlur={live.blur}
        min={shape.min ?? undefined}
        max={shape.max ?? undefined}
        allowDecimal={!shape.int}
        clampBehavior="strict"
        hideControls
        rightSection={
          ui.suffix ? (
            <Text size="xs" c="dimmed" pr={8}>
              {ui.suffix}
            </Text>
          ) : undefined
        }
        rightSectionWidth={ui.suffix ? 52 : undefined}
      />
    </Deferred>
  )
}

function DateField(props: FieldProps) {
  const env = useStructuredEnv()
  const value = typeof props.value === 'string' ? props.value : null
  return (
    <Deferred field={props} shown={value ?? ''}>
      <DateInput
        {...common(env, props)}
        value={value}
        onChange={(next) => env.write.set(props.path, next)}
        valueFormat="D MMM YYYY"
        clearable={env.editable}
        popoverProps={{ withinPortal: true }}
      />
    </Deferred>
  )
}

function EnumField(props: FieldProps) {
  const env = useStructuredEnv()
  const { shape } = props
  if (shape.type !== 'enum') return null
  return (
    <Deferred field={props} shown={typeof props.value === 'string' ? enumLabel(props.value) : ''}>
      <Select
        {...common(env, props)}
        data={shape.options.map((o) => ({ value: o, label: enumLabel(o) }))}
        value={typeof props.value === 'string' ? props.value : null}
        onChange={(next) => (next !== null || shape.nullable) && env.write.set(props.path, next)}
        allowDeselect={shape.nullable}
        clearable={shape.nullable && env.editable}
        comboboxProps={{ withinPortal: true }}
      />
    </Deferred>
  )
}

function SegmentedField(props: FieldProps) {
  const env = useStructuredEnv()
  const { shape, ui } = props
  if (shape.type !== 'enum') return null
  return (
    <Input.Wrapper
      label={props.bare ? undefined : ui.label}
      description={props.bare ? undefined : ui.description}
      size="sm"
    >
      <SegmentedControl
        data-path={pathKey(props.path)}
        aria-label={ui.label}
        fullWidth
        size="sm"
        readOnly={!env.editable}
        data={shape.options.map((o) => ({ value: o, label: enumLabel(o) }))}
        value={typeof props.value === 'string' ? props.value : ''}
        onChange={(next) => env.write.set(props.path, next)}
        // Nothing chosen yet reads as nothing chosen, not as the first option.
        styles={typeof props.value === 'string' ? undefined : { indicator: { display: 'none' } }}
      />
    </Input.Wrapper>
  )
}

/** A member (stored as their user id, shown by name) or anyone else, typed in words. */
function PersonField(props: FieldProps) {
  const env = useStructuredEnv()
  const stored = typeof props.value === 'string' ? props.value : ''
  const shown = env.members.find((m) => m.userId === stored)?.name ?? stored
  const names = useMemo(() => [...new Set(env.members.map((m) => m.name))], [env.members])
  const toStored = (text: string) =>
    env.members.find((m) => m.name.trim().toLowerCase() === text.trim().toLowerCase())?.userId ?? text
  const live = useLiveValue(shown, (next) => env.write.set(props.path, toStored(next)))
  return (
    <Deferred field={props} shown={live.draft}>
      <Autocomplete
        {...common(env, props)}
        data={names}
        value={live.draft}
        onChange={live.change}
        onOptionSubmit={(name) => live.commitNow(name)}
        onBlur={live.blur}
        maxLength={120}
        leftSection={<IconUser size={15} stroke={1.6} />}
        comboboxProps={{ withinPortal: true }}
      />
    </Deferred>
  )
}

/**
 * The typing field beside pills: read-only it takes no room (it still carries the path, to scroll to);
 * editable it sits beside the pills while there is room instead of always taking a line of its own.
 */
function pillsFieldStyles(editable: boolean, count: number) {
  if (!editable && count > 0)
    return { inputField: { position: 'absolute', width: 1, minWidth: 0, opacity: 0, pointerEvents: 'none' } } as const
  return editable && count > 0 ? ({ inputField: { minWidth: 48 } } as const) : undefined
}

const MISSING = 'Removed or unknown'

/** Choices with the linked ids that no longer exist added, named as such, so a broken link shows. */
function withMissing(env: StructuredEnv, source: OptionSource, ids: string[]): ComboboxData {
  const missing = ids.filter((id) => env.labelOf(source, id) === null)
  if (missing.length === 0) return env.options[source]
  return [...(env.options[source] as never[]), ...missing.map((id) => ({ value: id, label: MISSING }))]
}

function LinkField(props: FieldProps) {
  const env = useStructuredEnv()
  const { shape, ui } = props
  const source = ui.options ?? 'objectives'
  if (shape.type === 'link') {
    const value = typeof props.value === 'string' ? props.value : null
    const broken = value !== null && env.labelOf(source, value) === null
    return (
      <Deferred field={props} shown={value === null ? '' : (env.labelOf(source, value) ?? MISSING)}>
        <Select
          {...common(env, props)}
          data={withMissing(env, source, value ? [value] : [])}
          value={value}
          onChange={(next) => env.write.set(props.path, next)}
          clearable={env.editable}
          searchable
          nothingFoundMessage="Nothing matches"
          error={broken ? (props.bare ? true : 'It points at something that was removed.') : undefined}
          comboboxProps={{ withinPortal: true }}
        />
      </Deferred>
    )
  }
  const values = Array.isArray(props.value) ? (props.value as string[]) : []
  return (
    <Deferred field={props} shown={values.map((id) => env.labelOf(source, id) ?? MISSING).join(', ')}>
      <MultiSelect
        {...common(env, props)}
        placeholder={values.length > 0 ? undefined : common(env, props).placeholder}
        data={withMissing(env, source, values)}
        value={values}
        onChange={(next) => env.write.set(props.path, next)}
        searchable
        clearable={env.editable && values.length > 1}
        hidePickedOptions
        styles={pillsFieldStyles(env.editable, values.length)}
        maxValues={shape.type === 'links' ? shape.max : undefined}
        nothingFoundMessage={env.options[source].length === 0 ? emptyOptions[source] : 'Nothing matches'}
        comboboxProps={{ withinPortal: true }}
      />
    </Deferred>
  )
}

const emptyOptions: Record<OptionSource, string> = {
  departments: 'The workspace has no departments.',
  networks: 'The plan has no network sections yet.',
  objectives: 'No objectives written yet.',
}

function TagsField(props: FieldProps) {
  const env = useStructuredEnv()
  const values = Array.isArray(props.value) ? (props.value as string[]) : []
  return (
    <Deferred field={props} shown={values.join(', ')}>
      <TagsInput
        {...common(env, props)}
        placeholder={values.length > 0 ? undefined : common(env, props).placeholder}
        value={values}
        onChange={(next) => env.write.set(props.path, next)}
        data={['Facebook', 'Instagram', 'LinkedIn', 'X', 'TikTok', 'YouTube', 'Pinterest']}
        maxTags={props.shape.type === 'tags' ? props.shape.max : undefined}
        styles={pillsFieldStyles(env.editable, values.length)}
        clearable={env.editable && values.length > 1}
        comboboxProps={{ withinPortal: true }}
      />
    </Deferred>
  )
}

/** The editorial line as a share: value content on the left, promotional on the right. */
function ShareField(props: FieldProps) {
  const env = useStructuredEnv()
  const stored = typeof props.value === 'number' ? props.value : null
  const live = useLiveValue<number | null>(stored, (next) => env.write.set(props.path, next))
  const value = live.draft
  return (
    <Stack gap={6}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={500}>
          {props.ui.label}
        </Text>
        {value !== null && env.editable && (
          <UnstyledButton onClick={() => live.commitNow(null)} aria-label="Clear the share">
            <Text size="xs" c="dimmed" td="underline">
              Clear
            </Text>
          </UnstyledButton>
        )}
      </Group>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="xs" fw={600} c={value === null ? 'dimmed' : 'teal.8'}>
          Value content{value === null ? '' : ` ${Math.round(value)}%`}
        </Text>
        <Text size="xs" fw={600} c={value === null ? 'dimmed' : 'orange.8'} ta="right">
          {value === null ? '' : `${100 - Math.round(value)}% `}promotional
        </Text>
      </Group>
      <Slider
        data-path={pathKey(props.path)}
        style={{ opacity: value === null ? 0.45 : 1 }}
        value={value ?? 50}
        onChange={(next) => env.editable && live.change(next)}
        onChangeEnd={(next) => env.editable && live.commitNow(next)}
        disabled={!env.editable}
        color="teal"
        // Unset, no thumb and no label stand at 50%: nothing says a share the team has not chosen.
        label={value === null ? null : (v) => `${Math.round(v)}% value · ${100 - Math.round(v)}% promotional`}
        thumbLabel={props.ui.label}
        marks={[{ value: 50 }, { value: 80 }]}
        step={5}
        // The rest of the track is the promotional share.
        styles={{
          track: { '--track-bg': value === null ? undefined : 'var(--mantine-color-orange-2)' },
          thumb: value === null ? { opacity: 0 } : {},
        }}
      />
      {value === null && (
        <Text size="xs" c="dimmed">
          {env.editable
            ? 'Not set yet: drag to say how much of what you post is useful content rather than promotion.'
            : 'Not set yet.'}
        </Text>
      )}
    </Stack>
  )
}
