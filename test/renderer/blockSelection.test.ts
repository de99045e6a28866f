import { describe, expect, it } from 'vitest'
import { boundsOf, contains, extendBy, extendTo, isBlock } from '../../renderer/src/features/ledger/blockSelection'

const size = { rows: 10, cols: 28 }

describe('block selection (shift+click, shift+arrows)', () => {
  it('shift+click spans the block from the focused cell to the clicked one, whichever corner it is', () => {
    const block = extendTo(null, { row: 5, col: 6 }, { row: 2, col: 3 })
    expect(boundsOf(block)).toEqual({ top: 2, bottom: 5, left: 3, right: 6 })
    // A second shift+click keeps the first anchor.
    expect(boundsOf(extendTo(block, { row: 2, col: 3 }, { row: 7, col: 8 }))).toEqual({ top: 5, bottom: 7, left: 6, right: 8 })
  })

  it('shift+arrows move the focus one cell at a time and stop at the edges of the grid', () => {
    let block = extendBy(null, { row: 0, col: 1 }, 'down', size)
    block = extendBy(block, { row: 1, col: 1 }, 'right', size)
    block = extendBy(block, { row: 1, col: 2 }, 'right', size)
    expect(boundsOf(block)).toEqual({ top: 0, bottom: 1, left: 1, right: 3 })
    // Back over the anchor: the block turns round it.
    for (let i = 0; i < 4; i++) block = extendBy(block, block.focus, 'left', size)
    expect(boundsOf(block)).toEqual({ top: 0, bottom: 1, left: 0, right: 1 })
    for (let i = 0; i < 20; i++) block = extendBy(block, block.focus, 'down', size)
    expect(block.focus).toEqual({ row: 9, col: 0 })
    expect(extendBy(null, { row: 0, col: 0 }, 'up', size).focus).toEqual({ row: 0, col: 0 })
  })

  it('one cell is no block; contains reads the bounds', () => {
    expect(isBlock(null)).toBe(false)
    expect(isBlock(extendTo(null, { row: 1, col: 1 }, { row: 1, col: 1 }))).toBe(false)
    const b = boundsOf(extendTo(null, { row: 1, col: 1 }, { row: 2, col: 3 }))
    expect(contains(b, 2, 3)).toBe(true)
    expect(contains(b, 1, 1)).toBe(true)
    expect(contains(b, 3, 3)).toBe(false)
    expect(contains(b, 1, 0)).toBe(false)
    expect(contains(null, 1, 1)).toBe(false)
  })
})
