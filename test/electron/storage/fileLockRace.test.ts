import { type ChildProcess, fork, spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleForNode } from '../../../bench/bundleForNode'
import type { RacerCommand, RacerReply, RoundReply } from './lockRacer'

const ROUNDS = 1000
/** Each racer starts up to this long after the agreed instant, so every interleaving of the two gets its turn. */
const JITTER_MS = 1.5

let work: string
let racers: [ChildProcess, ChildProcess]

/** Sends one command to a racer and waits for its answer (a racer answers each command once, in order). */
const ask = (racer: ChildProcess, cmd: RacerCommand): Promise<RacerReply> =>
  new Promise((resolve, reject) => {
    racer.once('message', (reply) => resolve(reply as RacerReply))
    racer.send(cmd, (e) => e && reject(e))
  })

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'slw-lock-race-'))
  const script = await bundleForNode(join(import.meta.dirname, 'lockRacer.ts'), join(work, 'lockRacer.mjs'))
  const start = (): ChildProcess => fork(script, [], { execArgv: [], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
  racers = [start(), start()]
})

afterAll(async () => {
  for (const r of racers) r.kill()
  await rm(work, { recursive: true, force: true })
})

describe('two programs racing to take over a stale lock', () => {
  it(`never both hold it (${ROUNDS} rounds, two processes)`, async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid
    const roundDir = (round: number): string => join(work, `round-${round}`)
    const failures: string[] = []
    let contested = 0
    for (let round = 0; round < ROUNDS; round++) {
      // A folder per round, left by a different crashed owner, so the racers need not release between rounds.
      const dir = roundDir(round)
      await mkdir(dir)
      const startedAt = new Date(Date.UTC(2024, 4, 9) + round).toISOString()
      await writeFile(join(dir, 'ledger.json.lock'), JSON.stringify({ pid: dead, hostname: hostname(), startedAt }))
      const at = Date.now() + 1
      const go = (r: ChildProcess): Promise<RacerReply> =>
        ask(r, { go: round, dir, at: at + Math.random() * JITTER_MS })
      const results = (await Promise.all(racers.map(go))) as [RoundReply, RoundReply]
      const holders = racers.filter((_, i) => results[i].got).map((r) => r.pid)
      const errors = results.flatMap((r) => (r.error ? [r.error] : []))
      if (holders.length !== 1 || errors.length > 0) {
        failures.push(`round ${round}: ${holders.length} holders ${errors.join('; ')}`)
      } else {
        const owner = JSON.parse(await readFile(join(dir, 'ledger.json.lock'), 'utf8')) as { pid: number }
        if (owner.pid !== holders[0]) failures.push(`round ${round}: lock of ${owner.pid}, held by ${holders[0]}`)
      }
      const [x, y] = results
      if (x.startMs < y.endMs && y.startMs < x.endMs) contested++
    }
    expect({ failed: failures.length, first: failures.slice(0, 5) }).toEqual({ failed: 0, first: [] })
    // Each racer now releases what it holds: every folder is left empty (no lock, claim or staged file).
    await Promise.all(racers.map((r) => ask(r, { release: true })))
    const left = (await Promise.all([...Array(ROUNDS).keys()].map((i) => readdir(roundDir(i))))).flat()
    expect(left).toEqual([])
    // The racers really raced: in most rounds each was still trying when the other started (98% when measured).
    expect(contested).toBeGreaterThan(ROUNDS / 4)
  }, 60_000)
})
