import type { ZodError } from "zod";

/** "per_page: must be a whole number from 1 to 100; ids[2]: must be a positive whole number" */
export function describeZodError(error: ZodError, where = ""): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      if (issue.code === "unrecognized_keys") {
        return `unknown ${where ? `${where} ` : ""}field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((key) => `"${key}"`).join(", ")}`;
      }
      const field = issue.path.reduce<string>(
        (name, part) => (typeof part === "number" ? `${name}[${part}]` : name ? `${name}.${String(part)}` : String(part)),
        "",
      );
      return field ? `${field}: ${issue.message}` : `${where || "input"}: ${issue.message}`;
    })
    .join("; ");
}
