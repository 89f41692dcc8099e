"use client";

import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { usePipelineParams } from "./use-pipeline-params";

export function NewOpportunityButton() {
  const { set } = usePipelineParams();
  return (
    <Button size="sm" onClick={() => set({ new: "1", opportunity: null })}>
      <Plus aria-hidden /> New opportunity
    </Button>
  );
}
