import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute } from './route.js';

const ID = '6f1c1a53-7d1a-4b59-9d57-0a8d1d7b3f10';

describe('routes', () => {
  it('names the content screens of every type from the hash', () => {
    expect(parseRoute('')).toEqual({ name: 'home' });
    expect(parseRoute('#/fiches')).toEqual({ name: 'list', segment: 'fiches' });
    expect(parseRoute('#/events/new')).toEqual({ name: 'new', segment: 'events' });
    expect(parseRoute(`#/advertiser-contacts/${ID.toUpperCase()}`)).toEqual({ name: 'edit', segment: 'advertiser-contacts', id: ID });
    expect(parseRoute(`#/articles/${ID}/history`)).toEqual({ name: 'history', segment: 'articles', id: ID });
  });

  it('names the other screens, with their parameters', () => {
    expect(parseRoute('#/review')).toEqual({ name: 'review' });
    expect(parseRoute('#/media')).toEqual({ name: 'media' });
    expect(parseRoute('#/users')).toEqual({ name: 'users' });
    expect(parseRoute('#/webhooks')).toEqual({ name: 'webhooks' });
    expect(parseRoute(`#/webhooks/${ID.toUpperCase()}`)).toEqual({ name: 'webhooks', id: ID });
    expect(parseRoute(`#/audit?item=${ID}`)).toEqual({ name: 'audit', item: ID });
    expect(parseRoute('#/audit?item=nimportequoi')).toEqual({ name: 'audit' });
    expect(parseRoute('#/password-reset?token=abc.def')).toEqual({ name: 'password-reset', token: 'abc.def' });
  });

  it('says "not found" for anything else rather than showing another screen', () => {
    for (const hash of ['#/archives', '#/articles/not-an-id', '#/articles/new/history', '#/users/12', '#/webhooks/12', '#/webhooks/new']) {
      expect(parseRoute(hash).name, hash).toBe('not-found');
    }
  });

  it('makes the links the parser reads back', () => {
    expect(parseRoute(hrefOf.history('events', ID))).toEqual({ name: 'history', segment: 'events', id: ID });
    expect(parseRoute(hrefOf.audit(ID))).toEqual({ name: 'audit', item: ID });
    expect(parseRoute(hrefOf.webhooks(ID))).toEqual({ name: 'webhooks', id: ID });
    expect(parseRoute(hrefOf.webhooks())).toEqual({ name: 'webhooks' });
  });
});
