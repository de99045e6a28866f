/**
 * The unit's ledger as the page holds it: ordered rows, undo/redo of whole user actions, and the set of records
 * changed since the last save. Rows are immutable objects, so the grid (with getRowId) and the validation cache
 * see a change as a new object. No React, no grid: unit-tested on its own.
 */
import type { LedgerChanges, LedgerRecord, RecordFields } from '@shared/ledger/record'

export interface GridRow {
  readonly id: string
  readonly problemNo: string
  readonly fields: RecordFields
}

/** One row's change within an action; index is where the row stood (for re-inserting on undo). */
interface RowEdit {
  readonly id: string
  readonly before: GridRow | null
  readonly after: GridRow | null
  index: number
}

const UNDO_LIMIT = 200

export function newRowId(): string {
  return crypto.randomUUID()
}

export class LedgerModel {
  private rows: GridRow[]
  private positions: Map<string, number> | null = null
  private readonly undoStack: RowEdit[][] = []
  private readonly redoStack: RowEdit[][] = []
  private readonly dirty = new Set<string>()

  constructor(records: readonly LedgerRecord[]) {
    this.rows = records.map((r) => ({ id: r.id, problemNo: r.problemNo, fields: r.fields }))
  }

  /** The rows in ledger order; a new array after every change. */
  get all(): readonly GridRow[] {
    return this.rows
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0
  }

  get hasUnsaved(): boolean {
    return this.dirty.size > 0
  }

  get(id: string): GridRow | undefined {
    const i = this.indexOf(id)
    return i < 0 ? undefined : this.rows[i]
  }

  /** Position in ledger order (0-based), or -1. */
  indexOf(id: string): number {
    if (!this.positions) this.positions = new Map(this.rows.map((r, i) => [r.id, i]))
    return this.positions.get(id) ?? -1
  }

  /** Sets fields on existing rows and appends new rows, as one undoable action. Returns false if nothing changed. */
  edit(patches: readonly { id: string; fields: RecordFields }[], newRows: readonly RecordFields[] = []): boolean {
    const edits: RowEdit[] = []
    for (const p of patches) {
      const before = this.get(p.id)
      if (!before) continue
      const fields = { ...before.fields, ...p.fields }
      if (Object.keys(p.fields).every((k) => sameJson(before.fields[k], fields[k]))) continue
      edits.push({ id: p.id, before, after: { ...before, fields }, index: this.indexOf(p.id) })
    }
    let at = this.rows.length
    for (const fields of newRows) {
      const row: GridRow = { id: newRowId(), problemNo: '', fields }
      edits.push({ id: row.id, before: null, after: row, index: at++ })
    }
    return this.commit(edits)
  }

  /** Inserts new rows after a position (or at the end), as one action. Returns their ids. */
  insert(rows: readonly RecordFields[], afterIndex = this.rows.length - 1): string[] {
    const edits = rows.map((fields, k) => {
      const row: GridRow = { id: newRowId(), problemNo: '', fields }
      return { id: row.id, before: null, after: row, index: afterIndex + 1 + k }
    })
    this.commit(edits)
    return edits.map((e) => e.id)
  }

  /** Removes rows as one action; undo puts them back where they were. */
  remove(ids: readonly string[]): number {
    const edits: RowEdit[] = []
    for (const id of ids) {
      const before = this.get(id)
      if (before) edits.push({ id, before, after: null, index: -1 })
    }
    return this.commit(edits) ? edits.length : 0
  }

  undo(): boolean {
    const action = this.undoStack.pop()
    if (!action) return false
    const inverse = action
      .slice()
      .reverse()
      .map((e) => ({ id: e.id, before: e.after, after: e.before, index: e.index }))
    this.applyEdits(inverse)
    this.redoStack.push(action)
    return true
  }

  redo(): boolean {
    const action = this.redoStack.pop()
    if (!action) return false
    this.applyEdits(action)
    this.undoStack.push(action)
    return true
  }

  /** The changes since the last call, for a save. The caller gives them back with `unsent` if the save fails. */
  takeChanges(): LedgerChanges {
    const upserts: LedgerChanges['upserts'] = []
    const deletes: string[] = []
    for (const id of this.dirty) {
      const row = this.get(id)
      if (row) upserts.push({ id: row.id, fields: row.fields, ...(row.problemNo ? { problemNo: row.problemNo } : {}) })
      else deletes.push(id)
    }
    this.dirty.clear()
    return { upserts, deletes }
  }

  /** Marks records as unsaved again after a failed save. */
  unsent(changes: LedgerChanges): void {
    for (const u of changes.upserts) this.dirty.add(u.id)
    for (const id of changes.deletes) this.dirty.add(id)
  }

  /** Problem numbers given by the store; not an edit of the user's, so nothing to undo or save. */
  setProblemNumbers(numbers: Readonly<Record<string, string>>): void {
    // Own entries only: a record id read from a file (toString) must not find Object.prototype's members.
    const assigned = new Map(Object.entries(numbers))
    let changed = false
    const rows = this.rows.map((r) => {
      const no = assigned.get(r.id)
      if (!no || r.problemNo) return r
      changed = true
      return { ...r, problemNo: no }
    })
    if (changed) this.rows = rows
    const fix = (e: RowEdit): RowEdit => ({
      ...e,
      before: e.before && !e.before.problemNo && assigned.has(e.id) ? { ...e.before, problemNo: assigned.get(e.id) as string } : e.before,
      after: e.after && !e.after.problemNo && assigned.has(e.id) ? { ...e.after, problemNo: assigned.get(e.id) as string } : e.after
    })
    for (const stack of [this.undoStack, this.redoStack]) {
      for (let i = 0; i < stack.length; i++) stack[i] = (stack[i] as RowEdit[]).map(fix)
    }
  }

  private commit(edits: RowEdit[]): boolean {
    if (edits.length === 0) return false
    this.applyEdits(edits)
    this.undoStack.push(edits)
    if (this.undoStack.length > UNDO_LIMIT) this.undoStack.shift()
    this.redoStack.length = 0
    return true
  }

  private applyEdits(edits: RowEdit[]): void {
    const rows = this.rows.slice()
    let positions = this.positions
    const where = (id: string): number => {
      if (!positions) positions = new Map(rows.map((r, i) => [r.id, i]))
      return positions.get(id) ?? -1
    }
    for (const e of edits) {
      if (e.before && e.after) {
        rows[where(e.id)] = e.after
      } else if (e.after) {
        const at = Math.min(Math.max(e.index, 0), rows.length)
        rows.splice(at, 0, e.after)
        positions = null
      } else if (e.before) {
        const at = where(e.id)
        if (at < 0) continue
        e.index = at
        rows.splice(at, 1)
        positions = null
      }
      this.dirty.add(e.id)
    }
    this.rows = rows
    this.positions = positions
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? '') === JSON.stringify(b ?? '')
}
