"use client";

import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";
import { isPlainClick } from "./plain-click";

/**
 * A link to a Grantdesk page that navigates in place through the router, as next/link does,
 * without next/link's prefetching machinery: that is 6 kB of script on the first load of every
 * page, for links (header, tabs) whose pages render on the server anyway.
 */
export function AppLink({ href, onClick, ...props }: ComponentProps<"a"> & { href: string }) {
  const router = useRouter();
  return (
    <a
      href={href}
      onClick={(event) => {
        onClick?.(event);
        if (event.defaultPrevented || !isPlainClick(event)) return;
        event.preventDefault();
        router.push(href);
      }}
      {...props}
    />
  );
}
