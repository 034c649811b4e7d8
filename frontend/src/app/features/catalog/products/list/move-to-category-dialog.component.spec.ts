import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';

import { settle } from '../../../../../testing/test-helpers';
import { type MoveTarget, openMoveToCategoryDialog } from './move-to-category-dialog.component';

jest.setTimeout(20_000);

describe('MoveToCategoryDialogComponent', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
  });

  afterEach(() => document.querySelector('.cdk-overlay-container')?.replaceChildren());

  const overlay = () => document.querySelector('.cdk-overlay-container') as HTMLElement;
  const button = (text: string) =>
    [...overlay().querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === text)!;

  it('answers "no category" (null) by default and undefined when cancelled', async () => {
    const dialog = TestBed.inject(MatDialog);
    const options = [{ id: 'c-1', label: 'Tools' }];
    let moved: MoveTarget = 'unset';
    openMoveToCategoryDialog(dialog, { count: 2, options }).subscribe((target) => (moved = target));
    await settle();
    expect(overlay().textContent).toContain('Move 2 products');
    button('Move').click();
    await settle();
    expect(moved).toBeNull();

    let cancelled: MoveTarget = 'unset';
    openMoveToCategoryDialog(dialog, { count: 1, options }).subscribe((target) => (cancelled = target));
    await settle();
    button('Cancel').click();
    await settle();
    expect(cancelled).toBeUndefined();
  });
});
