import { QueryFailedError } from 'typeorm';
import { isBookingRace } from './bookings.service';

const pgError = (code: string) => new QueryFailedError('INSERT INTO room_bookings …', [], Object.assign(new Error('pg'), { code }));

describe('booking races', () => {
  it('MTG-1 a lost race is a clash whether PostgreSQL reports an exclusion violation or a deadlock', () => {
    expect(isBookingRace(pgError('23P01'))).toBe(true);
    expect(isBookingRace(pgError('40P01'))).toBe(true);
  });

  it('MTG-1 other database errors are not mistaken for a clash', () => {
    expect(isBookingRace(pgError('23505'))).toBe(false);
    expect(isBookingRace(new Error('boom'))).toBe(false);
  });
});
