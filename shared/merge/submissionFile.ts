/** What the importer reads as a form; anything else in a folder (Word reports, scans) is not a submission. */
export const SPREADSHEET_EXTENSIONS = ['.xlsx', '.xls', '.et', '.ods', '.csv'] as const
/** What the office takes in: a form, or a unit's 报送包 (.zip: its form with the evidence behind the records). */
export const SUBMISSION_EXTENSIONS = [...SPREADSHEET_EXTENSIONS, '.zip'] as const

const lowerExtension = (name: string): string => /\.[^.]*$/.exec(name)?.[0].toLowerCase() ?? ''

/** A spreadsheet file; `~$…` are Excel/WPS lock files of a workbook still open, `.…` hidden files, not data. */
export function isSpreadsheetFile(name: string): boolean {
  return isWorthNaming(name) && (SPREADSHEET_EXTENSIONS as readonly string[]).includes(lowerExtension(name))
}

/** A file the office takes in: a spreadsheet or a 报送包. */
export function isSubmissionFile(name: string): boolean {
  return isWorthNaming(name) && (SUBMISSION_EXTENSIONS as readonly string[]).includes(lowerExtension(name))
}

/** Lock and hidden files are left out without a word; any other file left out is named to the user. */
export function isWorthNaming(name: string): boolean {
  return !name.startsWith('~$') && !name.startsWith('.')
}
