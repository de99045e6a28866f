/**
 * What the office has received, consolidated: every stream of files (streams.ts) with the decisions taken on it, and
 * the whole picture of one form that every action of the office answers with.
 */
import type { Campaign } from '@shared/campaign/campaign'
import type { OfficeAnnex, OfficeView } from '@shared/ipc/contract'
import { AppFailure } from '@shared/ipc/result'
import { flaggedRows } from '@shared/merge/flaggedRows'
import { consolidate } from '@shared/merge/consolidate'
import type { Consolidation, Decision, Submission } from '@shared/merge/types'
import { noticeOverdue } from '@shared/office/notices'
import { reportingStatus, statsByUnit } from '@shared/office/reporting'
import { campaignDues } from '@shared/office/behind'
import { crossBlockers, crossFormChecks, withConfirmations } from '@shared/office/crossForms'
import type { Confirmation, ConfirmedCheck } from '@shared/office/crossForms'
import { resurgenceFindings } from '@shared/office/resurgence'
import { evidenceOverview } from '@shared/office/receivedEvidence'
import { receivedMatchSources } from '@shared/office/complaintSources'
import type { MatchSources } from '@shared/complaints/match'
import { withOfficeNumbers } from '@shared/office/problemNumbers'
import { decisionsFor, FIXED_STREAMS, streamAnnex, streamOf } from '@shared/office/streams'
import type { DataDir } from '../storage/ledgerStore'

/** What every part of the office's work needs: its data folder, the campaign, this build, and the clock. */
export interface OfficeContext {
  dataDir: DataDir
  campaign: Campaign
  appVersion: string
  now: () => Date
  /** The working date (deadlines, notice dates); SLW_TODAY in training and tests. */
  today: () => string
}

/** Refuses names that are not units of the campaign (主送, 抄送, the units a record is about). */
export function assertCampaignUnits(campaign: Campaign, names: readonly string[]): void {
  const stranger = names.find((name) => !campaign.units.some((u) => u.name === name))
  if (stranger !== undefined) throw new AppFailure('NOT_FOUND', `“${stranger}”不是本次整治工作中的单位。`)
}

/** What the office holds that the consolidations come from (the OfficeStore, or that and a staged batch). */
export interface Received {
  submissions: readonly Submission[]
  decisions: readonly Decision[]
  problemNos: ReadonlyMap<string, string>
}

export class ReceivedForms {
  /** complaintSources of the registry's generation. */
  private sources: { generation: number; value: MatchSources } | undefined

  constructor(private readonly ctx: OfficeContext) {}

  /** The consolidation of one form (附件2 unless said), with who has reported every deadline of the plan. */
  async view(annex: OfficeAnnex = 'annex2'): Promise<OfficeView> {
    const store = await this.ctx.dataDir.office()
    const all = this.consolidateAll(store)
    const c = all.get(annex) as Consolidation
    const failing = c.equations.filter((e) => !e.ok)
    const crossChecks = this.crossChecks(all, store.confirmations)
    return {
      annex: c.annex,
      notices: store.notices,
      submissions: c.submissions,
      rowCount: c.rows.length,
      distinctProblems: c.distinctProblems,
      conflicts: c.duplicateGroups.map((group) => ({
        group,
        rows: group.rows.map((m) => ({ unit: m.unit, file: m.file, row: m.row, fields: rowFields(store.submissions, m.sha256, m.row) }))
      })),
      missingUnits: c.missingUnits,
      equations: c.equations,
      versionDiffs: c.versionDiffs,
      decisions: c.decisions,
      resurgence:
        annex === 'annex2'
          ? resurgenceFindings(c.rows, all.get('huikan')?.rows ?? [], [...(all.get('annex3')?.rows ?? []), ...(all.get('annex4')?.rows ?? [])])
          : [],
      reporting: reportingStatus(campaignDues(this.ctx.campaign, { streams: all, notices: store.supervision, today: this.ctx.today() })),
      stats: statsByUnit(this.ctx.campaign, streamAnnex(annex), c.rows),
      flaggedRows: flaggedRows(c),
      crossChecks,
      evidence: evidenceOverview(c, store.submissions, this.ctx.campaign),
      exportBlockers: [...failing.map((e) => `核对不符：${e.label}（差异 ${e.left - e.right}）`), ...crossBlockers(crossChecks, annex)],
      supervision: [...store.supervision].reverse().map((n) => ({ ...n, overdue: noticeOverdue(n, this.ctx.today()) })),
      today: this.ctx.today()
    }
  }

  /** What a public report is matched against: everything received (office/complaintSources.ts). */
  async complaintSources(): Promise<MatchSources> {
    const store = await this.ctx.dataDir.office()
    // The register's page asks on every view; the whole consolidation is made again only when a file came in or a decision changed.
    if (this.sources?.generation !== store.generation) this.sources = { generation: store.generation, value: receivedMatchSources(this.consolidateAll(store)) }
    return this.sources.value
  }

  /** Every unit's forms (`all`, consolidateAll's) checked against each other, with the office's confirmations. */
  crossChecks(all: ReadonlyMap<string, Consolidation>, confirmations: readonly Confirmation[]): ConfirmedCheck[] {
    return withConfirmations(crossFormChecks(this.ctx.campaign, all), confirmations)
  }

  /**
   * Every stream of files (streams.ts) consolidated on its own; the fixed ones, and those `also` asked for (a week
   * nobody has reported yet), also when no file has come.
   */
  consolidateAll(received: Received, also: readonly string[] = []): Map<string, Consolidation> {
    const streams = new Set<string>([...FIXED_STREAMS, ...also, ...received.submissions.map(streamOf)])
    return new Map([...streams].map((stream) => [stream, this.consolidateStream(received, stream)]))
  }

  /** One stream, its rows carrying the office's 问题编号 where they came without one. */
  consolidateStream({ submissions, decisions, problemNos }: Received, stream: string): Consolidation {
    const annex = streamAnnex(stream)
    const mine = submissions.filter((s) => streamOf(s) === stream)
    return withOfficeNumbers(consolidate(mine, decisionsFor(decisions, annex.id), this.ctx.campaign, annex), problemNos)
  }
}

function rowFields(submissions: readonly Submission[], sha256: string, row: number): Submission['rows'][number]['fields'] {
  return submissions.find((s) => s.sha256 === sha256)?.rows.find((r) => r.rowNumber === row)?.fields ?? {}
}
