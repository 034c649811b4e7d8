import { TestBed } from '@angular/core/testing';

import { TableIconComponent } from './table-icon.component';

describe('TableIconComponent', () => {
  it('draws the named icon, hidden from screen readers', async () => {
    const fixture = TestBed.createComponent(TableIconComponent);
    fixture.componentRef.setInput('name', 'columns');
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    expect(host.getAttribute('aria-hidden')).toBe('true');
    expect(host.querySelector('path')?.getAttribute('d')).toMatch(/^M14\.67/);
  });
});
