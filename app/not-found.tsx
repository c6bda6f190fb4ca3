import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md py-24 text-center">
      <p className="text-sm font-medium text-zinc-500">404</p>
      <h1 className="mt-2 text-2xl font-semibold">This page does not exist</h1>
      <p className="mt-2 text-zinc-500">The link may be old, or the draft or note may have been removed.</p>
      <Link href="/queue" className="mt-6 inline-block underline">
        Back to the queue
      </Link>
    </main>
  );
}
