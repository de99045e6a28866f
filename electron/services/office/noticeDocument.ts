import type { Campaign } from '@shared/campaign/campaign'
import { unitByName } from '@shared/campaign/campaign'
import type { StoredNotice } from '@shared/office/notices'
import type { SupervisionNotice } from '@shared/reports/documents'

/** A register entry as the printed 督办通知: addressed to the unit's full name, signed by the office. */
export function supervisionNotice(campaign: Campaign, n: StoredNotice, contact: { name: string; phone: string }): SupervisionNotice {
  return {
    number: n.number,
    issuedAt: n.issuedAt,
    toUnit: unitByName(campaign, n.unit)?.fullName ?? n.unit,
    source: n.source,
    items: n.items,
    requirements: n.requirements,
    deadline: n.deadline,
    feedbackWay: '书面反馈（单位主要负责人签字并加盖公章），同时报送电子版',
    issuer: campaign.office.name,
    contact
  }
}
