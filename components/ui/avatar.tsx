import { cn } from "@/lib/cn";

/**
 * A GitHub avatar, decorative beside the login it belongs to. Plain <img>: avatars come from the
 * configured GitHub host (github.com, a GHE.com tenant or fake-github), which next/image would
 * need listed ahead of time.
 */
export function Avatar({ src, size = 20, className }: { src: string; size?: number; className?: string }) {
  return (
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={src}
      alt=""
      width={size}
      height={size}
      loading="lazy"
      className={cn("shrink-0 rounded-full bg-zinc-200 ring-1 ring-zinc-950/10", className)}
    />
  );
}
