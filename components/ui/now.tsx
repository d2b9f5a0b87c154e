"use client";

import { createContext, useContext, useEffect, useState, type ReactNode } from "react";

const NowContext = createContext<Date | null>(null);

/**
 * The current time for relative dates ("3 days ago"). It starts at the server's render time,
 * so the browser's first render matches the server's HTML, then moves on every minute.
 */
export function NowProvider({ initial, children }: { initial: number; children: ReactNode }) {
  const [now, setNow] = useState(() => new Date(initial));
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return <NowContext value={now}>{children}</NowContext>;
}

export function useNow(): Date {
  const now = useContext(NowContext);
  if (!now) throw new Error("useNow needs a NowProvider above it");
  return now;
}
