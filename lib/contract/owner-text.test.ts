import { describe, expect, it } from "vitest";
import { forbiddenCharacterIn } from "./owner-text";

describe("forbiddenCharacterIn", () => {
  it.each([
    "",
    "Approved for the release",
    "line one\nline two\tindented",
    // Direction marks settle punctuation in mixed-direction text; they cannot reorder it.
    "\u200Fשלום, world\u200E!",
    "\u061Cمرحبا",
    "emoji 🎉 and CJK 你好, a surrogate pair kept whole",
    "\u00A0non-breaking and \u200Bzero-width space",
  ])("lets %j through", (text) => {
    expect(forbiddenCharacterIn(text)).toBeNull();
  });

  it.each([
    ["\u0000", "control characters (U+0000 at position 1)"],
    ["a\u0007", "control characters (U+0007 at position 2)"],
    ["a\rb", "control characters (U+000D at position 2)"],
    ["\u000B", "control characters (U+000B"],
    ["\u001B[31mred", "control characters (U+001B"],
    ["\u007F", "control characters (U+007F"],
    ["\u0085", "control characters (U+0085"],
    ["\u009F", "control characters (U+009F"],
    ["\u202A", "bidirectional override or isolate characters (U+202A"],
    ["abc\u202Efdp.exe", "bidirectional override or isolate characters (U+202E at position 4)"],
    ["\u2066", "bidirectional override or isolate characters (U+2066"],
    ["\u2069", "bidirectional override or isolate characters (U+2069"],
    ["\uD800", "valid Unicode text (a lone surrogate U+D800"],
    ["x\uDFFF", "valid Unicode text (a lone surrogate U+DFFF at position 2)"],
  ])("refuses %j", (text, problem) => {
    expect(forbiddenCharacterIn(text)).toContain(problem);
  });

  it("names the first refused character", () => {
    expect(forbiddenCharacterIn("ok\u202E\u0000")).toContain("U+202E at position 3");
  });
});
