import { cn } from "@/lib/utils";

/**
 * The PartnerOS mark, drawn like app/icon.svg but in the theme's primary colour, so it follows dark mode.
 * Decorative: the product name stays text beside it.
 */
export function BrandMark({ className }: { className?: string }) {
  return (
    <svg aria-hidden viewBox="0 0 32 32" className={cn("size-8 shrink-0", className)}>
      <rect width="32" height="32" rx="8" className="fill-primary" />
      <path
        d="M12 23.5V8.5h5.25a4.75 4.75 0 0 1 0 9.5H12"
        fill="none"
        strokeWidth="3"
        strokeLinecap="round"
        strokeLinejoin="round"
        className="stroke-primary-foreground"
      />
      <circle cx="21.75" cy="23" r="2.25" fillOpacity="0.75" className="fill-primary-foreground" />
    </svg>
  );
}
