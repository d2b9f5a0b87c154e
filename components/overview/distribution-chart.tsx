"use client";

import { Bar, BarChart, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";
import type { Bucket } from "@/lib/contract/inventory";

/**
 * A horizontal bar per bucket (recharts, SVG), each labelled with its count. The chart is a
 * picture of the table beside it for screen readers: the same numbers are in the text.
 */
export function DistributionChart({ title, buckets, tone }: { title: string; buckets: Bucket[]; tone: "indigo" | "amber" }) {
  const fill = tone === "indigo" ? "#4f46e5" : "#d97706";
  return (
    <figure className="flex min-w-0 flex-col gap-2">
      <figcaption className="text-xs font-medium text-zinc-600">{title}</figcaption>
      <div aria-hidden className="h-40 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={buckets} layout="vertical" margin={{ top: 0, right: 40, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <XAxis type="number" hide allowDecimals={false} />
            <YAxis type="category" dataKey="label" width={110} tickLine={false} axisLine={false} tick={{ fontSize: 12, fill: "#52525b" }} />
            <Bar dataKey="count" fill={fill} radius={[0, 3, 3, 0]} isAnimationActive={false}>
              <LabelList dataKey="count" position="right" style={{ fontSize: 12, fill: "#27272a" }} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="sr-only">
        <caption>{title}</caption>
        <tbody>
          {buckets.map((bucket) => (
            <tr key={bucket.label}>
              <th scope="row">{bucket.label}</th>
              <td>{bucket.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
