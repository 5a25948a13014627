/**
 * What the scripts (`npm run deploy`, `npm run supply-report`, ...) share for their users: a mistake in the
 * environment or the inputs is a `UserError`, printed as one line `Error: <what and where>` with exit code 1, never
 * a stack trace. Unexpected errors (bugs) keep theirs.
 */
import { PresetError } from "../../presets/validate.js";

/** A mistake of the script's user (an environment variable, an inputs file), reported as it is. */
export class UserError extends Error {}

/** True for errors that describe a user's mistake: ours, a preset or input validation, Hardhat's own. */
export function isUserError(error: unknown): error is Error {
  if (error instanceof UserError || error instanceof PresetError) return true;
  // Hardhat's errors (an unset configuration variable, an unknown network) carry their own clear message.
  return error instanceof Error && error.constructor.name === "HardhatError";
}

/** The first line of a user error's message, as printed. */
export function errorLine(error: Error): string {
  return `Error: ${error.message.split("\n")[0]}`;
}

/**
 * Runs a script's body: a user error prints one line and sets exit code 1 (Hardhat's `run` then exits with it);
 * anything else is rethrown.
 */
export async function main(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (!isUserError(error)) throw error;
    console.error(errorLine(error));
    process.exitCode = 1;
  }
}

/** An environment variable from a fixed list (default when unset), or a UserError naming it and the choices. */
export function envChoice<T extends string>(name: string, choices: readonly T[], fallback: T): T {
  const value = process.env[name];
  if (value === undefined || value === "") return fallback;
  if (!(choices as readonly string[]).includes(value)) {
    throw new UserError(`${name} must be one of ${choices.join(", ")}, got "${value}"`);
  }
  return value as T;
}

/** A comma-separated list of choices (`PRESETS=quiver,qerun`), every one checked; all of them when unset. */
export function envChoices<T extends string>(name: string, choices: readonly T[]): T[] {
  const value = process.env[name];
  if (value === undefined || value.trim() === "") return [...choices];
  const picked = value.split(",").map((s) => s.trim());
  for (const p of picked) {
    if (!(choices as readonly string[]).includes(p)) {
      throw new UserError(`${name}: "${p}" is not one of ${choices.join(", ")}`);
    }
  }
  if (new Set(picked).size !== picked.length) throw new UserError(`${name} names a preset twice: "${value}"`);
  return picked as T[];
}

/** A decimal number from `min` to `max` (default when unset), or a UserError naming the variable. */
export function envNumber(name: string, fallback: number, min: number, max: number): number {
  const value = process.env[name];
  if (value === undefined || value === "") return fallback;
  const n = /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
  if (!(n >= min && n <= max)) throw new UserError(`${name} must be a number from ${min} to ${max}, got "${value}"`);
  return n;
}

/** A whole number from `min` to `max` (default when unset), or a UserError naming the variable. */
export function envInteger(name: string, fallback: bigint, min: bigint, max: bigint): bigint {
  const value = process.env[name];
  if (value === undefined || value === "") return fallback;
  if (!/^\d+$/.test(value.trim())) throw new UserError(`${name} must be a whole number, got "${value}"`);
  const n = BigInt(value.trim());
  if (n < min || n > max) throw new UserError(`${name} must be from ${min} to ${max}, got ${n}`);
  return n;
}
