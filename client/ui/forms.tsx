import { Alert, Button, Group, Stack, TextInput } from '@mantine/core'
import { schemaResolver, useForm } from '@mantine/form'
import { IconAlertCircle } from '@tabler/icons-react'
import { errorMessage } from '../api/errors'

/** Any schema Mantine's resolver accepts: our zod schemas (Standard Schema). */
export type FormSchema = Parameters<typeof schemaResolver>[0]

/**
 * A Mantine form validated by one of the shared zod schemas, so the browser says exactly what the
 * server would (same limits, same sentences) before anything is sent.
 */
export function useSchemaForm<Values extends Record<string, unknown>>(schema: FormSchema, initialValues: Values) {
  return useForm<Values>({
    mode: 'controlled',
    initialValues,
    validate: schemaResolver(schema, { sync: true }),
    validateInputOnBlur: true,
  })
}

/** The server's answer to a form that failed, shown above its button. */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null
  return (
    <Alert variant="light" color="red" icon={<IconAlertCircle size={18} />} role="alert" py="xs">
      {errorMessage(error)}
    </Alert>
  )
}

export interface SingleFieldFormProps {
  /** A shared schema with one string field, e.g. CreatePlanBody. */
  schema: FormSchema
  field: string
  label: string
  submitLabel: string
  onSubmit: (value: string) => Promise<unknown>
  /** Called after a successful submit (the error, if any, has already been announced). */
  onDone?: () => void
  onCancel?: () => void
  initialValue?: string
  placeholder?: string
  description?: string
  /** Keep the button enabled only when the value changed (renames). */
  requireChange?: boolean
}

/** Name a thing: a workspace, a plan, a department. One text field, validated, with its button. */
export function SingleFieldForm(props: SingleFieldFormProps) {
  const {
    schema,
    field,
    label,
    submitLabel,
    onSubmit,
    onDone,
    onCancel,
    initialValue = '',
    placeholder,
    description,
    requireChange,
  } = props
  const form = useSchemaForm<Record<string, string>>(schema, { [field]: initialValue })
  const unchanged = requireChange && (form.values[field] ?? '').trim() === initialValue.trim()

  return (
    <form
      onSubmit={form.onSubmit(async (values) => {
        try {
          await onSubmit(values[field] ?? '')
        } catch {
          return // announced by the mutation; the form stays open to try again
        }
        if (!requireChange) form.reset()
        else form.resetDirty()
        onDone?.()
      })}
    >
      <Stack gap="md">
        <TextInput
          label={label}
          placeholder={placeholder}
          description={description}
          data-autofocus
          {...form.getInputProps(field)}
          key={form.key(field)}
        />
        <Group justify="flex-end" gap="sm">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={form.submitting} disabled={unchanged}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
