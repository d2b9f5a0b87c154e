"use client";

import { LoaderCircleIcon } from "lucide-react";
import { useId, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { Input, Textarea } from "@/components/ui/input";

export interface ConfirmDialogNote {
  label: string;
  maxLength: number;
  placeholder?: string;
  /** What happens to the note (e.g. "GitHub shows it to each member"). */
  hint?: string;
}

export interface DataTableConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Names what will happen: "Deny 37 requests from 12 members". */
  title: string;
  description?: ReactNode;
  /** Optional free text sent with the action, with a character counter. */
  note?: ConfirmDialogNote;
  /**
   * For large actions: the confirm button stays disabled until this exact text (the org's name)
   * is typed, so a slip of the mouse cannot revoke a thousand tokens.
   */
  typedConfirmation?: { expected: string; label: string };
  /** False while what is being confirmed is still being prepared (the button waits). */
  ready?: boolean;
  confirmLabel: string;
  pendingLabel: string;
  tone: "primary" | "danger";
  pending: boolean;
  /** Why the last attempt failed as a whole, shown in the dialog. */
  error?: string | null;
  /** The note, and the typed confirmation when one is asked for. */
  onConfirm: (note: string, typed: string) => void;
  /**
   * Where focus goes when the dialog closes if the control that opened it has gone (its row
   * left the table): otherwise it returns to that control.
   */
  fallbackFocus?: () => HTMLElement | null;
  children?: ReactNode;
}

/**
 * The confirmation before a bulk action. While the action is in flight the confirm button is
 * disabled and the dialog cannot be dismissed, so it cannot be sent twice.
 */
export function DataTableConfirmDialog({ open, onOpenChange, description, pending, fallbackFocus, ...form }: DataTableConfirmDialogProps) {
  return (
    <Dialog open={open} onDismiss={() => !pending && onOpenChange(false)} described={!!description} fallbackFocus={fallbackFocus} variant="centered">
      <ConfirmForm {...form} description={description} pending={pending} onCancel={() => onOpenChange(false)} />
    </Dialog>
  );
}

/** The dialog's content, mounted while it is open: each opening starts with an empty note. */
function ConfirmForm({
  title,
  description,
  note,
  typedConfirmation,
  ready = true,
  confirmLabel,
  pendingLabel,
  tone,
  pending,
  error,
  onConfirm,
  onCancel,
  children,
}: Omit<DataTableConfirmDialogProps, "open" | "onOpenChange" | "fallbackFocus"> & { onCancel: () => void }) {
  const [text, setText] = useState("");
  const [typed, setTyped] = useState("");
  const noteId = useId();
  const counterId = useId();
  const typedId = useId();
  const typedOk = !typedConfirmation || typed.trim().toLowerCase() === typedConfirmation.expected.toLowerCase();
  const canConfirm = ready && typedOk && !pending;

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        if (canConfirm) onConfirm(text, typed.trim());
      }}
    >
      <div className="flex flex-col gap-1.5">
        <DialogTitle>{title}</DialogTitle>
        {description ? <DialogDescription>{description}</DialogDescription> : null}
      </div>
      {children}
      {note ? (
        <div className="flex flex-col gap-1.5">
          <div className="flex items-baseline justify-between gap-2">
            <label htmlFor={noteId} className="text-sm font-medium text-zinc-800">
              {note.label} <span className="font-normal text-zinc-500">(optional)</span>
            </label>
            <span id={counterId} className="text-xs text-zinc-500 tabular-nums">
              {text.length} / {note.maxLength}
              <span className="sr-only"> characters</span>
            </span>
          </div>
          <Textarea
            id={noteId}
            value={text}
            maxLength={note.maxLength}
            placeholder={note.placeholder}
            aria-describedby={counterId}
            disabled={pending}
            rows={3}
            onChange={(event) => setText(event.target.value.slice(0, note.maxLength))}
          />
          {note.hint ? <p className="text-xs text-zinc-500">{note.hint}</p> : null}
        </div>
      ) : null}
      {typedConfirmation ? (
        <div className="flex flex-col gap-1.5">
          <label htmlFor={typedId} className="text-sm font-medium text-zinc-800">
            {typedConfirmation.label}
          </label>
          <Input
            id={typedId}
            value={typed}
            autoComplete="off"
            spellCheck={false}
            disabled={pending}
            placeholder={typedConfirmation.expected}
            onChange={(event) => setTyped(event.target.value)}
          />
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button type="button" disabled={pending} onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant={tone === "danger" ? "danger" : "primary"} disabled={!canConfirm}>
          {pending ? <LoaderCircleIcon className="animate-spin" aria-hidden /> : null}
          {pending ? pendingLabel : confirmLabel}
        </Button>
      </div>
    </form>
  );
}
