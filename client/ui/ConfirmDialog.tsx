import type { ReactNode } from 'react'
import { lazyWhenOpened } from './lazy-when-opened'

export interface ConfirmDialogProps {
  opened: boolean
  title: string
  /** What will happen, in plain words; destructive actions say what is kept and what is lost. */
  children: ReactNode
  confirmLabel: string
  loading?: boolean
  onConfirm: () => void
  onClose: () => void
}

/** Asks before anything that cannot be undone with one click. */
export const ConfirmDialog = lazyWhenOpened<ConfirmDialogProps>(() =>
  import('./ConfirmDialogModal').then((m) => m.ConfirmDialogModal),
)
