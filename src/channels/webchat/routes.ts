import { randomBytes } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import type restify from 'restify';
import type { PictureFolder } from '../cards/pictures.ts';
import { packageRoot } from '../../packageRoot.ts';

// Found from the package root, so the compiled start (dist/) serves the same files.
const PUBLIC = join(packageRoot, 'src/channels/webchat/public');

/** The Web Chat bundle shipped in node_modules (never a CDN). */
export function webChatBundlePath(): string {
  const entry = createRequire(import.meta.url).resolve('botframework-webchat');
  return join(dirname(entry), '..', 'dist', 'webchat.js');
}

/**
 * Security headers for the page: scripts only from this server, styles from this server or carrying
 * this response's nonce (Web Chat injects its styles with it), no framing, no plugins.
 */
export function pageHeaders(nonce: string, frameAncestors?: string): Record<string, string> {
  return {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      // The hash is of the empty string: Web Chat sets one empty inline style, harmless to allow.
      `style-src 'self' 'nonce-${nonce}' 'unsafe-hashes' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='`,
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      "connect-src 'self'",
      "media-src 'none'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      `frame-ancestors ${frameAncestors ?? "'none'"}`,
    ].join('; '),
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    // A portal that frames the page (WEBCHAT_FRAME_ANCESTORS) must be able to open it in a popup too.
    'cross-origin-opener-policy': frameAncestors ? 'same-origin-allow-popups' : 'same-origin',
    'cache-control': 'no-store',
  };
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};

/** Streams a file; resolves when the response is done (restify 12 wants the handler to end with the response). */
function sendFile(res: restify.Response, path: string, headers: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve) => {
    const stream = createReadStream(path);
    stream.once('open', () => {
      res.status(200);
      res.setHeader('content-type', TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream');
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      stream.pipe(res);
    });
    stream.once('error', () => {
      if (!res.headersSent) {
        res.status(404);
        res.setHeader('content-type', 'text/plain; charset=utf-8');
      }
      res.end('not found');
    });
    res.once('close', () => resolve());
    res.once('finish', () => resolve());
  });
}

/**
 * The local web chat: the page at `/`, its script and style, the service worker for Web Push, the
 * Web Chat bundle, and exercise pictures. `frameAncestors`: the portals allowed to frame the page.
 */
export function webChatPage(options: { frameAncestors?: string; pictures?: PictureFolder } = {}) {
  return (server: restify.Server) => registerWebChat(server, options);
}

function registerWebChat(server: restify.Server, options: { frameAncestors?: string; pictures?: PictureFolder }): void {
  const template = readFileSync(join(PUBLIC, 'index.html'), 'utf8');
  const bundle = webChatBundlePath();

  server.get('/', async (_req, res) => {
    const nonce = randomBytes(16).toString('base64');
    res.status(200);
    res.setHeader('content-type', 'text/html; charset=utf-8');
    for (const [name, value] of Object.entries(pageHeaders(nonce, options.frameAncestors))) res.setHeader(name, value);
    // The CSP's frame-ancestors names the portals; the older header would forbid them all.
    if (options.frameAncestors) res.removeHeader('x-frame-options');
    res.end(template.replaceAll('__NONCE__', nonce));
  });
  server.get('/webchat/webchat.js', async (_req, res) => sendFile(res, bundle, { 'cache-control': 'public, max-age=3600' }));
  server.get('/webchat/app.js', async (_req, res) => sendFile(res, join(PUBLIC, 'app.js'), { 'cache-control': 'no-cache' }));
  server.get('/webchat/app.css', async (_req, res) => sendFile(res, join(PUBLIC, 'app.css'), { 'cache-control': 'no-cache' }));
  // At the root, so it may show notifications for the whole page; it only shows and opens, it never caches.
  server.get('/sw.js', async (_req, res) => sendFile(res, join(PUBLIC, 'sw.js'), { 'cache-control': 'no-cache', 'service-worker-allowed': '/' }));

  server.get('/pictures/:file', async (req, res) => {
    const path = options.pictures?.path(String(req.params.file));
    if (!path) {
      res.status(404);
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end('not found');
      return;
    }
    // An SVG opened on its own may not run scripts.
    sendFile(res, path, { 'cache-control': 'public, max-age=3600', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox" });
  });
}
