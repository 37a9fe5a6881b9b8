import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Requests no route matched. The web app routes on the client, so a GET for a page path gets index.html;
 * anything that looks like the API or /metrics in any spelling (`/%61pi/x`, `//api`, `/x/../api`, `/API`)
 * gets a JSON 404 instead, as does every other method. Nothing here reads data, so it needs no session.
 */
export function spaFallback(uiBuilt: () => boolean) {
  return (request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    const path = request.url.split('?')[0] ?? '';
    const page = (request.method === 'GET' || request.method === 'HEAD') && !looksLikeApi(path);
    if (!page || !uiBuilt()) {
      return reply.status(404).send({
        error: { code: 'not_found', message: `No route ${request.method} ${clip(request.url)}.` },
      });
    }
    return reply.type('text/html').sendFile('index.html');
  };
}

/** The path as a lenient server might read it: decoded (repeatedly), slashes collapsed, dot segments resolved. */
export function looksLikeApi(rawPath: string): boolean {
  let path = rawPath;
  for (let i = 0; i < 3; i++) {
    try {
      const decoded = decodeURIComponent(path);
      if (decoded === path) break;
      path = decoded;
    } catch {
      break;
    }
  }
  const segments: string[] = [];
  for (const segment of path.toLowerCase().replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  // Only the leading word counts: `api;x`, `api?`, `metrics\u0000`, `api.json` are the API too.
  const first = /^[a-z0-9_-]*/.exec(segments[0] ?? '')?.[0];
  return first === 'api' || first === 'metrics';
}

/** A 404 message quotes at most 200 characters of the URL. */
function clip(url: string): string {
  return url.length > 200 ? `${url.slice(0, 200)}…` : url;
}
