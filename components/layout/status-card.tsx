import Link from "next/link";

/** The full-page notice for a refusal or a missing page: what happened, why, and the way back. */
export function StatusCard({ eyebrow, tone = "neutral", title, children }: { eyebrow: string; tone?: "neutral" | "danger"; title: string; children: React.ReactNode }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <div className="rounded-xl border border-zinc-200 bg-white p-8 shadow-sm">
        <p className={tone === "danger" ? "text-sm font-semibold text-red-700" : "text-sm font-semibold text-zinc-500"}>{eyebrow}</p>
        <h1 className="mt-2 text-lg font-semibold text-zinc-900">{title}</h1>
        <p className="mt-2 text-sm text-zinc-600">{children}</p>
        <Link href="/" prefetch={false} className="mt-6 inline-block text-sm font-medium text-indigo-700 hover:underline">
          Back to your organizations
        </Link>
      </div>
    </main>
  );
}
