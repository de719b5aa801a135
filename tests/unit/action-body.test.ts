import { describe, expect, it } from 'vitest';
import { malformedActionRefusal, malformedTextActionBody } from '@/lib/http/action-body';

const action = (body: BodyInit, contentType?: string) =>
  new Request('http://localhost/orgs/x', { method: 'POST', body, headers: { 'next-action': 'abc', ...(contentType ? { 'content-type': contentType } : {}) } });

describe('server action bodies', () => {
  it('accepts what React encodes in one part: arrays of JSON values and self-contained markers', () => {
    for (const body of ['[]', '["fr"]', '["id-1",{"a":[1,2,"x"]}]', '["$$dollar","$undefined","$NaN","$Infinity","$-Infinity","$-0","$D2026-01-01T00:00:00.000Z","$n12345"]']) {
      expect(malformedTextActionBody(body), body).toBe(false);
    }
  });

  it('refuses what a browser never sends in one part', () => {
    for (const body of ['garbage', '', '{"a":1}', '"x"', '42', '["$Q1"]', '["$1"]', '["$@2"]', '[{"k":"$K3"}]', '["$nnot-a-number"]', '["$h1"]', '[["$W1"]]']) {
      expect(malformedTextActionBody(body), body).toBe(true);
    }
  });

  it('answers a malformed body with a 400 and lets the rest through', async () => {
    const refused = await malformedActionRefusal(action('["$Q1"]', 'text/plain;charset=UTF-8'));
    expect(refused?.status).toBe(400);
    expect(await refused?.text()).toContain('Malformed server action request');
    expect(await malformedActionRefusal(action('["fr"]', 'text/plain;charset=UTF-8'))).toBeNull();
    const form = new FormData();
    form.set('0', '["$K1"]');
    form.set('1_password', 'x');
    expect(await malformedActionRefusal(action(form))).toBeNull();
    const broken = new FormData();
    broken.set('0', 'not json');
    expect((await malformedActionRefusal(action(broken)))?.status).toBe(400);
    expect((await malformedActionRefusal(action('--nope\r\n', 'multipart/form-data; boundary=nope')))?.status).toBe(400);
    // Not an action, or not a POST: not looked at.
    expect(await malformedActionRefusal(new Request('http://localhost/x', { method: 'POST', body: 'garbage' }))).toBeNull();
  });
});
