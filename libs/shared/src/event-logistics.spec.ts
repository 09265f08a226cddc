import { describe, expect, it } from 'vitest';
import {
  EVENT_MATERIAL_SOURCES,
  EVENT_MATERIAL_STATUSES,
  EVENT_STATUSES,
  EVENT_TRANSITIONS,
  canMoveEvent,
  eventMaterialActions,
  eventMaterialUnaccounted,
} from './event-logistics';

describe('event logistics (LOG-11)', () => {
  it('LOG-11 an event moves planning ⇄ ready → held → reconciled, and never back from held or reconciled', () => {
    const moves = EVENT_STATUSES.flatMap((from) => EVENT_STATUSES.filter((to) => canMoveEvent(from, to)).map((to) => `${from}→${to}`));
    expect(moves).toEqual(['planning→ready', 'ready→planning', 'ready→held', 'held→reconciled']);
    expect(EVENT_TRANSITIONS.reconciled).toEqual([]);
  });

  it('LOG-11 a stock line is confirmed while planned, issued once reserved and the event ready or held, and accounted for after the event', () => {
    expect(eventMaterialActions('stock', 'planned', 'planning')).toEqual(['confirm', 'remove']);
    expect(eventMaterialActions('stock', 'reserved', 'planning')).toEqual(['remove']);
    expect(eventMaterialActions('stock', 'reserved', 'ready')).toEqual(['issue', 'remove']);
    expect(eventMaterialActions('stock', 'reserved', 'held')).toEqual(['issue']);
    expect(eventMaterialActions('stock', 'issued', 'ready')).toEqual([]);
    expect(eventMaterialActions('stock', 'issued', 'held')).toEqual(['account']);
    expect(eventMaterialActions('stock', 'accounted', 'held')).toEqual([]);
  });

  it('LOG-11 rentals are accounted for after the event; purchases are plain lines; nothing moves once reconciled', () => {
    expect(eventMaterialActions('rent', 'planned', 'planning')).toEqual(['remove']);
    expect(eventMaterialActions('rent', 'planned', 'held')).toEqual(['account']);
    expect(eventMaterialActions('buy', 'planned', 'held')).toEqual([]);
    for (const source of EVENT_MATERIAL_SOURCES)
      for (const status of EVENT_MATERIAL_STATUSES) expect(eventMaterialActions(source, status, 'reconciled')).toEqual([]);
  });

  it('LOG-11 reconciliation waits for reserved or issued stock and for every rental, never for purchases or planned stock', () => {
    expect(eventMaterialUnaccounted('stock', 'planned')).toBe(false);
    expect(eventMaterialUnaccounted('stock', 'reserved')).toBe(true);
    expect(eventMaterialUnaccounted('stock', 'issued')).toBe(true);
    expect(eventMaterialUnaccounted('stock', 'accounted')).toBe(false);
    expect(eventMaterialUnaccounted('rent', 'planned')).toBe(true);
    expect(eventMaterialUnaccounted('rent', 'accounted')).toBe(false);
    expect(eventMaterialUnaccounted('buy', 'planned')).toBe(false);
  });
});
