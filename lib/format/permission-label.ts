/** "pull_requests" → "Pull requests": GitHub's own wording in its settings pages. */
export function permissionLabel(name: string): string {
  const words = name.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
