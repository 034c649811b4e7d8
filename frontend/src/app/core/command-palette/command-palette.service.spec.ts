import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';

import { CommandPaletteService, isTextEntry } from './command-palette.service';

describe('CommandPaletteService', () => {
  let open: jest.Mock;
  let service: CommandPaletteService;

  beforeEach(() => {
    open = jest.fn(() => ({ afterClosed: () => ({ subscribe: () => undefined }) }));
    TestBed.configureTestingModule({ providers: [{ provide: MatDialog, useValue: { open } }] });
    service = TestBed.inject(CommandPaletteService);
  });

  const key = (init: KeyboardEventInit, target: EventTarget = document.body): KeyboardEvent => {
    const event = new KeyboardEvent('keydown', { cancelable: true, ...init });
    Object.defineProperty(event, 'target', { value: target });
    return event;
  };

  it('opens on Ctrl+K and Cmd+K anywhere, even in a text field', () => {
    const input = document.createElement('input');
    expect(service.handleGlobalKey(key({ key: 'k', ctrlKey: true }, input))).toBe(true);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('opens on "/" outside text fields only, and only once', () => {
    expect(service.handleGlobalKey(key({ key: '/' }, document.createElement('textarea')))).toBe(false);
    const event = key({ key: '/' }, document.createElement('button'));
    expect(service.handleGlobalKey(event)).toBe(true);
    expect(event.defaultPrevented).toBe(true);
    expect(service.handleGlobalKey(key({ key: 'k', metaKey: true }))).toBe(false);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('ignores other keys', () => {
    expect(service.handleGlobalKey(key({ key: 'k' }))).toBe(false);
    expect(service.handleGlobalKey(key({ key: 'k', ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(open).not.toHaveBeenCalled();
  });

  it('treats inputs, text areas, selects and editable content as text entry, checkboxes not', () => {
    const checkbox = document.createElement('input');
    checkbox.type = 'checkbox';
    const editable = document.createElement('div');
    editable.contentEditable = 'true';
    Object.defineProperty(editable, 'isContentEditable', { value: true });
    expect(isTextEntry(document.createElement('input'))).toBe(true);
    expect(isTextEntry(document.createElement('select'))).toBe(true);
    expect(isTextEntry(editable)).toBe(true);
    expect(isTextEntry(checkbox)).toBe(false);
    expect(isTextEntry(document.createElement('a'))).toBe(false);
  });
});
