/// <reference types="vite/client" />

/**
 * Every message catalogue, by language and namespace: locales/<lang>/<namespace>.json. Vite bundles them all
 * (a few kB); a new namespace file is picked up here without touching the init.
 */
export type Catalogue = { [key: string]: string | Catalogue };

const files = import.meta.glob<Catalogue>('./locales/*/*.json', { eager: true, import: 'default' });

export const RESOURCES: Record<string, Record<string, Catalogue>> = {};
for (const [file, catalogue] of Object.entries(files)) {
  const match = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(file);
  if (!match?.[1] || !match[2]) continue;
  (RESOURCES[match[1]] ??= {})[match[2]] = catalogue;
}

export const NAMESPACES = [...new Set(Object.values(RESOURCES).flatMap((byNs) => Object.keys(byNs)))].sort();
