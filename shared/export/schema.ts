import { z } from 'zod'

/**
 * `GET /api/plans/:id/export?format=md|html|pdf` (docs/product.md#export-and-sharing, #interfaces-integrators-rely-on).
 */
export const EXPORT_FORMATS = ['md', 'html', 'pdf'] as const
export const ExportFormat = z.enum(EXPORT_FORMATS)
export type ExportFormat = z.infer<typeof ExportFormat>

export const ExportQuery = z.object({
  /** Markdown unless said otherwise. */
  format: ExportFormat.default('md'),
})

export const EXPORT_LABELS: Record<ExportFormat, string> = {
  md: 'Markdown',
  html: 'Web page (HTML)',
  pdf: 'PDF',
}
