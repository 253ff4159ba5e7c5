import type { TextElement } from './text-binding'

/** Styles that decide where text falls in an input or a text area, copied to the measuring copy. */
const COPIED = [
  'boxSizing',
  'width',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'borderStyle',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'letterSpacing',
  'lineHeight',
  'textTransform',
  'textIndent',
  'textAlign',
  'wordSpacing',
  'tabSize',
] as const

/**
 * Where the character at `index` of an input or text area is drawn, relative to the element's top left
 * corner (its scroll taken off): a hidden copy of the element lays out the same text, and a marker at
 * `index` says where it falls. What draws someone else's caret in a field.
 */
export function caretCoordinates(el: TextElement, index: number): { top: number; left: number; height: number } {
  const doc = el.ownerDocument
  const mirror = doc.createElement('div')
  const style = mirror.style
  const computed = doc.defaultView!.getComputedStyle(el)
  for (const prop of COPIED) style[prop] = computed[prop]
  const area = el instanceof HTMLTextAreaElement
  style.position = 'absolute'
  style.visibility = 'hidden'
  style.top = '0'
  style.left = '-9999px'
  style.whiteSpace = area ? 'pre-wrap' : 'pre'
  style.overflowWrap = area ? 'break-word' : 'normal'
  style.overflow = 'hidden'
  mirror.textContent = el.value.slice(0, index)
  const marker = doc.createElement('span')
  // Something to measure, also at the very end of the text.
  marker.textContent = el.value.slice(index) || '.'
  mirror.appendChild(marker)
  doc.body.appendChild(mirror)
  const lineHeight = parseFloat(computed.lineHeight) || parseFloat(computed.fontSize) * 1.3
  const at = {
    top: marker.offsetTop - el.scrollTop,
    left: marker.offsetLeft - el.scrollLeft,
    height: lineHeight,
  }
  mirror.remove()
  return at
}
