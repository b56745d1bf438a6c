#!/usr/bin/env node
// Serves preview/dist over HTTP, with no dependencies: `npm start` and the e2e tests share it.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_PORT } from './constants.mjs';
import { DIST } from './build.mjs';

const CONTENT_TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.mjs': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json; charset=utf-8',
    '.map': 'application/json; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.jpg': 'image/jpeg',
    '.gif': 'image/gif',
    '.ico': 'image/x-icon',
    '.woff': 'font/woff',
    '.woff2': 'font/woff2',
    '.txt': 'text/plain; charset=utf-8',
};

/**
 * The file under `root` that a URL path names, or null when the path escapes `root`
 * (`..`, encoded or not) or is malformed.
 */
export function resolveRequestPath(root, urlPath) {
    let decoded;
    try {
        decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
    } catch {
        return null;
    }
    if (decoded.includes('\0')) return null;
    const relativePath = normalize(decoded.replace(/\\/g, '/')).replace(/^([/\\])+/, '');
    const file = join(root, relativePath);
    if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
    return file;
}

function send(response, status, text) {
    response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(text);
}

/**
 * Starts the static server.
 * @param {number} port 0 picks a free port
 * @param {{ root?: string, host?: string }} options
 * @returns {Promise<{ server: import('node:http').Server, port: number, url: string, close: () => Promise<void> }>}
 */
export async function startServer(port = DEFAULT_PORT, { root = DIST, host = '127.0.0.1' } = {}) {
    const server = createServer(async (request, response) => {
        if (request.method !== 'GET' && request.method !== 'HEAD') {
            response.setHeader('Allow', 'GET, HEAD');
            send(response, 405, 'Method Not Allowed');
            return;
        }
        let file = resolveRequestPath(root, new URL(request.url ?? '/', 'http://localhost').pathname);
        if (!file) {
            send(response, 400, 'Bad Request');
            return;
        }
        try {
            let info = await stat(file);
            if (info.isDirectory()) {
                file = join(file, 'index.html');
                info = await stat(file);
            }
            // The preview is rebuilt often: the browser asks every time (no-cache) and keeps its copy
            // only while the file is the same (the ETag), with the code it compiled from it, as a
            // browser keeps Lightning's resources between two visits.
            const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
            const headers = {
                'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
                'Cache-Control': 'no-cache',
                ETag: etag,
                'X-Content-Type-Options': 'nosniff',
            };
            if (request.headers['if-none-match'] === etag) {
                response.writeHead(304, headers);
                response.end();
                return;
            }
            response.writeHead(200, { ...headers, 'Content-Length': info.size });
            if (request.method === 'HEAD') {
                response.end();
            } else {
                createReadStream(file).pipe(response);
            }
        } catch {
            send(response, 404, 'Not Found');
        }
    });
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, resolve);
    });
    const actualPort = server.address().port;
    return {
        server,
        port: actualPort,
        url: `http://localhost:${actualPort}/`,
        close: () => new Promise((resolve) => server.close(() => resolve())),
    };
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
    const port = process.env.PORT !== undefined ? Number(process.env.PORT) : DEFAULT_PORT;
    startServer(port, { host: process.env.HOST ?? '127.0.0.1' })
        .then(({ url }) => {
            console.log(`Contracts Community Setup preview (sample org) at ${url}`);
            console.log('Try ?as=rnoble (admin without a role) or ?as=jprice (no permission set). Ctrl+C stops.');
        })
        .catch((error) => {
            console.error(`Could not start the preview server: ${error.message}`);
            process.exit(1);
        });
}
