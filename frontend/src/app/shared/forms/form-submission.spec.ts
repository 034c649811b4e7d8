import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { type ProblemDetails } from '@depot/contracts';
import { Subject, of, throwError } from 'rxjs';

import { FormSubmission } from './form-submission';
import { serverError } from './server-errors';

function createForm() {
  return new FormGroup({
    code: new FormControl('BER-1', { nonNullable: true, validators: [Validators.required] }),
    name: new FormControl('Berlin', { nonNullable: true }),
  });
}

const problem = (extra: Partial<ProblemDetails>): ProblemDetails => ({
  type: 'about:blank',
  title: 'Conflict',
  status: 409,
  ...extra,
});

describe('FormSubmission', () => {
  it('sends a valid form, reports saving meanwhile and hands the result over', () => {
    const form = createForm();
    const submission = new FormSubmission(form);
    const answer = new Subject<string>();
    const done = jest.fn();

    expect(submission.submit(() => answer, done)).toBe(true);
    expect(submission.saving()).toBe(true);
    answer.next('saved');
    answer.complete();

    expect(submission.saving()).toBe(false);
    expect(done).toHaveBeenCalledWith('saved');
    expect(submission.error()).toBeNull();
  });

  it('sends nothing while a submission runs or the form is invalid, and shows the invalid fields', () => {
    const form = createForm();
    const submission = new FormSubmission(form);
    const request = jest.fn(() => new Subject<string>());
    submission.submit(request, jest.fn());
    expect(submission.submit(request, jest.fn())).toBe(false);
    expect(request).toHaveBeenCalledTimes(1);

    const invalid = createForm();
    invalid.controls.code.setValue('');
    const other = new FormSubmission(invalid);
    const send = jest.fn(() => of('x'));
    expect(other.submit(send, jest.fn())).toBe(false);
    expect(send).not.toHaveBeenCalled();
    expect(invalid.controls.code.touched).toBe(true);
  });

  it('shows a routed code on its control with the server detail, or the fallback message', () => {
    const form = createForm();
    const submission = new FormSubmission(form, {
      routes: () => ({ 'INVENTORY.WAREHOUSE_CODE_TAKEN': { control: form.controls.code, message: 'Code taken.' } }),
    });

    submission.submit(
      () => throwError(() => problem({ code: 'INVENTORY.WAREHOUSE_CODE_TAKEN', detail: 'BER-1 is taken.' })),
      jest.fn(),
    );
    expect(serverError(form.controls.code)).toBe('BER-1 is taken.');
    expect(submission.error()).toBeNull();
    expect(submission.saving()).toBe(false);

    submission.showProblem(problem({ code: 'INVENTORY.WAREHOUSE_CODE_TAKEN' }));
    expect(serverError(form.controls.code)).toBe('Code taken.');
  });

  it('hands a routed code to its handler', () => {
    const form = createForm();
    const handle = jest.fn();
    const submission = new FormSubmission(form, { routes: () => ({ 'REQUEST.VERSION_CONFLICT': { handle } }) });

    submission.showProblem(problem({ code: 'REQUEST.VERSION_CONFLICT' }));

    expect(handle).toHaveBeenCalledWith(expect.objectContaining({ code: 'REQUEST.VERSION_CONFLICT' }));
    expect(submission.error()).toBeNull();
  });

  it('puts 400 field errors on their fields and the rest in the form message', () => {
    const form = createForm();
    const submission = new FormSubmission(form);

    submission.showProblem(
      problem({
        status: 400,
        errors: [
          { field: 'name', message: 'name is too long' },
          { field: 'region', message: 'region is unknown' },
        ],
      }),
    );

    expect(serverError(form.controls.name)).toBe('name is too long');
    expect(submission.error()).toBe('region is unknown');
  });

  it('reads HTTP errors as problems and shows other problems in the form message, worded by the caller', () => {
    const form = createForm();
    const submission = new FormSubmission(form, { message: (p) => `Could not save: ${p.detail ?? p.title}` });

    submission.submit(
      () =>
        throwError(
          () =>
            new HttpErrorResponse({
              status: 422,
              error: { type: 'about:blank', title: 'Unprocessable', status: 422, detail: 'Not now.' },
            }),
        ),
      jest.fn(),
    );

    expect(submission.error()).toBe('Could not save: Not now.');
  });
});
