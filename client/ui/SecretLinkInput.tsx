import { ActionIcon, CopyButton, TextInput, type TextInputProps, Tooltip } from '@mantine/core'
import { IconCheck, IconCopy } from '@tabler/icons-react'

export interface SecretLinkInputProps extends Omit<TextInputProps, 'value' | 'readOnly' | 'rightSection'> {
  value: string
  /** The copy button's accessible name, e.g. "Copy invite link". */
  copyLabel: string
  /** Its tooltip. */
  copyHint?: string
}

/**
 * A link the server shows once (it keeps only its hash): read-only, selected on focus so it can be
 * copied by hand, with a copy button beside it.
 */
export function SecretLinkInput({ value, copyLabel, copyHint = 'Copy link', ...input }: SecretLinkInputProps) {
  return (
    <TextInput
      {...input}
      readOnly
      value={value}
      onFocus={(e) => e.currentTarget.select()}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
      rightSection={
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? 'Copied' : copyHint}>
              <ActionIcon
                variant={copied ? 'filled' : 'subtle'}
                color={copied ? 'teal' : 'gray'}
                onClick={copy}
                aria-label={copyLabel}
              >
                {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      }
    />
  )
}
