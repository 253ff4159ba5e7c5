import { describe, expect, it } from 'vitest'
import { NUMBER_INPUT_MARKS, formatNumber } from './format'

describe('number formatting', () => {
  it('number inputs group and separate decimals with the marks the labels use', () => {
    const { thousandSeparator, decimalSeparator } = NUMBER_INPUT_MARKS
    expect(formatNumber(1234.5)).toBe(`1${thousandSeparator}234${decimalSeparator}5`)
    expect(formatNumber(1700)).toBe(`1${thousandSeparator}700`)
  })
})
