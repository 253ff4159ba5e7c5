import { type CSSVariablesResolver, type MantineColorsTuple, createTheme, darken } from '@mantine/core'
import { AA, contrast } from '../ui/contrast'
import { NUMBER_INPUT_MARKS } from '../ui/format'

/** A calm slate blue: serious enough for a strategy document, soft enough to look at all day. */
const brand: MantineColorsTuple = [
  '#eef3ff',
  '#dce4f5',
  '#b9c7e2',
  '#94a8d0',
  '#748dc1',
  '#5f7cb8',
  '#5474b4',
  '#44639f',
  '#39588f',
  '#2d4b81',
]

/** The shade of filled buttons and badges in the light scheme. */
const PRIMARY_SHADE = 7

const fontStack =
  'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'

export const theme = createTheme({
  primaryColor: 'brand',
  primaryShade: PRIMARY_SHADE,
  colors: { brand },
  fontFamily: fontStack,
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  headings: { fontFamily: fontStack, fontWeight: '650' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { radius: 'md' } },
    Paper: { defaultProps: { radius: 'lg' } },
    Card: { defaultProps: { radius: 'lg', withBorder: true } },
    Modal: { defaultProps: { radius: 'lg', centered: true, overlayProps: { backgroundOpacity: 0.35, blur: 2 } } },
    Menu: { defaultProps: { radius: 'md', shadow: 'md' } },
    // Sentence-case badges: department names read as names, not as shouting.
    Badge: {
      defaultProps: { radius: 'sm' },
      styles: { root: { textTransform: 'none', letterSpacing: 0, fontWeight: 600 } },
    },
    TextInput: { defaultProps: { radius: 'md' } },
    PasswordInput: { defaultProps: { radius: 'md' } },
    // Numbers typed read like numbers shown (formatNumber): one grouping mark everywhere.
    NumberInput: { defaultProps: NUMBER_INPUT_MARKS },
    Notification: { defaultProps: { radius: 'md' } },
    Tooltip: { defaultProps: { withArrow: true, openDelay: 200 } },
  },
})

/** The first of these shades, else the last one darkened step by step, that reads on `background`. */
function readable(shades: readonly string[], background: string): string {
  const found = shades.find((shade) => contrast(shade, background) >= AA)
  if (found) return found
  const darkest = shades[shades.length - 1]!
  let colour = darkest
  for (let step = 0.05; contrast(colour, background) < AA && step < 1; step += 0.05) colour = darken(darkest, step)
  return colour
}

/**
 * Mantine's light scheme puts some colours under WCAG AA: the dimmed grey of hints and captions
 * (3.3:1 on white), light badges in shade 9 on shade 1 (teal 4.3:1, orange and yellow lower) and white
 * on shade 7 for filled ones (orange 3:1, teal 3.1:1). Each colour keeps its hue and gets its first
 * shade, or a darker tone of it, that reaches AA; colours that already pass are left as they are.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const light: Record<string, string> = { '--mantine-color-dimmed': '#656c73' }
  for (const [name, shades] of Object.entries(t.colors)) {
    const filled = readable(shades.slice(PRIMARY_SHADE), t.white)
    light[`--mantine-color-${name}-light-color`] = readable(shades.slice(9), shades[1])
    light[`--mantine-color-${name}-filled`] = filled
    light[`--mantine-color-${name}-filled-hover`] =
      filled === shades[PRIMARY_SHADE] ? shades[PRIMARY_SHADE + 1]! : darken(filled, 0.12)
  }
  return { variables: {}, light, dark: {} }
}
