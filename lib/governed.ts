/**
 * A governed number: a value the ParameterRegistry holds for a module, inside hard bounds fixed at registration
 * (`IParameterRegistry.register`). Every module's preset type declares its governed numbers with this one type.
 */

/** Hard bounds of a governed number in the ParameterRegistry. */
export interface Bounds {
  min: bigint;
  max: bigint;
  /** Absolute change always allowed within a rate-limit window (for values near zero). */
  minStep: bigint;
}

/** A governed number: its initial value and the hard bounds the parameter registry enforces. */
export interface Governed extends Bounds {
  value: bigint;
}
