// The local server of nnc serve and nnc playground: files under its root with their types, routes,
// index.html for a folder, and nothing outside the root.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type Served } from '../../web/node/serve.js';
import { tempDir } from '../cli/helpers.js';

describe('serve', () => {
  let served: Served;
  let root: string;
  beforeAll(async () => {
    const dir = tempDir();
    root = join(dir, 'site');
    mkdirSync(join(root, 'model'), { recursive: true });
    writeFileSync(join(dir, 'secret.txt'), 'outside');
    writeFileSync(join(root, 'index.html'), '<p>home</p>');
    writeFileSync(join(root, 'model/nnc.js'), 'export {};');
    writeFileSync(join(root, 'model/index.html'), '<p>model</p>');
    served = await serve({ root, routes: new Map([['/session.json', { body: '{"a":1}', type: 'application/json' }]]) });
  });
  afterAll(() => served.close());

  const get = async (path: string) => {
    const r = await fetch(served.url + path.replace(/^\//, ''));
    return { status: r.status, type: r.headers.get('content-type'), body: await r.text() };
  };

  it('serves files with their types, a folder as its index.html, and routes', async () => {
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await get('/')).toEqual({ status: 200, type: 'text/html; charset=utf-8', body: '<p>home</p>' });
    expect(await get('/model/')).toMatchObject({ status: 200, body: '<p>model</p>' });
    expect(await get('/model/nnc.js')).toEqual({ status: 200, type: 'text/javascript; charset=utf-8', body: 'export {};' });
    expect(await get('/session.json')).toEqual({ status: 200, type: 'application/json', body: '{"a":1}' });
    expect((await get('/missing.js')).status).toBe(404);
  });

  it('serves nothing outside its root', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/model/..%2f..%2fsecret.txt', '/%00']) {
      const r = await fetch(`${served.url.replace(/\/$/, '')}${path}`);
      expect(r.status, path).toBe(404);
    }
  });
});
