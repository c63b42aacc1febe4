import { describe, expect, it } from 'vitest'
import { percent } from './publicRatings'

describe('percent', () => {
  it('writes a share as a percentage with one decimal', () => {
    expect(percent(0.4)).toBe('40.0%')
    expect(percent(0.3333)).toBe('33.3%')
    expect(percent(1)).toBe('100.0%')
    expect(percent(0)).toBe('0.0%')
  })

  it('shows a dash when nothing was rated', () => {
    expect(percent(null)).toBe('—')
    expect(percent(undefined)).toBe('—')
  })
})
