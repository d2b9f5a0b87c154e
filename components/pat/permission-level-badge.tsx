import { EyeIcon, PenLineIcon, ShieldAlertIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";

/**
 * A permission's access level. Write and admin stand out by colour and by icon and word, so the
 * signal does not depend on seeing colour.
 */
export function PermissionLevelBadge({ level }: { level: string }) {
  if (level === "admin") {
    return (
      <Badge tone="danger">
        <ShieldAlertIcon aria-hidden />
        admin
      </Badge>
    );
  }
  if (level === "write") {
    return (
      <Badge tone="warning">
        <PenLineIcon aria-hidden />
        write
      </Badge>
    );
  }
  return (
    <Badge tone="neutral">
      <EyeIcon aria-hidden />
      {level}
    </Badge>
  );
}
