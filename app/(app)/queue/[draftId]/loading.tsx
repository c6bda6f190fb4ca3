/** A draft's shape while it loads: post on the left, note on the right. */
export default function Loading() {
  const block = "animate-pulse rounded-lg bg-zinc-200 dark:bg-zinc-800";
  return (
    <div className="flex flex-col gap-4" aria-busy="true" aria-label="Loading the draft">
      <div className={`h-8 w-72 ${block}`} />
      <div className="grid gap-4 lg:grid-cols-2">
        <div className={`h-80 ${block}`} />
        <div className={`h-80 ${block}`} />
      </div>
    </div>
  );
}
