import { type Extensions, getSchema } from '@tiptap/core'
import type { Schema } from '@tiptap/pm/model'
import { TaskItem, TaskList } from '@tiptap/extension-list'
import { TableKit } from '@tiptap/extension-table'
import StarterKit from '@tiptap/starter-kit'

/**
 * The rich-text schema of every section's `body`, one list for the editor and for anything the server
 * renders (exports), so the two can never drift. Collaboration provides undo, so StarterKit's is off.
 */
export function richTextExtensions(): Extensions {
  return [
    StarterKit.configure({ undoRedo: false, link: { openOnClick: false, autolink: true } }),
    TableKit.configure({ table: { resizable: false } }),
    TaskList,
    TaskItem.configure({ nested: true }),
  ]
}

let schema: Schema | null = null
/** The ProseMirror schema of those extensions, built once: for reading a body outside an editor. */
export const richTextSchema = (): Schema => (schema ??= getSchema(richTextExtensions()))
