/**
 * A stable, readable colour per person for carets and avatars: each is dark enough for the white
 * initials on an avatar (WCAG AA, 4.5:1), and they stay far enough apart in hue to tell people apart.
 */
export const PALETTE = [
  '#c2410c',
  '#1971c2',
  '#2a8040',
  '#ae3ec9',
  '#b45309',
  '#0b7a8c',
  '#c92a2a',
  '#5f3dc4',
  '#527a0c',
  '#c2255c',
]

export function userColor(userId: string): string {
  let h = 0
  for (let i = 0; i < userId.length; i++) h = (h * 31 + userId.charCodeAt(i)) >>> 0
  return PALETTE[h % PALETTE.length]!
}
