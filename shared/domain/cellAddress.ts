/** A1 references of spreadsheet cells, as messages and forms name them. */

/** 'A' for 0, 'AC' for 28. */
export function columnLetter(c: number): string {
  let s = ''
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s
  return s
}

/** A1 reference of a 0-based row and column. */
export function cellRef(r: number, c: number): string {
  return `${columnLetter(c)}${r + 1}`
}
