import { spawn } from 'node:child_process'

export interface KilledRun {
  code: number | null
  signal: NodeJS.Signals | null
  stderr: string
}

/**
 * Runs a bundled child with plain `node` and SIGKILLs it at a random moment up to `maxDelayMs` after its `ready`
 * line, handing each line it printed before that to `onLine`, split into words (the kill loops' protocol).
 */
export function runKilled(script: string, args: readonly string[], maxDelayMs: number, onLine: (words: string[]) => void): Promise<KilledRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    let buffered = ''
    let timer: NodeJS.Timeout | undefined
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) {
        const words = line.split(' ')
        if (words[0] === 'ready' && !timer) timer = setTimeout(() => child.kill('SIGKILL'), Math.random() * maxDelayMs)
        onLine(words)
      }
    })
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => (stderr += chunk))
    child.on('error', fail)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      done({ code, signal, stderr })
    })
  })
}
