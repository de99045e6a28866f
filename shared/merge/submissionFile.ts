/** What the importer can read; anything else in a folder (Word reports, scans, zips) is not a submission. */
export const SPREADSHEET_EXTENSIONS = ['.xlsx', '.xls', '.et', '.ods', '.csv'] as const

const lowerExtension = (name: string): string => /\.[^.]*$/.exec(name)?.[0].toLowerCase() ?? ''

/** A spreadsheet file; `~$…` are Excel/WPS lock files of a workbook still open, `.…` hidden files, not data. */
export function isSubmissionFile(name: string): boolean {
  return isWorthNaming(name) && (SPREADSHEET_EXTENSIONS as readonly string[]).includes(lowerExtension(name))
}

/** Lock and hidden files are left out without a word; any other file left out is named to the user. */
export function isWorthNaming(name: string): boolean {
  return !name.startsWith('~$') && !name.startsWith('.')
}
