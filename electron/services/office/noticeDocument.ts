import type { Campaign } from '@shared/campaign/campaign'
import { unitByName } from '@shared/campaign/campaign'
import type { StoredNotice } from '@shared/office/notices'
import type { SupervisionNotice } from '@shared/reports/documents'

/**
 * 标题 = 事由 + 文种 (GB/T 9704 7.3.1). The 红头 already names the issuer and the 发文字号 numbers it, so a bare
 * 督 办 通 知 (the heading of a 督办单 form, which has no 版头) would say nothing the reader has not seen.
 */
export const DEFAULT_SUBJECT = '“散乱污”问题整治有关事项'

/** A register entry as the printed 督办通知: addressed to the units' full names, signed by the office. */
export function supervisionNotice(campaign: Campaign, n: StoredNotice, contact: { name: string; phone: string }): SupervisionNotice {
  const fullName = (name: string): string => unitByName(campaign, name)?.fullName ?? name
  return {
    number: n.number,
    title: `关于${n.subject.trim() || DEFAULT_SUBJECT}的督办通知`,
    issuedAt: n.issuedAt,
    toUnit: fullName(n.unit),
    copyTo: n.copyTo.map(fullName),
    source: n.source,
    items: n.items,
    requirements: n.requirements,
    deadline: n.deadline,
    feedbackWay: '书面反馈（单位主要负责人签字并加盖公章），同时报送电子版',
    issuer: campaign.office.name,
    contact
  }
}
