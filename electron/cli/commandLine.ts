import { parseArgs } from 'node:util'

export interface CommandArgs {
  values: Partial<Record<string, string>>
  positionals: string[]
}

/** Prints the reason and the usage to stderr; returns exit code 2 (bad arguments). */
export function usageError(message: string, usage: string): number {
  process.stderr.write(`${message}\n${usage}`)
  return 2
}

/**
 * `--name value` options (all strings) and at most `maxPositionals` bare arguments; null, after printing why, when
 * the arguments do not fit.
 */
export function parseCommandArgs(
  args: string[],
  names: readonly string[],
  usage: string,
  maxPositionals = 0
): CommandArgs | null {
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: Object.fromEntries(names.map((n) => [n, { type: 'string' as const }]))
    })
    if (positionals.length > maxPositionals) {
      usageError(`多余的参数：${positionals.slice(maxPositionals).join(' ')}`, usage)
      return null
    }
    return { values: values as Partial<Record<string, string>>, positionals }
  } catch (e) {
    usageError(parseErrorMessage(e), usage)
    return null
  }
}

/** node:util parseArgs speaks English; say the same in Chinese. */
function parseErrorMessage(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e)
  const option = /'(--?[^' ]+)/.exec(text)?.[1] ?? ''
  const code = (e as { code?: string } | null)?.code
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `不认识的选项：${option}`
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `选项 ${option} 缺少取值`
  return text
}
