/**
 * The office's side of the core loop, by concern: what it has received (the picture of each form), the intake of
 * files and decisions, 督办 (supervision), its reports, 督查问责 (accountability) and the evidence packages carried. Everything shown or exported is derived from the received
 * submissions + decisions.
 */
import type { Campaign } from '@shared/campaign/campaign'
import { chinaDate } from '@shared/domain/chinaTime'
import type { DataDir } from '../storage/ledgerStore'
import type { ReadSubmission } from './intake'
import { OfficeAccountability } from './accountability'
import { OfficeIntake } from './intake'
import { OfficeReports } from './officeReports'
import { ReceivedEvidenceFiles } from './receivedEvidence'
import { ReceivedForms } from './receivedForms'
import { OfficeSupervision } from './supervision'

export class OfficeService {
  readonly received: ReceivedForms
  readonly intake: OfficeIntake
  readonly supervision: OfficeSupervision
  readonly reports: OfficeReports
  readonly accountability: OfficeAccountability
  readonly evidence: ReceivedEvidenceFiles

  constructor(
    dataDir: DataDir,
    campaign: Campaign,
    read: ReadSubmission,
    appVersion: string,
    now: () => Date = () => new Date(),
    /** The working date (deadlines, notice dates); SLW_TODAY in training and tests. */
    today: () => string = () => chinaDate(new Date())
  ) {
    const ctx = { dataDir, campaign, appVersion, now, today }
    this.received = new ReceivedForms(ctx)
    this.intake = new OfficeIntake(ctx, this.received, read)
    this.supervision = new OfficeSupervision(ctx, this.received)
    this.reports = new OfficeReports(ctx, this.received)
    this.accountability = new OfficeAccountability(ctx, this.received)
    this.evidence = new ReceivedEvidenceFiles(ctx)
  }
}
