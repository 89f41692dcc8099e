import { Skeleton } from "@/components/ui/skeleton";

export default function StatusLoading() {
  return (
    <div className="grid gap-6" aria-busy="true" aria-label="Loading your weekly status">
      <Skeleton className="h-8 w-64" />
      <div className="grid gap-6 xl:grid-cols-[2fr_1fr]">
        <Skeleton className="h-[32rem]" />
        <div className="grid content-start gap-6">
          <Skeleton className="h-48" />
          <Skeleton className="h-32" />
        </div>
      </div>
    </div>
  );
}
