"use client";

import { useState, useTransition } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { calculateCommissionAction, type CalculatorResult } from "@/lib/commission-records/actions";
import type { CalculatorAgreement } from "@/lib/commission-records/queries";
import { explainTrace } from "@/lib/commissions/explain";
import { formatMoney } from "@/lib/money";
import { TraceList } from "./trace-list";

export function CommissionCalculator({ agreements, today }: { agreements: CalculatorAgreement[]; today: string }) {
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<CalculatorResult | null>(null);
  const [currency, setCurrency] = useState("USD");
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const chosen = agreements.find((a) => a.id === data.get("agreementId"));
    startTransition(async () => {
      const r = await calculateCommissionAction(data);
      setErrors(r.ok ? {} : (r.fieldErrors ?? {}));
      setFailure(r.ok || r.fieldErrors ? null : r.error);
      setResult(r.ok ? r.data : null);
      if (chosen) setCurrency(chosen.currency);
    });
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[22rem_1fr]">
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Deal</h2>
          </CardTitle>
          <CardDescription>Nothing is saved; this only runs the rules.</CardDescription>
        </CardHeader>
        <CardContent>
          <form onSubmit={onSubmit} noValidate className="grid gap-4" aria-label="Commission calculator">
            <FormField id="calc-agreement" label="Agreement" error={errors.agreementId}>
              <NativeSelect name="agreementId" defaultValue="">
                <NativeSelectOption value="" disabled>
                  Choose a partner agreement
                </NativeSelectOption>
                {agreements.map((a) => (
                  <NativeSelectOption key={a.id} value={a.id}>
                    {a.partnerName} · {a.direction === "payable" ? "we pay" : "pays us"} · {a.model} {Number(a.rate)}%
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            </FormField>
            <FormField id="calc-customer" label="Customer" error={errors.customerName}>
              <Input name="customerName" defaultValue="Acme Corp" />
            </FormField>
            <div className="grid grid-cols-[1fr_6rem] gap-3">
              <FormField id="calc-value" label="Deal value" error={errors.value}>
                <Input name="value" inputMode="decimal" defaultValue="100000" />
              </FormField>
              <FormField id="calc-currency" label="Currency" error={errors.currency}>
                <Input name="currency" defaultValue="USD" maxLength={3} className="uppercase" />
              </FormField>
            </div>
            <FormField id="calc-date" label="Close date" error={errors.closeDate}>
              <Input name="closeDate" type="date" defaultValue={today} />
            </FormField>
            <Button type="submit" disabled={pending}>
              Calculate
            </Button>
          </form>
        </CardContent>
      </Card>
      <div className="grid content-start gap-4" aria-live="polite">
        {failure ? (
          <Alert variant="destructive">
            <AlertTitle>The rules could not be applied</AlertTitle>
            <AlertDescription>{failure}</AlertDescription>
          </Alert>
        ) : null}
        {result?.kind === "excluded" ? (
          <Alert>
            <AlertTitle>No commission for this deal</AlertTitle>
            <AlertDescription>{explainTrace(result.trace, { currency }).at(-1) ?? "The agreement's rules exclude this deal."}</AlertDescription>
          </Alert>
        ) : null}
        {result?.kind === "schedule" ? (
          <Card>
            <CardHeader>
              <CardTitle>
                <h2 className="flex flex-wrap items-center gap-2">
                  {formatMoney(result.schedule.totalMinor, result.schedule.currency)}
                  <Badge variant="secondary">effective {Number(result.schedule.effectiveRate)}%</Badge>
                </h2>
              </CardTitle>
              <CardDescription>{result.schedule.lines.length} payment lines</CardDescription>
            </CardHeader>
            <CardContent className="grid gap-4">
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>Due</TableHead>
                    <TableHead>Line</TableHead>
                    <TableHead className="text-right">Amount</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {result.schedule.lines.slice(0, 48).map((line) => (
                    <TableRow key={line.key}>
                      <TableCell className="tabular-nums">{line.dueDate}</TableCell>
                      <TableCell>{line.label}</TableCell>
                      <TableCell className="text-right tabular-nums">{formatMoney(line.amountMinor, line.currency)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <section aria-labelledby="trace-heading" className="grid gap-2">
                <h3 id="trace-heading" className="text-sm font-semibold">
                  How this was calculated
                </h3>
                <TraceList trace={result.schedule.trace} currency={result.schedule.currency} />
              </section>
            </CardContent>
          </Card>
        ) : null}
      </div>
    </div>
  );
}
