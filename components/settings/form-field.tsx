import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

/** A labelled form control with an optional hint under it. */
export function FormField({ label, htmlFor, hint, children }: { label: string; htmlFor: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={htmlFor} className="text-sm font-medium text-zinc-800">
        {label}
      </label>
      {children}
      {hint ? <p className="text-xs text-zinc-500">{hint}</p> : null}
    </div>
  );
}

/** A form's refusal from the server, said where the person is looking. */
export function FormError({ error }: { error: Error | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {error.message}
    </p>
  );
}

/** A channel form's end: the server's refusal, if any, then save (or add) and cancel. */
export function ChannelFormFooter({ save, editing, onCancel }: { save: { error: Error | null; isPending: boolean }; editing: boolean; onCancel: () => void }) {
  return (
    <>
      <FormError error={save.error} />
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : editing ? "Save channel" : "Add channel"}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </>
  );
}
