import { describe, expect, it } from 'vitest';
import { toContentState } from './kaufland.product-content.ts';
import type { ProductDataStatus } from './resources/product-data.ts';

const base: ProductDataStatus = {
  product_ready: false,
  update_status: 'PENDING',
  id_product: null,
  product_not_ready_reason: 'NOT_YET_PROCESSED',
  update_fail_reason: null,
  attribute_values: [],
  missing_attributes: [],
  min_one_missing_attributes: [],
};

describe('Kaufland product data status as the port’s state', () => {
  it('nothing sent, still checking, live', () => {
    expect(toContentState(undefined)).toEqual({ state: 'none' });
    expect(toContentState(base)).toEqual({ state: 'processing' });
    expect(toContentState({ ...base, update_status: 'IN_PROGRESS' })).toEqual({ state: 'processing' });
    expect(
      toContentState({
        ...base,
        update_status: 'SUCCESS',
        product_ready: true,
        id_product: 77,
        product_not_ready_reason: null,
      }),
    ).toEqual({ state: 'live', productId: '77' });
  });

  it('a refusal lists missing attributes and declined values in Kaufland’s words', () => {
    const refused = toContentState({
      ...base,
      update_status: 'FAIL',
      product_not_ready_reason: 'MISSING_ATTRIBUTES',
      update_fail_reason: 'NOT_ENOUGH_DATA',
      missing_attributes: ['description'],
      min_one_missing_attributes: ['ean'],
      attribute_values: [
        { attribute: 'picture', original_value: 'https://x/1.jpg', state: 'DECLINED', message: 'too small' },
        { attribute: 'title', original_value: 'Mug', state: 'ACCEPTED', message: '' },
      ],
    });
    expect(refused).toEqual({
      state: 'refused',
      refusals: [
        { attribute: 'description', value: null, reason: 'missing' },
        { attribute: 'ean', value: null, reason: 'at least one of these is needed' },
        { attribute: 'picture', value: 'https://x/1.jpg', reason: 'too small' },
      ],
    });
  });

  it('a refusal without details says Kaufland’s reason code in words', () => {
    expect(
      toContentState({
        ...base,
        update_status: 'FAIL',
        product_not_ready_reason: 'BLACKLISTED',
        update_fail_reason: null,
      }),
    ).toEqual({
      state: 'refused',
      refusals: [{ attribute: null, value: null, reason: 'the product is blacklisted on Kaufland' }],
    });
    expect(toContentState({ ...base, update_status: 'ABORTED', product_not_ready_reason: null })).toEqual({
      state: 'refused',
      refusals: [
        { attribute: null, value: null, reason: 'Kaufland refused the product data without giving a reason' },
      ],
    });
  });
});
