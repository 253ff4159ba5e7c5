import '@mantine/charts/styles.css'
import { LineChart } from '@mantine/charts'
import { Center, Text } from '@mantine/core'
import { type Indicator, formatValue, seriesOf } from './indicator-math'

const shortDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' })
const longDate = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
})

/** Actual values over time, with the baseline and the target as reference lines. */
export function IndicatorChart({ indicator, name, h = 220 }: { indicator: Indicator; name: string; h?: number }) {
  const data = seriesOf(indicator)
  if (data.length === 0) {
    return (
      <Center
        h={Math.min(h, 140)}
        bg="gray.0"
        style={{ borderRadius: 'var(--mantine-radius-md)', border: '1px dashed var(--mantine-color-gray-3)' }}
      >
        <Text size="sm" c="dimmed" ta="center" px="md">
          No actual values yet: add a dated value to see the trend against the target.
        </Text>
      </Center>
    )
  }
  const { baseline, target, unit } = indicator
  const format = (v: number) => formatValue(v, unit)
  const single = data.length === 1
  const first = data[0]!.t
  const last = data[data.length - 1]!.t
  // One point alone sits in the middle of a week-wide axis instead of on its edge.
  const domain: [number, number] = single ? [first - 3.5 * 86_400_000, first + 3.5 * 86_400_000] : [first, last]

  return (
    <LineChart
      h={h}
      data={data}
      dataKey="t"
      series={[{ name: 'value', label: name, color: 'brand.6' }]}
      curveType="linear"
      strokeWidth={2}
      gridAxis="xy"
      tickLine="none"
      withDots
      dotProps={{ r: 3 }}
      valueFormatter={format}
      xAxisProps={{
        type: 'number',
        scale: 'time',
        domain,
        tickFormatter: (t: number) => shortDate.format(t),
        tickCount: 5,
        padding: { left: 12, right: 12 },
      }}
      // Recharts picks round ticks around the values, widened to take in the baseline and target lines.
      yAxisProps={{ domain: ['auto', 'auto'], tickFormatter: (v: number) => compact(v), width: 48 }}
      tooltipProps={{ labelFormatter: (t: unknown) => (typeof t === 'number' ? longDate.format(t) : String(t)) }}
      referenceLines={[
        ...(baseline === null
          ? []
          : [
              {
                y: baseline,
                label: `Baseline ${format(baseline)}`,
                color: 'gray.6',
                labelPosition: 'insideBottomLeft' as const,
                strokeDasharray: '4 4',
                ifOverflow: 'extendDomain' as const,
              },
            ]),
        ...(target === null
          ? []
          : [
              {
                y: target,
                label: `Target ${format(target)}`,
                color: 'teal.7',
                labelPosition: 'insideTopLeft' as const,
                strokeDasharray: '6 3',
                ifOverflow: 'extendDomain' as const,
              },
            ]),
      ]}
      aria-label={`${name}: actual values over time`}
    />
  )
}

const compactFormat = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 })
const compact = (v: number) => compactFormat.format(v)
