import { AlertTriangleIcon } from "lucide-react";
import { Button } from "./button";

/** A section's own load failure, with GitHub's (or Grantdesk's) reason and a retry. */
export function InlineError({ what, message, onRetry }: { what: string; message: string; onRetry: () => void }) {
  return (
    <div role="alert" className="flex flex-col items-start gap-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
      <p className="flex items-start gap-2">
        <AlertTriangleIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
        {what} could not be loaded: {message}
      </p>
      <Button size="sm" onClick={onRetry}>
        Try again
      </Button>
    </div>
  );
}
