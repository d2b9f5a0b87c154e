/** A thing counted: "1 request", "2 requests". */
export interface Noun {
  one: string;
  other: string;
}

// What a row of each table is, the one way every table piece is told (counts, empty states,
// pagination, the action bar, confirmations).
export const REQUEST_NOUN: Noun = { one: "request", other: "requests" };
export const TOKEN_NOUN: Noun = { one: "token", other: "tokens" };
export const RECORD_NOUN: Noun = { one: "record", other: "records" };
export const MEMBER_NOUN: Noun = { one: "member", other: "members" };
