import { calculateSchedule, isExcluded } from "@/lib/commissions/engine";
import type {
  AgreementVersion,
  CommissionTerms,
  Deal,
  FxRate,
  Override,
  PeriodContext,
  Schedule,
} from "@/lib/commissions/types";

export const version = (over: Partial<AgreementVersion> = {}): AgreementVersion => ({
  id: "v1",
  agreementId: "a1",
  version: 1,
  effectiveFrom: "2025-01-01",
  effectiveTo: null,
  model: "referral",
  direction: "receivable",
  rate: "15",
  basis: "deal_value",
  paymentModel: "one_time",
  currency: "USD",
  terms: {},
  ...over,
});
export const deal = (over: Partial<Deal> = {}): Deal => ({
  id: "d1",
  valueMinor: 1_000_000,
  currency: "USD",
  closeDate: "2025-06-15",
  customerName: "Initech",
  ...over,
});
export const NO_PERIOD: PeriodContext = { volumeBeforeMinor: 0, commissionBeforeMinor: 0 };
export const FX: FxRate[] = [
  { date: "2025-06-01", from: "EUR", to: "USD", rate: "1.0842" },
  { date: "2025-06-01", from: "USD", to: "JPY", rate: "151.37" },
];

export interface Case {
  v?: Partial<AgreementVersion>;
  terms?: CommissionTerms;
  d?: Partial<Deal>;
  period?: Partial<PeriodContext>;
  override?: Override;
  fx?: FxRate[];
}

export function schedule({ v, terms, d, period, override, fx = FX }: Case): Schedule {
  const result = calculateSchedule({
    deal: deal(d),
    versions: [version({ ...v, terms: terms ?? v?.terms ?? {} })],
    fx,
    period: { ...NO_PERIOD, ...period },
    override,
  });
  if (isExcluded(result)) throw new Error(`unexpected exclusion: ${result.reason}`);
  return result;
}
