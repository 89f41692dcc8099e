"use client";

import { FileUp } from "lucide-react";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { importOpportunitiesAction, type ImportOutcome } from "@/lib/opportunities/import";

const TEMPLATE =
  "customer_name,title,value,currency,stage,owner_email,isv_partner,referring_partner,domain,expected_close_date,contact_name,contact_email,technical_contact_name,technical_contact_email,notes\r\n" +
  "Acme Corp,Observability rollout,125000,USD,lead,you@company.com,Datadog,,observability,2027-03-31,Jane Doe,jane@acme.example,,,\r\n";

export function ImportDialog() {
  const [open, setOpen] = useState(false);
  const [csv, setCsv] = useState<string | null>(null);
  const [fileName, setFileName] = useState("");
  const [report, setReport] = useState<ImportOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const reset = () => {
    setCsv(null);
    setReport(null);
    setError(null);
    setFileName("");
  };

  async function onFile(file: File | undefined) {
    reset();
    if (!file) return;
    if (file.size > 5_000_000) return setError("The file is larger than 5 MB.");
    const text = await file.text();
    setFileName(file.name);
    setCsv(text);
    startTransition(async () => {
      const result = await importOpportunitiesAction({ csv: text, mode: "preview" });
      if (result.ok) setReport(result.data);
      else setError(result.error);
    });
  }

  function importValid() {
    if (!csv) return;
    startTransition(async () => {
      const result = await importOpportunitiesAction({ csv, mode: "valid-only" });
      if (!result.ok) return setError(result.error);
      toast.success(`${result.data.imported} opportunities imported${result.data.errors.length ? `; ${result.data.errors.length} problems left out` : ""}`);
      setOpen(false);
      reset();
    });
  }

  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (!o) reset(); }}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          <FileUp aria-hidden /> Import CSV
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>Import opportunities</DialogTitle>
          <DialogDescription>
            Every line is checked first; you then choose to import the valid rows or nothing.{" "}
            <a className="text-primary underline underline-offset-4" href={`data:text/csv;charset=utf-8,${encodeURIComponent(TEMPLATE)}`} download="opportunities-template.csv">
              Download a template
            </a>
            .
          </DialogDescription>
        </DialogHeader>
        <div className="grid gap-2">
          <Label htmlFor="import-file">CSV file</Label>
          <Input id="import-file" type="file" accept=".csv,text/csv" onChange={(e) => void onFile(e.target.files?.[0])} disabled={pending} />
        </div>
        {error ? (
          <Alert variant="destructive">
            <AlertTitle>The file could not be checked</AlertTitle>
            <AlertDescription>{error}</AlertDescription>
          </Alert>
        ) : null}
        {pending && !report ? <p className="text-sm text-muted-foreground">Checking {fileName}…</p> : null}
        {report ? (
          <div className="grid gap-3" data-testid="import-report">
            <p className="text-sm" aria-live="polite">
              <strong>{report.validRows}</strong> of {report.totalRows} rows are valid{report.errors.length ? `; ${report.errors.length} problems found` : ""}.
            </p>
            {report.errors.length ? (
              <div className="max-h-64 overflow-y-auto rounded-md border">
                <Table>
                  <TableHeader>
                    <TableRow>
                      <TableHead className="w-16">Line</TableHead>
                      <TableHead className="w-40">Field</TableHead>
                      <TableHead>Problem</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {report.errors.slice(0, 500).map((e, i) => (
                      <TableRow key={`${e.line}-${e.field}-${i}`}>
                        <TableCell className="tabular-nums">{e.line}</TableCell>
                        <TableCell className="font-mono text-xs">{e.field}</TableCell>
                        <TableCell>{e.message}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            ) : null}
          </div>
        ) : null}
        <DialogFooter>
          <Button variant="outline" onClick={() => { setOpen(false); reset(); }}>
            Import nothing
          </Button>
          <Button onClick={importValid} disabled={pending || !report || report.validRows === 0}>
            {report ? `Import ${report.validRows} valid ${report.validRows === 1 ? "row" : "rows"}` : "Import"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
