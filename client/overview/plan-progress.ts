import type { SectionModel } from '../../shared/plan-model/model'
import type { Finding } from '../../shared/health/schema'
import { SECTION_CATALOG, STEP_TITLES, type SectionKindInfo } from '../../shared/plans/catalog'
import type { Section } from '../../shared/plans/schema'

export type StepNumber = SectionKindInfo['step']
export type StepState = 'done' | 'started' | 'todo'

export interface StepProgress {
  step: StepNumber
  title: string
  state: StepState
  sections: { section: Section; written: boolean }[]
  errors: number
  warnings: number
  /** Why the step is not done yet, in a few words; null when it is. */
  missing: string | null
}

/** Whether a section holds anything someone wrote: rich text, or any structured field set. */
export function hasContent(model: Pick<SectionModel, 'content' | 'bodyText'>): boolean {
  if (model.bodyText.trim()) return true
  return Object.values(model.content as Record<string, unknown>).some((v) => {
    if (v === null || v === undefined) return false
    if (typeof v === 'string') return v.trim() !== ''
    if (Array.isArray(v)) return v.length > 0
    if (typeof v === 'boolean') return v
    return typeof v === 'number'
  })
}

/** The findings of the health report, whatever shape the shared cache holds it in. */
export function findingsOf(data: unknown): Finding[] {
  if (Array.isArray(data)) return data as Finding[]
  if (data && typeof data === 'object' && Array.isArray((data as { findings?: unknown }).findings))
    return (data as { findings: Finding[] }).findings
  return []
}

/**
 * The plan's progress through the six steps: a step is done when each of its sections has content and
 * none has an error finding (step 4 also needs at least one network); started when something is written.
 */
export function planProgress(
  sections: readonly Section[],
  written: (sectionId: string) => boolean,
  findings: readonly Finding[],
): StepProgress[] {
  return ([1, 2, 3, 4, 5, 6] as const).map((step) => {
    const inStep = sections
      .filter((s) => SECTION_CATALOG[s.kind].step === step)
      .map((section) => ({ section, written: written(section.id) }))
    const ids = new Set(inStep.map((s) => s.section.id))
    const own = findings.filter((f) => f.sectionId !== null && ids.has(f.sectionId))
    const errors = own.filter((f) => f.severity === 'error').length
    const warnings = own.filter((f) => f.severity === 'warning').length
    const unwritten = inStep.filter((s) => !s.written)
    const needsNetwork = step === 4 && !sections.some((s) => s.kind === 'network')
    const done = inStep.length > 0 && unwritten.length === 0 && errors === 0 && !needsNetwork
    const started = inStep.some((s) => s.written)
    let missing: string | null = null
    if (!done) {
      const parts: string[] = []
      if (unwritten.length > 0)
        parts.push(
          `${unwritten.length} of ${inStep.length} ${inStep.length === 1 ? 'section' : 'sections'} still empty`,
        )
      if (needsNetwork) parts.push('no network added yet')
      if (errors > 0) parts.push(`${errors} ${errors === 1 ? 'error' : 'errors'} to fix`)
      missing = parts.join(' · ') || 'Nothing in this step yet'
    }
    return {
      step,
      title: STEP_TITLES[step],
      state: done ? 'done' : started ? 'started' : 'todo',
      sections: inStep,
      errors,
      warnings,
      missing,
    }
  })
}
