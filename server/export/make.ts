import type { ExportFormat } from '../../shared/export/schema'
import type { ShareScope } from '../../shared/shares/schema'
import type { PlanRow } from '../plans/tables'
import type { DbOrTx } from '../storage/database'
import type { DocumentHub } from '../sync/hub'
import { type ExportDocument, buildDocument } from './document'
import { loadExportSource } from './load'
import { renderHtml } from './render-html'
import { renderMarkdown } from './render-markdown'
import { renderPdf } from './render-pdf'

/*
 * An export from end to end: read the plan, build its document, render it. The routes load this module
 * on first use (`await import('./make')`) because reading bodies and rendering pull in Tiptap's schema
 * and renderers, which a process that never exports should not hold in memory.
 */

type Deps = { db: DbOrTx; hub: DocumentHub }

/** A download in the format asked for, and when its content was read (for the file name). */
export async function makeExport(deps: Deps, plan: PlanRow, format: ExportFormat) {
  const source = await loadExportSource(deps, plan)
  const doc = buildDocument(source)
  const body =
    format === 'md'
      ? renderMarkdown(doc)
      : format === 'html'
        ? renderHtml(doc, { cover: true })
        : await renderPdf(renderHtml(doc, { cover: true }), `${doc.title} · ${doc.workspace}`)
  return { body, generatedAt: source.generatedAt }
}

/** The read-only page of a public link: what its scope shows, under a banner saying who shared it. */
export async function makePublicPage(
  deps: Deps,
  plan: PlanRow,
  scope: ShareScope,
  banner: (doc: ExportDocument) => string,
) {
  const doc = buildDocument(await loadExportSource(deps, plan, scope), scope)
  return renderHtml(doc, { cover: false, banner: banner(doc) })
}
