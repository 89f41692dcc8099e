import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { TemplateVariable } from "@/lib/templates/schema";

export function VariablesTable({ variables }: { variables: readonly TemplateVariable[] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Fields</h2>
        </CardTitle>
        <CardDescription>What the fill form asks for; fields with a source fill themselves from live data.</CardDescription>
      </CardHeader>
      <CardContent className="overflow-x-auto">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Field</TableHead>
              <TableHead>Type</TableHead>
              <TableHead>Source</TableHead>
              <TableHead>Required</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {variables.map((v) => (
              <TableRow key={v.name}>
                <TableCell>
                  <span className="font-medium">{v.label}</span>
                  <span className="ml-2 font-mono text-xs text-muted-foreground">{v.name}</span>
                </TableCell>
                <TableCell>{v.type}</TableCell>
                <TableCell className="font-mono text-xs">{v.source ?? "typed in"}</TableCell>
                <TableCell>{v.required ? "Yes" : "No"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
