export default function HomePage() {
  return (
    <main className="mx-auto max-w-2xl p-8">
      <h1 className="text-2xl font-semibold">Grantdesk</h1>
      <p className="mt-2 text-zinc-600">Govern your organization&apos;s fine-grained personal access tokens.</p>
    </main>
  );
}
