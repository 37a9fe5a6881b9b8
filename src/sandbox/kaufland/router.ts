import type { SandboxResponse } from './http-io.ts';

export type Handler<C> = (ctx: C, params: Readonly<Record<string, string>>) => SandboxResponse;

interface Route<C> {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: Handler<C>;
}

export interface RouteMatch<C> {
  handler: Handler<C>;
  params: Record<string, string>;
}

/** Path templates in the spec's own `{name}` form, matched one segment per placeholder. */
export class Router<C> {
  private readonly routes: Route<C>[] = [];

  add(method: string, template: string, handler: Handler<C>): this {
    const names: string[] = [];
    const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    this.routes.push({ method, pattern: new RegExp(`^${source}$`), names, handler });
    return this;
  }

  /** Both `/units` and `/units/` name the same resource: Kaufland's own examples use either form. */
  match(method: string, path: string): RouteMatch<C> | undefined {
    const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const found = route.pattern.exec(normalized);
      if (!found) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, index) => {
        params[name] = safeDecode(found[index + 1] ?? '');
      });
      return { handler: route.handler, params };
    }
    return undefined;
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
