import { CircleAlert, CircleCheck } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";

export function FormAlert({ tone, title, detail, children }: { tone: "error" | "success"; title: string; detail?: string; children?: React.ReactNode }) {
  const Icon = tone === "error" ? CircleAlert : CircleCheck;
  return (
    <Alert variant={tone === "error" ? "destructive" : "default"} role={tone === "error" ? "alert" : "status"}>
      <Icon aria-hidden />
      <AlertTitle>{title}</AlertTitle>
      {detail || children ? (
        <AlertDescription>
          {detail}
          {children}
        </AlertDescription>
      ) : null}
    </Alert>
  );
}
