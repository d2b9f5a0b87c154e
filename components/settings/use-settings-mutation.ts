"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { notificationKeys, patchChannel, postChannel, type ChannelInput } from "@/lib/browser-api/notification-queries";

/**
 * A change to the org's notification settings: on success the settings and the record list are
 * read again and `success` (if any) is toasted; a refusal stays with the form (`error`), where
 * the person can fix what the server named.
 */
export function useSettingsMutation<TInput, TResult>(org: string, mutationFn: (input: TInput) => Promise<TResult>, success?: (result: TResult) => string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (result) => {
      const text = success?.(result);
      if (text) toast.success(text);
      await queryClient.invalidateQueries({ queryKey: notificationKeys.all(org) });
    },
  });
}

/** Saves a channel form: adds a channel, or changes `channel` when there is one. */
export function useChannelSave(org: string, channel: { id: string } | undefined) {
  return useSettingsMutation(
    org,
    (input: ChannelInput) => (channel ? patchChannel(org, channel.id, input) : postChannel(org, input)),
    (saved) => `${saved.name} ${channel ? "saved" : "added"}`,
  );
}
