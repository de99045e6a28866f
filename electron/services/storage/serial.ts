/** Runs operations one after another, so a check and the write that depends on it cannot interleave. */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve()
  run<R>(op: () => Promise<R>): Promise<R> {
    const r = this.tail.then(op)
    this.tail = r.catch(() => undefined)
    return r
  }
}
