/** A JSON value (what Jira properties and the key-value store hold). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
