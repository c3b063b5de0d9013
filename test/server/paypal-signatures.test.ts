/** PayPal webhook signatures: the CRC-32 they sign and the certificate URLs accepted. */
import assert from 'node:assert/strict';
import {crc32 as zlibCrc32} from 'node:zlib';
import {describe, it} from 'node:test';
import {crc32} from '../../server/crc32.js';
import {checkCertUrl} from '../../server/providers/paypal/signature.js';

describe('PayPal webhook signatures', () => {
  it('use the unsigned CRC-32 of the raw bytes, as zlib computes it', () => {
    for (const text of [
      '',
      'hello',
      '{"id":"WH-1"}',
      'café ✓',
      'x'.repeat(10_000),
    ]) {
      const bytes = new TextEncoder().encode(text);
      assert.equal(crc32(bytes), zlibCrc32(bytes), text.slice(0, 20));
    }
    assert.equal(crc32(new TextEncoder().encode('hello')), 907060870);
    assert.equal(
      crc32(new TextEncoder().encode('a')),
      3904355907,
      'above 2^31, still positive'
    );
  });

  describe('certificate URLs', () => {
    const path = '/v1/notifications/certs/CERT-360caa42-fca2a594-a5cafa77';
    it('accepts PayPal’s API hosts for the environment, on the certificate path only', () => {
      for (const host of [
        'api.sandbox.paypal.com',
        'api-m.sandbox.paypal.com',
      ]) {
        assert.equal(
          checkCertUrl(`https://${host}${path}`, 'sandbox').hostname,
          host
        );
      }
      for (const host of ['api.paypal.com', 'api-m.paypal.com']) {
        assert.equal(
          checkCertUrl(`https://${host}${path}`, 'live').hostname,
          host
        );
      }
      assert.ok(
        checkCertUrl(
          `http://127.0.0.1:8123${path}`,
          'sandbox',
          'http://127.0.0.1:8123'
        )
      );
    });

    it('refuses every other URL', () => {
      for (const url of [
        `http://api.sandbox.paypal.com${path}`,
        `https://evil.example${path}`,
        `https://api.sandbox.paypal.com.evil.example${path}`,
        `https://api.sandbox.paypal.com@evil.example${path}`,
        `https://evil.example@api.sandbox.paypal.com${path}`,
        `https://user:pass@api.sandbox.paypal.com${path}`,
        `https://api.sandbox.paypal.com\\@evil.example${path}`,
        `https://api.sandbox.paypal.com.${path}`,
        `https://api.sandbox.paypal.com:8443${path}`,
        `https://api.sandbox.paypal.com:443${path}`,
        `https://API.SANDBOX.PAYPAL.COM${path}`,
        `https://api.paypal.com${path}`, // a live host for a sandbox server
        `https://api.sandbox.paypal.com/v1/oauth2/token`,
        `https://api.sandbox.paypal.com/v1/notifications/certs/`,
        `https://api.sandbox.paypal.com/v1/notifications/certs/../../oauth2/token`,
        `https://api.sandbox.paypal.com/v1/notifications/certs/%2e%2e/x`,
        `https://api.sandbox.paypal.com/v1/notifications/certs/a/b`,
        `https://api.sandbox.paypal.com${path}?x=1`,
        `https://api.sandbox.paypal.com${path}?`,
        `https://api.sandbox.paypal.com${path}#x`,
        `http://127.0.0.1:8123${path}`, // loopback, but not the configured emulator
        `http://127.0.0.1:8124${path}`,
        'not a url',
        `file:///etc/passwd`,
      ]) {
        const allowed = url.startsWith('http://127.0.0.1:8124')
          ? 'http://127.0.0.1:8123'
          : undefined;
        assert.throws(
          () => checkCertUrl(url, 'sandbox', allowed),
          {code: 'invalid_signature'},
          url
        );
      }
    });
  });
});
