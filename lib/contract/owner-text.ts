// The one rule for free text an owner sends (a review's reason, a revoke's note, the typed
// confirmation, a list's search): what Grantdesk stores in its audit trail, shows to other owners
// and exports must read as it looks. Shared by the API routes' zod schemas and next-auth's guard.
//
// Refused:
// - C0 control characters other than tab and newline (U+0000–U+0008, U+000B–U+001F: NUL, which
//   PostgreSQL cannot store at all; CR, which rewrites a line in a terminal or a log), DEL
//   (U+007F) and the C1 controls (U+0080–U+009F, e.g. NEL, a line break some readers honour);
// - bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which make
//   text display in another order than it is stored ("Trojan Source"): a reason could show one
//   thing in the audit page and say another in the export;
// - a lone UTF-16 surrogate: not a character, and neither database keeps it as sent.
//
// Allowed: the invisible direction *marks* U+200E (LRM), U+200F (RLM) and U+061C (ALM). They
// cannot reorder a run of text, only settle where neutral characters such as punctuation go,
// and right-to-left writers need them to type a sentence that mixes directions correctly.

const FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\p{Surrogate}/u;

/** What an owner is told is wrong with the first refused character of `text`, or null when it passes. */
export function forbiddenCharacterIn(text: string): string | null {
  const match = FORBIDDEN.exec(text);
  if (!match) return null;
  const code = match[0].codePointAt(0)!;
  const name = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  if (code <= 0x9f) return `must not contain control characters (${name} at position ${match.index + 1}); only tabs and line breaks (\\n) are allowed`;
  if (code >= 0xd800 && code <= 0xdfff) return `must be valid Unicode text (a lone surrogate ${name} at position ${match.index + 1})`;
  return `must not contain bidirectional override or isolate characters (${name} at position ${match.index + 1})`;
}
