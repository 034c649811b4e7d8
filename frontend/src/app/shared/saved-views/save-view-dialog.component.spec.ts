import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';

import { SaveViewDialogComponent, type SaveViewDialogData } from './save-view-dialog.component';

describe('SaveViewDialogComponent', () => {
  function start(data: SaveViewDialogData) {
    const close = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close } },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    const fixture = TestBed.createComponent(SaveViewDialogComponent);
    fixture.detectChanges();
    return {
      fixture,
      close,
      http: TestBed.inject(HttpTestingController),
      element: fixture.nativeElement as HTMLElement,
    };
  }

  it('saves the current parameters under the name given, shared and as default when ticked', () => {
    const { fixture, close, http, element } = start({ mode: 'create', listKey: 'products', state: { q: 'red' } });
    const name = element.querySelector<HTMLInputElement>('input[formcontrolname="name"]')!;
    name.value = ' Red things ';
    name.dispatchEvent(new Event('input'));
    element.querySelectorAll<HTMLInputElement>('input[type="checkbox"]').forEach((box) => box.click());
    fixture.detectChanges();
    element.querySelector('form')!.dispatchEvent(new Event('submit'));
    const request = http.expectOne('/api/v1/saved-views');
    expect(request.request.body).toEqual({
      listKey: 'products',
      name: 'Red things',
      state: { q: 'red' },
      shared: true,
      isDefault: true,
    });
    request.flush({ id: 'v1', name: 'Red things' });
    expect(close).toHaveBeenCalledWith({ id: 'v1', name: 'Red things' });
  });

  it('does not send a view without a name', () => {
    const { fixture, http, element } = start({ mode: 'create', listKey: 'products', state: {} });
    element.querySelector('form')!.dispatchEvent(new Event('submit'));
    fixture.detectChanges();
    http.expectNone('/api/v1/saved-views');
    expect(element.textContent).toContain('Enter a name');
  });
});
