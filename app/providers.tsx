"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import type { ReactNode } from "react";
import { Toaster } from "sonner";
import { TooltipProvider } from "@/components/ui/tooltip";
import { getQueryClient } from "@/lib/browser-api/query-client";

/**
 * Client-side context for every page: server data cache, URL state, tooltips, and the toasts'
 * live region (sonner: always in the page, so each notice is announced, politely).
 */
export function Providers({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  return (
    <QueryClientProvider client={queryClient}>
      <NuqsAdapter>
        <TooltipProvider>{children}</TooltipProvider>
      </NuqsAdapter>
      <Toaster position="bottom-right" richColors closeButton duration={6_000} />
    </QueryClientProvider>
  );
}
