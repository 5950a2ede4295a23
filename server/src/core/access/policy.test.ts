import { describe, expect, it } from 'vitest';
import type { Permission } from '@rg/domain/access/roles';
import { AppError } from '../http/errors.ts';
import type { Actor } from './actor.ts';
import { DeniedError } from './authorize.ts';
import { abilitiesOf, allOf, enforce, holds, inRegion, statusIn, type Policy } from './policy.ts';

const actor = (homeRegion: string, permissions: Permission[]): Actor => ({
  userId: 'u1',
  username: 'u1',
  displayName: '测试',
  roles: ['official'],
  homeRegion,
  scope: homeRegion,
  permissions: new Set(permissions),
  mustChangePassword: false,
});

/** A policy built from the primitives the way a module writes one: region, then permission, then status. */
const notePolicy: Policy<'read' | 'close', { regionCode: string; status: 'open' | 'closed' }> = (who, action, row) =>
  allOf(
    inRegion(who, row),
    holds(who, action === 'read' ? 'legal.read' : 'legal.manage'),
    ...(action === 'close' ? [statusIn(row.status, ['open'], 'legal.service.accepted')] : []),
  );

describe('core policy primitives', () => {
  const town = actor('610423104', ['legal.read', 'legal.manage']);
  const reader = actor('610423104', ['legal.read']);

  it('answers the first denial in order: 404 outside the region before 403 before 409', () => {
    const elsewhere = { regionCode: '610423113203', status: 'closed' as const };
    expect(notePolicy(reader, 'close', elsewhere)).toMatchObject({ ok: false, status: 'not_found' });
    expect(notePolicy(reader, 'close', { ...elsewhere, regionCode: '610423104209' })).toMatchObject({
      ok: false,
      status: 'forbidden',
      permission: 'legal.manage',
    });
    expect(notePolicy(town, 'close', { ...elsewhere, regionCode: '610423104209' })).toMatchObject({ ok: false, status: 'conflict' });
    expect(notePolicy(town, 'close', { regionCode: '610423104209', status: 'open' })).toEqual({ ok: true });
  });

  it('enforce throws the audited DeniedError for 404 and 403, a plain conflict for 409, 401 without an actor', () => {
    const row = { regionCode: '610423104209', status: 'closed' as const };
    const thrown = (fn: () => unknown): unknown => {
      try {
        fn();
      } catch (err) {
        return err;
      }
      return null;
    };
    const denied = thrown(() => enforce(notePolicy, reader, 'close', row));
    expect(denied).toBeInstanceOf(DeniedError);
    expect(denied).toMatchObject({ code: 'forbidden', permission: 'legal.manage', targetRegion: '610423104209' });
    const conflict = thrown(() => enforce(notePolicy, town, 'close', row));
    expect(conflict).toBeInstanceOf(AppError);
    expect(conflict).not.toBeInstanceOf(DeniedError);
    expect(conflict).toMatchObject({ code: 'conflict', messageKey: 'legal.service.accepted' });
    expect(thrown(() => enforce(notePolicy, null, 'read', row))).toMatchObject({ code: 'unauthenticated' });
    expect(enforce(notePolicy, reader, 'read', row)).toBe(reader);
  });

  it('abilitiesOf answers every asked action from the same policy', () => {
    const row = { regionCode: '610423104209', status: 'open' as const };
    expect(abilitiesOf(notePolicy, reader, row, ['read', 'close'])).toEqual({ read: true, close: false });
    expect(abilitiesOf(notePolicy, town, row, ['read', 'close'])).toEqual({ read: true, close: true });
  });
});
