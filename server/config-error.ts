/**
 * What every configuration parser throws (server/config.ts, the limits, portal mode, TRUST_PROXY),
 * in a module of its own so that the gateway's runtime parts import no Node-only code with it.
 */

/** A configuration the proxy refuses to start with; `message` is one line meant for an operator. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export type Env = Readonly<Record<string, string | undefined>>;
