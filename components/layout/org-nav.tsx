"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

export interface OrgNavTab {
  label: string;
  segment: string;
}

export function OrgNav({ org, tabs }: { org: string; tabs: OrgNavTab[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={`${org} sections`} className="-mb-px flex gap-1 overflow-x-auto">
      {tabs.map((tab) => {
        const href = `/orgs/${org}/${tab.segment}`;
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={tab.segment}
            href={href}
            prefetch={false}
            aria-current={active ? "page" : undefined}
            className={cn(
              "border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap focus-visible:outline-2 focus-visible:outline-indigo-600",
              active ? "border-indigo-600 text-zinc-900" : "border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900",
            )}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
