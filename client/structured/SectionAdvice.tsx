import type { SectionKind } from '../../shared/plans/catalog'

// Scaffold: replaced by the seeds' advice for the section's step, folded away when not wanted.
export function SectionAdvice(_props: { kind: SectionKind }) {
  return null
}
