import * as React from "react";
import { LoaderCircleIcon } from "lucide-react";

import { cn } from "@/lib/utils";

const spinnerSizes = {
  sm: "size-3.5",
  default: "size-4",
  lg: "size-6",
} as const;

type SpinnerProps = React.ComponentProps<"span"> & {
  size?: keyof typeof spinnerSizes;
  label?: string;
};

function Spinner({ className, size = "default", label = "Loading", ...props }: SpinnerProps) {
  return (
    <span
      role="status"
      data-slot="spinner"
      className={cn("inline-flex items-center justify-center", className)}
      {...props}
    >
      <LoaderCircleIcon
        aria-hidden="true"
        data-slot="spinner-icon"
        className={cn("animate-spin motion-reduce:[animation-duration:1.5s]", spinnerSizes[size])}
      />
      <span className="sr-only">{label}</span>
    </span>
  );
}

export { Spinner, type SpinnerProps };
