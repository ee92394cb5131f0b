import { describe, expect, test } from '@jest/globals';
import { displayUrl, Redactor, urlSecrets } from '../../src/notify/redact.js';

describe('URLs fit for logs', () => {
  test.each([
    [
      'https://dev.example.com/v1.0/github-webhook-receive',
      'https://dev.example.com/v1.0/github-webhook-receive',
    ],
    ['https://dev.example.com/', 'https://dev.example.com/'],
    [
      'https://dev.example.com:8443/api/v1.0/github-webhook-receive',
      'https://dev.example.com:8443/***/v1.0/github-webhook-receive',
    ],
    ['https://hooks.example.com/hooks/Tk9xq7RZ2mYw', 'https://hooks.example.com/***/***'],
    ['https://hooks.example.com/deploy?key=Tk9xq7RZ2mYw&env=prod', 'https://hooks.example.com/***?***'],
    ['https://user:pa%20ss@127.0.0.1:7000/hook#frag', 'https://***@127.0.0.1:7000/***'],
    ['https://ghp_abcdefghij1234567890@example.com/', 'https://***@example.com/'],
  ])('%s -> %s', (url, shown) => {
    expect(displayUrl(url)).toBe(shown);
  });

  test('an unreadable URL keeps only what comes before its path', () => {
    expect(displayUrl('http://exa mple.com/hooks/Tk9xq7RZ2mYw')).toBe('http://exa mple.com/***');
    expect(displayUrl('host.example.com/hooks/Tk9xq7RZ2mYw?key=x')).toBe('host.example.com/***');
  });
});

describe('secrets a URL carries', () => {
  test('tokens in the path and the query, raw and decoded, and the user info', () => {
    const secrets = urlSecrets(
      'https://bot:pa%2Fss@hooks.example.com/services/T0123/B4567/XyZ%2Babcdefgh?key=Qk7vR2pLmN&sig=a1b2&env=production',
    );
    expect(secrets).toEqual(
      expect.arrayContaining(['pa%2Fss', 'pa/ss', 'XyZ%2Babcdefgh', 'XyZ+abcdefgh', 'Qk7vR2pLmN', 'a1b2']),
    );
    // Words that are plainly not secrets stay readable everywhere else in the log.
    for (const word of ['services', 'hooks', 'production', 'v1.0', 'github-webhook-receive', 'env', 'key'])
      expect(secrets).not.toContain(word);
  });

  test('the receive path and short words are no secrets', () => {
    expect(urlSecrets('https://dev.example.com/api/v1.0/github-webhook-receive')).toEqual([]);
  });

  test('a redactor given them masks an answer that quotes the URL', () => {
    const redactor = new Redactor();
    const url = 'https://hooks.example.com/hooks/Tk9xq7RZ2mYw?token=Qk7vR2pLmN';
    for (const s of urlSecrets(url)) redactor.add(s);
    expect(redactor.redact(`no hook at ${url}`)).toBe(
      'no hook at https://hooks.example.com/hooks/***?token=***',
    );
  });
});
