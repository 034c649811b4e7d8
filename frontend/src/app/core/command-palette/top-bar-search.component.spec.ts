import { TestBed } from '@angular/core/testing';

import { CommandPaletteService } from './command-palette.service';
import { TopBarSearchComponent } from './top-bar-search.component';

describe('TopBarSearchComponent', () => {
  it('opens the palette when clicked and hands document key presses to it', () => {
    const palette = { open: jest.fn(), handleGlobalKey: jest.fn() };
    TestBed.configureTestingModule({ providers: [{ provide: CommandPaletteService, useValue: palette }] });
    const fixture = TestBed.createComponent(TopBarSearchComponent);
    fixture.detectChanges();
    (fixture.nativeElement as HTMLElement).querySelector('button')!.click();
    expect(palette.open).toHaveBeenCalled();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true }));
    expect(palette.handleGlobalKey).toHaveBeenCalledWith(expect.any(KeyboardEvent));
    fixture.destroy();
  });
});
