/**
 * A loader's schema applied to every write at the cost of what changed. A store's payload is an object whose lists
 * (records, history, submissions, decisions …) grow or change an element at a time: each element is checked as it
 * will read back (its JSON parsed by the loader's element schema; with `exact`, also re-encoded to the same JSON,
 * so what reopens is exactly what was acknowledged) once, then frozen and remembered; the rest of the payload is
 * checked every time. Equivalent to the loader's parse of the whole payload.
 */
import { z } from 'zod'

/** Throws for an element that cannot be stored, given the schema's error (an AppFailure words it for the user). */
export type Refusal = (element: never, error: Error) => never

export interface PayloadGate<T> {
  /** The loader's validate: the schema's parse; the elements it returns are frozen and count as checked. */
  load: (payload: unknown) => T
  /** Throws when `data` would not read back as it is (DurableJsonFileOptions.admit). */
  admit: (data: T) => void
}

/** Freezes a value and everything in it, so a remembered check stays true. */
export function deepFreeze<V>(v: V): V {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v)
    for (const x of Object.values(v)) deepFreeze(x)
  }
  return v
}

/** By default the schema's own error, for the store to word (schemaProblem). */
const rethrow: Refusal = (_, error) => {
  throw error
}

export interface GateOptions<S extends z.ZodObject> {
  /** Per list, how a refused element is worded; by default the schema's error. */
  refusals?: Partial<Record<keyof S['shape'], Refusal>>
  /** Elements must read back as the same JSON (not merely valid): no key the schema drops, keys in schema order. */
  exact?: boolean
}

export function payloadGate<S extends z.ZodObject>(schema: S, { refusals = {}, exact = false }: GateOptions<S> = {}): PayloadGate<z.infer<S>> {
  const checked = new WeakSet<object>()
  const lists = Object.entries(schema.shape).flatMap(([key, s]) => (s instanceof z.ZodArray ? [[key, s.element as z.ZodType] as const] : []))
  const rest = Object.fromEntries(Object.entries(schema.shape).filter(([key]) => !lists.some(([k]) => k === key)))
  const envelope = z.object(rest)

  const pass = (element: object, elementSchema: z.ZodType, refuse: Refusal | undefined): void => {
    if (checked.has(element)) return
    const json = JSON.stringify(element)
    const back = elementSchema.safeParse(json === undefined ? undefined : JSON.parse(json))
    if (!back.success) (refuse ?? rethrow)(element as never, back.error)
    else if (exact && JSON.stringify(back.data) !== json) (refuse ?? rethrow)(element as never, new Error('部分内容无法按原样保存'))
    checked.add(deepFreeze(element))
  }

  return {
    load(payload) {
      const data = schema.parse(payload) as Record<string, unknown>
      for (const [key] of lists) for (const x of data[key] as object[]) checked.add(deepFreeze(x))
      return data as z.infer<S>
    },
    admit(data) {
      const record = data as Record<string, unknown>
      envelope.parse(Object.fromEntries(Object.keys(rest).map((k) => [k, record[k]])))
      for (const [key, elementSchema] of lists) {
        const list = record[key]
        if (!Array.isArray(list)) throw new Error(`${key} 不是列表`)
        for (const x of list) {
          if (x && typeof x === 'object') pass(x, elementSchema, refusals[key as keyof S['shape']])
          else elementSchema.parse(x)
        }
      }
    }
  }
}
