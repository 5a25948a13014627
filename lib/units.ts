/** Units every preset and module shares: token amounts in wei, durations in seconds, shares in basis points. */

/** One token, in wei (18 decimals). */
export const TOKEN = 10n ** 18n;
/** A year of the emission and vesting schedules: 365 days, in seconds. */
export const YEAR = 31_536_000n;
/** A day, in seconds. */
export const DAY = 86_400n;
/** 100% in basis points. */
export const BPS = 10_000;
