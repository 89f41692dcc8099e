import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";

/** A plain GET form: works without JavaScript and keeps the filters in the URL. */
export function QueueFilters({
  tab,
  partners,
  currencies,
  partnerId,
  currency,
  holding,
}: {
  tab: "queue" | "rejected";
  partners: { id: string; name: string }[];
  currencies: string[];
  partnerId: string | null;
  currency: string | null;
  holding: string | null;
}) {
  return (
    <form method="get" action="/payouts" role="search" aria-label="Filter the queue" className="flex flex-wrap items-end gap-3">
      {tab === "rejected" ? <input type="hidden" name="tab" value="rejected" /> : null}
      <div className="grid w-full gap-1.5 sm:w-64">
        <Label htmlFor="queue-partner">Partner</Label>
        <NativeSelect id="queue-partner" name="partner" defaultValue={partnerId ?? ""}>
          <NativeSelectOption value="">All partners</NativeSelectOption>
          {partners.map((p) => (
            <NativeSelectOption key={p.id} value={p.id}>
              {p.name}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </div>
      <div className="grid w-full gap-1.5 sm:w-36">
        <Label htmlFor="queue-currency">Currency</Label>
        <NativeSelect id="queue-currency" name="currency" defaultValue={currency ?? ""}>
          <NativeSelectOption value="">Any</NativeSelectOption>
          {currencies.map((c) => (
            <NativeSelectOption key={c} value={c}>
              {c}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </div>
      {tab === "queue" ? (
        <div className="grid w-full gap-1.5 sm:w-44">
          <Label htmlFor="queue-holding">State</Label>
          <NativeSelect id="queue-holding" name="holding" defaultValue={holding ?? ""}>
            <NativeSelectOption value="">Ready and holding</NativeSelectOption>
            <NativeSelectOption value="ready">Ready to approve</NativeSelectOption>
            <NativeSelectOption value="holding">Holding</NativeSelectOption>
          </NativeSelect>
        </div>
      ) : null}
      <Button type="submit" variant="outline">
        Apply
      </Button>
    </form>
  );
}
