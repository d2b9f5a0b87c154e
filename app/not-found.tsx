import { StatusCard } from "@/components/layout/status-card";

export default function NotFound() {
  return (
    <StatusCard eyebrow="404 · Not found" title="This page does not exist">
      Check the address, or go back to your organizations.
    </StatusCard>
  );
}
