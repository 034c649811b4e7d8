import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';

import { settle } from '../../../../testing/test-helpers';
import { SecretOnceComponent, withoutSecret } from './secret-once.component';

@Component({
  imports: [SecretOnceComponent],
  template: `
    <app-secret-once label="Signing secret" secret="whsec_abc" warning="Shown only this once." inputClass="key">
      <p class="usage">How to use it.</p>
    </app-secret-once>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class HostComponent {}

describe('SecretOnceComponent', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
  });

  async function render(): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(HostComponent);
    fixture.detectChanges();
    await settle();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows the warning, the secret in a labelled read-only field and the projected usage', async () => {
    const element = await render();

    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Shown only this once.');
    const input = element.querySelector<HTMLInputElement>('input.key');
    expect(input?.value).toBe('whsec_abc');
    expect(input?.readOnly).toBe(true);
    expect(element.querySelector('mat-label')?.textContent).toContain('Signing secret');
    expect(element.querySelector('.usage')?.textContent).toContain('How to use it.');
  });

  it('copies the secret and says so', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const element = await render();
    const button = element.querySelector<HTMLButtonElement>('button');

    button?.click();
    await settle();
    TestBed.tick();

    expect(writeText).toHaveBeenCalledWith('whsec_abc');
    expect(button?.textContent).toContain('Copied');
  });

  it('selects the whole secret when the field gets focus', async () => {
    const element = await render();
    const input = element.querySelector<HTMLInputElement>('input.key');
    const select = jest.spyOn(input as HTMLInputElement, 'select');

    input?.dispatchEvent(new FocusEvent('focus'));

    expect(select).toHaveBeenCalled();
  });
});

describe('withoutSecret', () => {
  it('drops the secret field and keeps the rest', () => {
    expect(withoutSecret({ id: 'k-1', name: 'Shop', key: 'dpk_secret' }, 'key')).toEqual({ id: 'k-1', name: 'Shop' });
  });
});
