/** The per-request values the pipeline hands to route handlers. */
export interface Env {
  Variables: {
    /** The parsed JSON body (undefined when empty). */
    body: unknown;
  };
}
