import { lazyWhenShown } from '../ui/lazy-when-opened'

/** The comment box, loaded when first opened: its mention picker (Mantine's combobox) is not needed to read a plan. */
export const ComposerWhenShown = lazyWhenShown(async () => (await import('./CommentComposer')).CommentComposer)
