/** The per-request values the API pipeline hands to route handlers. */
export interface Env {
  Variables: {
    /** The parsed JSON body of a POST or PUT (undefined when empty). */
    body: unknown;
  };
}
