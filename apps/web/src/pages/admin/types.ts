/** What the programme admin's reports read (instrument-loan reports, parent-engagement figures). */

export interface StockReport {
  byStatus: { status: string; count: number }[];
  byTypeAndSize: { type: string; size: string | null; status: string; count: number }[];
  bySchool: { ownerKind: string; schoolId: string | null; count: number }[];
}

export interface ValueOnLoanReport {
  instruments: number;
  totalPence: number;
  unvalued: number;
  byType: { type: string; instruments: number; valuePence: number }[];
}

export interface LoansPerPupilReport {
  items: { pupilId: string; totalLoans: number; activeLoans: number; lost: number }[];
}

export interface LossesAndRepairsReport {
  terms: { term: string; lost: number; lostValuePence: number; repairs: number; repairCostPence: number }[];
}

export interface AreaEngagementFigures {
  from: string;
  to: string;
  schools: {
    schoolId: string;
    familiesEngaged: number;
    firstTime: number;
    returning: number;
    attendedPerformance: number;
    usedTransport: number;
  }[];
}
