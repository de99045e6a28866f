/** The names of Object.prototype's members, as hostile or unlucky text in a cell, a header, a field name or an id. */
export const PROTOTYPE_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupGetter__'
] as const

/** Object.prototype's members and their values, to show that reading such text changed nothing in it. */
export function prototypeSnapshot(): [string | symbol, PropertyDescriptor][] {
  return Reflect.ownKeys(Object.prototype).map((k) => [k, Object.getOwnPropertyDescriptor(Object.prototype, k) as PropertyDescriptor])
}
