import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-md py-24 text-center">
      <p className="text-sm font-medium text-zinc-500">403</p>
      <h1 className="mt-2 text-2xl font-semibold">Your role cannot open this page</h1>
      <p className="mt-2 text-zinc-500">Ask an admin to raise your role if you need it.</p>
      <Link href="/queue" className="mt-6 inline-block underline">
        Back to the queue
      </Link>
    </main>
  );
}
