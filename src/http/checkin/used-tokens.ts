/**
 * Form tokens already used for a check-in, each with the phone it checked in. One token is one check-in:
 * sending it again with the same phone is the same visit (a double tap, a reload), with another phone it
 * is refused, so a script cannot create check-ins for many numbers with one opened page. Kept in the
 * database for the token's lifetime, so every process sharing it refuses the reuse.
 */
export interface UsedTokens {
  /** Marks `token` used by `phone`; false when another phone used it already. */
  claim(token: string, phone: string, now: number): Promise<boolean>;
}
