import { Avatar } from "@/components/ui/avatar";
import type { Owner } from "@/lib/contract/pat-rows";

export function PatOwner({ owner, size = 20 }: { owner: Owner; size?: number }) {
  return (
    <span className="flex min-w-0 items-center gap-2">
      <Avatar src={owner.avatarUrl} size={size} />
      <span className="truncate font-medium text-zinc-900">{owner.login}</span>
    </span>
  );
}
