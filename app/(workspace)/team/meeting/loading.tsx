import { Skeleton } from "@/components/ui/skeleton";

export default function MeetingLoading() {
  return (
    <div className="grid gap-6" aria-busy="true" aria-label="Building the agenda">
      <Skeleton className="h-8 w-64" />
      {Array.from({ length: 4 }, (_, i) => (
        <Skeleton key={i} className="h-32" />
      ))}
    </div>
  );
}
