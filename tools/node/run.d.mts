// Types of run.mjs (plain JavaScript so it runs before tsx is loaded).
export declare const NODE_PROFILES: Record<string, readonly string[]>;
/** The Node flags of a profile: `app`, `ingest`, optionally followed by `+gc`. */
export declare function nodeArgs(spec: string): string[];
/** The arguments for `spawn(process.execPath, …)` that start an entry point with a profile. */
export declare function nodeCommand(spec: string, entry: string, args?: readonly string[]): string[];
