import { Skeleton } from "@/components/ui/skeleton";

/**
 * The placeholder a workspace page shows while it renders: `list` for directories and tables, `detail`
 * for a record page, `form` for settings and editors.
 */
export function PageSkeleton({ variant, label }: { variant: "list" | "detail" | "form"; label: string }) {
  return (
    <div className="grid gap-6" aria-busy="true" aria-label={label}>
      <div className="grid gap-2">
        <Skeleton className="h-8 w-64 max-w-full" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      {variant === "list" ? (
        <>
          <Skeleton className="h-9 w-full max-w-2xl" />
          <div className="grid gap-2">
            {Array.from({ length: 8 }, (_, i) => (
              <Skeleton key={i} className="h-12 w-full" />
            ))}
          </div>
        </>
      ) : null}
      {variant === "detail" ? (
        <>
          <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
            {Array.from({ length: 4 }, (_, i) => (
              <Skeleton key={i} className="h-24" />
            ))}
          </div>
          <Skeleton className="h-72" />
        </>
      ) : null}
      {variant === "form" ? (
        <div className="grid max-w-3xl gap-4">
          <Skeleton className="h-48" />
          <Skeleton className="h-32" />
        </div>
      ) : null}
    </div>
  );
}
