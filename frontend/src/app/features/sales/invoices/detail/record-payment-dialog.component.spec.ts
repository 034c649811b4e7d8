import { createRecordPaymentForm, toRecordPaymentRequest, today } from './record-payment-dialog.component';
import { invoice } from '../../testing/sales-fixtures';

describe('record payment form', () => {
  const unpaid = invoice({ balanceMinor: 61404 });

  it('starts with the whole balance, by bank transfer, paid today', () => {
    const form = createRecordPaymentForm(unpaid);
    expect(form.getRawValue()).toEqual({ amount: '614.04', method: 'bank_transfer', reference: '', paidOn: today() });
    expect(form.valid).toBe(true);
  });

  it('refuses an empty, zero, malformed or too large amount', () => {
    const amount = createRecordPaymentForm(unpaid).controls.amount;
    amount.setValue('');
    expect(amount.hasError('required')).toBe(true);
    amount.setValue('0');
    expect(amount.hasError('positive')).toBe(true);
    amount.setValue('12.345');
    expect(amount.hasError('money')).toBe(true);
    amount.setValue('614.05');
    expect(amount.hasError('aboveBalance')).toBe(true);
    amount.setValue('614.04');
    expect(amount.valid).toBe(true);
  });

  it('refuses a payment dated in the future and a reference that is too long', () => {
    const form = createRecordPaymentForm(unpaid);
    form.controls.paidOn.setValue('2999-01-01');
    expect(form.controls.paidOn.hasError('future')).toBe(true);
    form.controls.reference.setValue('x'.repeat(121));
    expect(form.controls.reference.hasError('maxlength')).toBe(true);
  });

  it('sends minor units; today is recorded at the current time, an earlier day at its start', () => {
    const form = createRecordPaymentForm(unpaid);
    form.patchValue({ amount: '100', method: 'card', reference: ' R-1 ' });
    const now = new Date(2026, 0, 10, 15, 30);
    form.controls.paidOn.setValue(today(now));
    expect(toRecordPaymentRequest(form, unpaid, now)).toEqual({
      amountMinor: 10000,
      method: 'card',
      reference: 'R-1',
      paidAt: now.toISOString(),
    });
    form.controls.paidOn.setValue('2026-01-05');
    expect(toRecordPaymentRequest(form, unpaid, now).paidAt).toBe(new Date(2026, 0, 5).toISOString());
  });
});
