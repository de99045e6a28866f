/**
 * A separate program for fileLockRace.test.ts. On `go` it waits for the given instant, tries to take the lock of that
 * round's folder and says whether it got it. It keeps every lock it got until `release`, so two "got it" in one round
 * are two holders at once.
 */
import type { FileLock } from '../../../electron/services/storage/fileLock'
import { acquireLock } from '../../../electron/services/storage/fileLock'

export type RacerCommand = { go: number; dir: string; at: number } | { release: true }
export interface RoundReply {
  round: number
  got: boolean
  startMs: number
  endMs: number
  error?: string
}
export type RacerReply = RoundReply | { released: number }

const now = (): number => performance.timeOrigin + performance.now()
const send = (reply: RacerReply): void => void process.send?.(reply)
const held: FileLock[] = []

process.on('message', (cmd: RacerCommand) => {
  void (async () => {
    if ('release' in cmd) {
      for (const lock of held) await lock.release()
      send({ released: held.length })
      return
    }
    while (now() < cmd.at) {
      // spin: a timer would start the two racers a millisecond or more apart
    }
    const startMs = now()
    try {
      held.push(await acquireLock(cmd.dir, 'ledger.json'))
      send({ round: cmd.go, got: true, startMs, endMs: now() })
    } catch (e) {
      const code = (e as { code?: string }).code
      send({ round: cmd.go, got: false, startMs, endMs: now(), ...(code === 'LOCKED' ? {} : { error: String(e) }) })
    }
  })()
})
