import { formatNumber } from '../ui/format'
import type { SectionContent } from '../../shared/plan-model/schema'

export type Indicator = SectionContent<'indicators'>['kpis'][number]
export type IndicatorKindValue = Indicator['indicator']

/** The seed's indicators (key "indicators"), and anything else the team measures. */
export const INDICATOR_LABELS: Record<IndicatorKindValue, string> = {
  traffic: 'Traffic',
  traffic_sources: 'Traffic sources',
  conversations: 'Conversations',
  followers: 'Followers',
  conversions: 'Conversions',
  roi: 'ROI',
  other: 'Other',
}

/** What the usual indicators measure in, for the "add the usual indicators" start. */
export const USUAL_INDICATORS: { indicator: IndicatorKindValue; label: string; unit: string }[] = [
  { indicator: 'traffic', label: 'Visits to the website from social networks', unit: 'visits' },
  { indicator: 'traffic_sources', label: 'Share of traffic coming from social networks', unit: '%' },
  { indicator: 'conversations', label: 'Conversations about the brand', unit: 'mentions' },
  { indicator: 'followers', label: 'Followers across networks', unit: 'followers' },
  { indicator: 'conversions', label: 'Conversions from social networks', unit: 'sales' },
  { indicator: 'roi', label: 'Return on investment', unit: '%' },
]

export const indicatorName = (i: Indicator) => i.label.trim() || INDICATOR_LABELS[i.indicator]

/** The dated values, in time order, as the chart plots them (`t`: ms since the epoch, UTC midnight). */
export function seriesOf(indicator: Indicator): { date: string; t: number; value: number }[] {
  return indicator.actuals
    .filter((a): a is typeof a & { date: string; value: number } => a.date !== null && a.value !== null)
    .map((a) => ({ date: a.date, t: Date.parse(`${a.date}T00:00:00Z`), value: a.value }))
    .sort((a, b) => a.t - b.t)
}

/** The most recent dated value, if any. */
export const latestOf = (indicator: Indicator) => seriesOf(indicator).at(-1) ?? null

/**
 * How far the latest value has come from the baseline towards the target, in percent (can pass 100,
 * or go below 0 when it moved the wrong way); null when one of the three is missing.
 */
export function progressOf(indicator: Indicator): number | null {
  const latest = latestOf(indicator)
  const { baseline, target } = indicator
  if (!latest || baseline === null || target === null || target === baseline) return null
  return ((latest.value - baseline) / (target - baseline)) * 100
}

/** A value with its unit: "12,400 visits", "3.5%". */
export function formatValue(value: number | null, unit: string): string {
  if (value === null) return '—'
  const n = formatNumber(value)
  const u = unit.trim()
  if (!u) return n
  return u === '%' ? `${n}%` : `${n} ${u}`
}
