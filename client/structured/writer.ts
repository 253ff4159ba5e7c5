import type * as Y from 'yjs'
import { readContent } from '../../shared/plan-model/read'
import {
  InvalidContentError,
  addItem,
  ensureTextAt,
  removeItem,
  setField,
  updateItem,
} from '../../shared/plan-model/write'
import type { SectionKind } from '../../shared/plans/catalog'
import { notifyError } from '../ui/notify'

/**
 * The write helpers of plan-model/write.ts addressed by path, the way the generic renderer and the
 * health findings name places: ['businessAims'], ['objectives', id, 'target'],
 * ['competitors', id, 'ideas', ideaId, 'objectiveId']. Every change goes through those helpers, so
 * what is written is validated first; a refused value is told to the person and changes nothing.
 */
export interface Writer {
  /** Set a plain field; false when the value was refused. */
  set(path: readonly string[], value: unknown): boolean
  /** Add an item to the list at `listPath` (with `values`, which may carry an id to restore); its id. */
  add(listPath: readonly string[], values?: Record<string, unknown>, index?: number): string | null
  /** Remove an item; what it held and where it was, to put it back. */
  remove(listPath: readonly string[], id: string): { values: Record<string, unknown>; index: number } | null
  /** The shared text of a text field, made if it has none yet: what a field binding types into. */
  text(path: readonly string[]): Y.Text | null
}

function attempt<T>(change: () => T): T | null {
  try {
    return change()
  } catch (error) {
    notifyError(
      error instanceof InvalidContentError ? new Error(`That value cannot be saved (${error.message}).`) : error,
      'Not saved',
    )
    return null
  }
}

/** The item at the end of a list path, as the reader sees it now, with its index. */
function findItem(doc: Y.Doc, kind: SectionKind, listPath: readonly string[], id: string) {
  let node: unknown = readContent(doc, kind)
  for (let i = 0; i < listPath.length; i++) {
    const step = listPath[i]!
    if (i % 2 === 0) node = (node as Record<string, unknown> | undefined)?.[step]
    else node = (node as { id: string }[] | undefined)?.find((item) => item.id === step)
  }
  const list = (node as Record<string, unknown>[] | undefined) ?? []
  const index = list.findIndex((item) => item.id === id)
  return index < 0 ? null : { values: list[index]!, index }
}

/**
 * A list row that the list shows without an item in the document yet (a network section's row in
 * Network selection): the values its item is made with when someone first writes in it, keeping the
 * row's id so the field being typed in stays the same field.
 */
export type DerivedRow = (listPath: readonly string[], id: string) => Record<string, unknown> | null

export function createWriter(doc: Y.Doc, kind: SectionKind, derivedRow?: DerivedRow): Writer {
  /** Make the item of a derived row the path goes through, when it has none yet. */
  const materialize = (path: readonly string[]) => {
    if (!derivedRow || path.length < 3) return
    const listPath = path.slice(0, -2)
    const id = path.at(-2)!
    if (findItem(doc, kind, listPath, id)) return
    const values = derivedRow(listPath, id)
    if (values) addItem(doc, kind, listPath as never, { ...values, id } as never)
  }
  return {
    set(path, value) {
      return (
        attempt(() => {
          materialize(path)
          if (path.length === 1) setField(doc, kind, path[0] as never, value as never)
          else updateItem(doc, kind, path.slice(0, -2) as never, path.at(-2)!, { [path.at(-1)!]: value } as never)
          return true
        }) ?? false
      )
    },
    add(listPath, values = {}, index) {
      return attempt(() => addItem(doc, kind, listPath as never, values as never, index))
    },
    text(path) {
      return attempt(() => {
        materialize(path)
        return ensureTextAt(doc, kind, path)
      })
    },
    remove(listPath, id) {
      return attempt(() => {
        const found = findItem(doc, kind, listPath, id)
        removeItem(doc, kind, listPath as never, id)
        return found
      })
    },
  }
}
