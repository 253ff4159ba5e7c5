import { Button, Combobox, Group, Stack, Text, Textarea, useCombobox } from '@mantine/core'
import { getHotkeyHandler } from '@mantine/hooks'
import { useMemo, useRef, useState } from 'react'
import type { UserRef } from '../../shared/comments/schema'
import { LIMITS } from '../../shared/limits'
import { toMarkup } from './mention-text'
import { PersonAvatar } from './PersonAvatar'
import { formatNumber } from '../ui/format'

export interface ComposerProps {
  /** The people who may be mentioned (the workspace's members). */
  people: readonly UserRef[]
  submitLabel: string
  placeholder: string
  initialText?: string
  initialMentions?: readonly UserRef[]
  autoFocus?: boolean
  /** Resolves when the comment was stored; the composer then clears itself. */
  onSubmit: (body: string, mentions: string[]) => Promise<unknown>
  onCancel?: () => void
  /** Shown only once something is typed (a reply box stays small until used). */
  compact?: boolean
}

/** What is being typed after an `@` right before the caret, or null. */
function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const m = /(^|\s)@([^\s@]{0,30})$/.exec(text.slice(0, caret))
  return m ? { start: caret - m[2]!.length - 1, query: m[2]!.toLowerCase() } : null
}

/** A comment box: plain text, `@` to mention a member (picked from a list), Ctrl/⌘+Enter to send. */
export function CommentComposer({
  people,
  submitLabel,
  placeholder,
  initialText = '',
  initialMentions = [],
  autoFocus,
  onSubmit,
  onCancel,
  compact,
}: ComposerProps) {
  const [text, setText] = useState(initialText)
  const [picked, setPicked] = useState<UserRef[]>([...initialMentions])
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null)
  const [sending, setSending] = useState(false)
  const [focused, setFocused] = useState(false)
  const input = useRef<HTMLTextAreaElement>(null)
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() })

  const options = useMemo(() => {
    if (!query) return []
    return people
      .filter(
        (p) =>
          query.query === '' ||
          p.name
            .toLowerCase()
            .split(/\s+/)
            .some((w) => w.startsWith(query.query)) ||
          p.name.toLowerCase().startsWith(query.query),
      )
      .slice(0, 8)
  }, [people, query])

  const update = (value: string, caret: number) => {
    setText(value)
    const q = mentionQuery(value, caret)
    setQuery(q)
    if (q) {
      combobox.openDropdown()
      requestAnimationFrame(() => combobox.selectFirstOption())
    } else combobox.closeDropdown()
  }

  const pick = (userId: string) => {
    const person = people.find((p) => p.id === userId)
    if (!person || !query) return
    const caret = input.current?.selectionStart ?? text.length
    const next = `${text.slice(0, query.start)}@${person.name} ${text.slice(caret)}`
    const at = query.start + person.name.length + 2
    setText(next)
    setPicked((list) => (list.some((p) => p.id === person.id) ? list : [...list, person]))
    setQuery(null)
    combobox.closeDropdown()
    requestAnimationFrame(() => {
      input.current?.focus()
      input.current?.setSelectionRange(at, at)
    })
  }

  const trimmed = text.trim()
  const tooLong = toMarkup(text, picked).body.length > LIMITS.commentLength
  const submit = async () => {
    if (!trimmed || tooLong || sending) return
    const { body, mentions } = toMarkup(trimmed, picked)
    setSending(true)
    try {
      await onSubmit(body, mentions)
      setText('')
      setPicked([])
      setFocused(false)
    } catch {
      // The mutation announced why; the text stays to try again.
    } finally {
      setSending(false)
    }
  }

  const expanded = !compact || focused || text.length > 0
  return (
    <Stack gap={6}>
      <Combobox store={combobox} onOptionSubmit={pick} position="bottom-start" width={240} withinPortal>
        <Combobox.Target>
          <Textarea
            ref={input}
            value={text}
            placeholder={placeholder}
            aria-label={placeholder}
            autosize
            minRows={expanded ? 2 : 1}
            maxRows={10}
            size="sm"
            data-autofocus={autoFocus || undefined}
            autoFocus={autoFocus}
            error={tooLong ? `A comment holds at most ${formatNumber(LIMITS.commentLength)} characters.` : undefined}
            onFocus={() => setFocused(true)}
            onChange={(e) =>
              update(e.currentTarget.value, e.currentTarget.selectionStart ?? e.currentTarget.value.length)
            }
            onKeyDown={getHotkeyHandler([
              ['mod+Enter', () => void submit()],
              ['Escape', () => (combobox.dropdownOpened ? combobox.closeDropdown() : onCancel?.())],
            ])}
          />
        </Combobox.Target>
        <Combobox.Dropdown hidden={options.length === 0}>
          <Combobox.Options aria-label="Mention someone">
            {options.map((p) => (
              <Combobox.Option value={p.id} key={p.id}>
                <Group gap="xs" wrap="nowrap">
                  <PersonAvatar person={p} size={22} />
                  <Text size="sm" truncate>
                    {p.name}
                  </Text>
                </Group>
              </Combobox.Option>
            ))}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
      {expanded && (
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text size="xs" c="dimmed" visibleFrom="sm">
            @ to mention
          </Text>
          <Group gap={6} wrap="nowrap" ml="auto">
            {onCancel && (
              <Button size="compact-sm" variant="subtle" color="gray" onClick={onCancel}>
                Cancel
              </Button>
            )}
            <Button size="compact-sm" onClick={() => void submit()} loading={sending} disabled={!trimmed || tooLong}>
              {submitLabel}
            </Button>
          </Group>
        </Group>
      )}
    </Stack>
  )
}
