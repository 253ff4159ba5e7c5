import { luminance } from '@mantine/core'

/** WCAG 2.1 AA for normal-size text, which badges, hints and avatar initials are. */
export const AA = 4.5

/** The WCAG contrast ratio of two colours, from 1 (the same) to 21 (black on white). */
export function contrast(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)]
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
}
