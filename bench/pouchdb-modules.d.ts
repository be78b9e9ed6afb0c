/**
 * The PouchDB peer of the push benchmark ships no types usable here (the DefinitelyTyped ones
 * change Node's Buffer typings project-wide); these are the few calls the benchmark makes.
 */
declare module 'pouchdb-core' {
  interface PouchInstance {
    bulkDocs(docs: object[]): Promise<unknown>;
    replicate: { to(target: string): Promise<unknown> };
    close(): Promise<void>;
  }
  interface PouchConstructor {
    new (name: string, options?: { adapter?: string }): PouchInstance;
    plugin(plugin: unknown): PouchConstructor;
    defaults(options: { adapter?: string }): PouchConstructor;
  }
  const PouchDB: PouchConstructor;
  export default PouchDB;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-mapreduce' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
declare module 'express-pouchdb' {
  import type { RequestHandler } from 'express';
  export default function expressPouchDB(
    pouch: unknown,
    options?: Record<string, unknown>,
  ): RequestHandler;
}
declare module 'pouchdb-adapter-idb' {
  const plugin: unknown;
  export default plugin;
}
