// The file next.config.ts names as Next's `cacheHandler`. Next loads it with Node's own import(), in
// `next build`'s workers as well as in the server, where TypeScript may not be loaded (`next build` runs
// without tsx): this loads the handler's TypeScript through tsx's scoped API, which works either way.
import { tsImport } from 'tsx/esm/api';

/** @type {{ PgCacheHandler: unknown }} */
const handler = await tsImport('./handler.ts', import.meta.url);

export default handler.PgCacheHandler;
