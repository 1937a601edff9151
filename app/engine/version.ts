/** Bumped whenever a rule, text or the Brief shape changes what the engine returns for the same answers. */
export const ENGINE_VERSION = '1.0.0'
