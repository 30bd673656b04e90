import { expect } from '@open-wc/testing';
import { CapacityError, type CapacityErrorCode } from '../../src/core/errors.js';

/**
 * The CapacityError that `run` throws, with `code` and a message; fails the test if it throws nothing or anything else.
 */
export function thrownError(run: () => unknown, code: CapacityErrorCode): CapacityError {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, `expected a CapacityError ${code}`).to.be.instanceOf(CapacityError);
  const error = thrown as CapacityError;
  expect(error.code).to.equal(code);
  expect(error.message).to.be.a('string').and.not.equal('');
  return error;
}
