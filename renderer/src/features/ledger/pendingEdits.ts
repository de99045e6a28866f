/**
 * Text typed into a field outside the grid (the 办理 panel) is handed to the page after a short pause. A save that
 * must not wait (leaving the page, an export, a lifecycle step) commits what is still pending first, so it goes
 * through the same autosave as every other edit.
 */
const pending = new Set<() => void>()

/** Registers a field's commit; returns its removal. */
export function holdPending(commit: () => void): () => void {
  pending.add(commit)
  return () => pending.delete(commit)
}

/** Hands every field's pending text to the page now. */
export function commitPending(): void {
  for (const commit of [...pending]) commit()
}
