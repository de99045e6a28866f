/**
 * A rectangular block of cells, as Excel selects one: it runs from the cell where it was started (the anchor) to the
 * cell that moves with shift+click and shift+arrow keys (the focus). Positions are the grid's displayed row and
 * column indexes. AG Grid Community has no range selection; this is the part of one the ledger needs: to show
 * a block and copy it. No grid here: unit-tested on its own.
 */

export interface CellAt {
  row: number
  col: number
}

export interface Block {
  readonly anchor: CellAt
  readonly focus: CellAt
}

export interface Bounds {
  top: number
  bottom: number
  left: number
  right: number
}

/** The grid's size: the last displayed row and column the focus may reach. */
export interface GridSize {
  rows: number
  cols: number
}

export type Direction = 'up' | 'down' | 'left' | 'right'

const STEP: Record<Direction, CellAt> = { up: { row: -1, col: 0 }, down: { row: 1, col: 0 }, left: { row: 0, col: -1 }, right: { row: 0, col: 1 } }

export const ARROW_KEYS: Readonly<Record<string, Direction>> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' }

const clamp = (n: number, max: number): number => Math.min(Math.max(n, 0), Math.max(max - 1, 0))

/** Shift+click: the block from the anchor (the block's, or the focused cell when there is none) to the cell. */
export function extendTo(block: Block | null, from: CellAt, to: CellAt): Block {
  return { anchor: block?.anchor ?? from, focus: to }
}

/** Shift+arrow: the focus moves one cell, within the grid; the anchor stays. */
export function extendBy(block: Block | null, from: CellAt, direction: Direction, size: GridSize): Block {
  const focus = block?.focus ?? from
  const step = STEP[direction]
  return extendTo(block, from, { row: clamp(focus.row + step.row, size.rows), col: clamp(focus.col + step.col, size.cols) })
}

export function boundsOf(block: Block): Bounds {
  const { anchor: a, focus: f } = block
  return { top: Math.min(a.row, f.row), bottom: Math.max(a.row, f.row), left: Math.min(a.col, f.col), right: Math.max(a.col, f.col) }
}

/** A block of one cell is no block: the focused cell alone is copied and highlighted as focused. */
export function isBlock(block: Block | null): block is Block {
  return block !== null && (block.anchor.row !== block.focus.row || block.anchor.col !== block.focus.col)
}

export function contains(bounds: Bounds | null, row: number, col: number): boolean {
  return bounds !== null && row >= bounds.top && row <= bounds.bottom && col >= bounds.left && col <= bounds.right
}
