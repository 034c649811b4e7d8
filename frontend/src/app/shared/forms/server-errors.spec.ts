import { FormControl, FormGroup, Validators } from '@angular/forms';

import { applyServerErrors, serverError, setServerError } from './server-errors';

function createForm() {
  return new FormGroup({
    sku: new FormControl('ABC', { nonNullable: true, validators: [Validators.required] }),
    name: new FormControl('Widget', { nonNullable: true }),
    price: new FormControl('1.00', { nonNullable: true }),
  });
}

describe('applyServerErrors', () => {
  it('puts each field error on its control and marks it touched', () => {
    const form = createForm();

    const unmatched = applyServerErrors(form, {
      errors: [
        { field: 'sku', message: 'SKU must not contain spaces.' },
        { field: 'name', message: 'Name is too long.' },
      ],
    });

    expect(unmatched).toEqual([]);
    expect(serverError(form.controls.sku)).toBe('SKU must not contain spaces.');
    expect(serverError(form.controls.name)).toBe('Name is too long.');
    expect(form.controls.sku.touched).toBe(true);
    expect(form.controls.price.valid).toBe(true);
    expect(form.invalid).toBe(true);
  });

  it('renames API fields to control names', () => {
    const form = createForm();

    applyServerErrors(form, { errors: [{ field: 'priceMinor', message: 'Too large.' }] }, { priceMinor: 'price' });

    expect(serverError(form.controls.price)).toBe('Too large.');
  });

  it('shows the reason alone of a message that labels its field, and words for the field of one that starts with it', () => {
    const form = createForm();

    applyServerErrors(
      form,
      {
        errors: [
          { field: 'sku', message: 'sku: not a valid stock keeping unit (letters and digits)' },
          { field: 'name', message: 'name must be shorter than or equal to 200 characters' },
        ],
      },
      {},
      { sku: 'The SKU', name: 'The name' },
    );

    expect(serverError(form.controls.sku)).toBe('Not a valid stock keeping unit (letters and digits)');
    expect(serverError(form.controls.name)).toBe('The name must be shorter than or equal to 200 characters');
  });

  it('joins several messages for one field', () => {
    const form = createForm();

    applyServerErrors(form, {
      errors: [
        { field: 'sku', message: 'Too long.' },
        { field: 'sku', message: 'Invalid characters.' },
      ],
    });

    expect(serverError(form.controls.sku)).toBe('Too long. Invalid characters.');
  });

  it('returns the errors that match no control', () => {
    const form = createForm();

    const unmatched = applyServerErrors(form, {
      errors: [
        { field: 'sku', message: 'Bad.' },
        { field: 'warehouseId', message: 'Unknown warehouse.' },
      ],
    });

    expect(unmatched).toEqual([{ field: 'warehouseId', message: 'Unknown warehouse.' }]);
  });

  it('clears the server message once the user edits the field', () => {
    const form = createForm();
    applyServerErrors(form, { errors: [{ field: 'sku', message: 'Taken.' }] });

    form.controls.sku.setValue('ABD');

    expect(serverError(form.controls.sku)).toBeNull();
    expect(form.controls.sku.valid).toBe(true);
  });

  it('keeps client-side errors next to the server message', () => {
    const form = createForm();
    form.controls.sku.setValue('');

    setServerError(form.controls.sku, 'Required by the server too.');

    expect(form.controls.sku.hasError('required')).toBe(true);
    expect(serverError(form.controls.sku)).toBe('Required by the server too.');
  });

  it('words a message that starts with the API field name for people', () => {
    const form = createForm();
    applyServerErrors(
      form,
      {
        errors: [
          { field: 'sku', message: 'sku is one of the most common values: choose another' },
          { field: 'name', message: 'name is too long' },
        ],
      },
      {},
      { sku: 'This SKU' },
    );

    expect(serverError(form.controls.sku)).toBe('This SKU is one of the most common values: choose another');
    expect(serverError(form.controls.name)).toBe('name is too long');
  });
});
