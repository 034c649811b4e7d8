import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatDialogRef } from '@angular/material/dialog';
import { Router } from '@angular/router';
import { SEARCH_LIMITS, type SearchGroupDto, type SearchResponseDto } from '@depot/contracts';
import { catchError, debounceTime, distinctUntilChanged, map, of, startWith, switchMap } from 'rxjs';

import { IconComponent } from '../../shared/ui/icon/icon.component';
import { AuthService } from '../auth/auth.service';
import { PALETTE_COMMANDS, matchCommands } from './palette-commands';
import { SearchService } from './search.service';

/** Wait this long after the last keystroke before searching. */
export const SEARCH_DEBOUNCE_MS = 150;

/** One selectable row of the palette: a found record or a command. */
export interface PaletteEntry {
  /** DOM id of the option (for `aria-activedescendant`). */
  domId: string;
  title: string;
  subtitle: string | null;
  url: string;
}

interface PaletteSection {
  id: string;
  label: string;
  entries: PaletteEntry[];
}

const IDLE: SearchState = { status: 'idle' };

type SearchState =
  { status: 'idle' } | { status: 'loading' } | { status: 'done'; response: SearchResponseDto } | { status: 'error' };

/**
 * The command palette: one search box over records (GET /search) and commands ("New product",
 * "Go to low stock"), operated entirely from the keyboard. The input is a combobox controlling a
 * listbox of grouped options; arrows move the active option (`aria-activedescendant`), Enter
 * opens it, Escape closes the dialog.
 */
@Component({
  selector: 'app-command-palette',
  imports: [ReactiveFormsModule, IconComponent],
  templateUrl: './command-palette.component.html',
  styleUrl: './command-palette.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommandPaletteComponent {
  readonly #search = inject(SearchService);
  readonly #auth = inject(AuthService);
  readonly #router = inject(Router);
  readonly #dialogRef = inject<MatDialogRef<CommandPaletteComponent>>(MatDialogRef);
  private readonly listbox = viewChild<ElementRef<HTMLElement>>('listbox');

  protected readonly maxLength = SEARCH_LIMITS.queryMaxLength;
  protected readonly query = new FormControl('', { nonNullable: true });
  readonly #queryText = toSignal(this.query.valueChanges.pipe(map((value) => value.trim())), { initialValue: '' });

  readonly #searchState = toSignal(
    this.query.valueChanges.pipe(
      map((value) => value.trim()),
      debounceTime(SEARCH_DEBOUNCE_MS),
      distinctUntilChanged(),
      switchMap((q) =>
        q === ''
          ? of<SearchState>({ status: 'idle' })
          : this.#search.search(q).pipe(
              map((response): SearchState => ({ status: 'done', response })),
              catchError(() => of<SearchState>({ status: 'error' })),
              startWith<SearchState>({ status: 'loading' }),
            ),
      ),
      takeUntilDestroyed(),
    ),
    { initialValue: IDLE },
  );

  protected readonly loading = computed(() => this.#searchState().status === 'loading');
  protected readonly failed = computed(() => this.#searchState().status === 'error');

  protected readonly sections = computed<PaletteSection[]>(() => {
    const state = this.#searchState();
    const groups: readonly SearchGroupDto[] = state.status === 'done' ? state.response.groups : [];
    const sections: PaletteSection[] = groups.map((group) => ({
      id: `palette-group-${group.type}`,
      label: group.label,
      entries: group.items.map((item) => ({
        domId: `palette-${item.type}-${item.id}`,
        title: item.title,
        subtitle: item.subtitle,
        url: item.url,
      })),
    }));
    const commands = matchCommands(PALETTE_COMMANDS, this.#queryText(), this.#auth.permissions());
    if (commands.length > 0) {
      sections.push({
        id: 'palette-group-commands',
        label: 'Commands',
        entries: commands.map((command) => ({
          domId: `palette-command-${command.id}`,
          title: command.label,
          subtitle: null,
          url: command.path,
        })),
      });
    }
    return sections;
  });

  protected readonly entries = computed(() => this.sections().flatMap((section) => section.entries));
  readonly #activeIndex = signal(0);
  protected readonly activeId = computed(() => {
    const entries = this.entries();
    return entries.length === 0 ? null : (entries[Math.min(this.#activeIndex(), entries.length - 1)]?.domId ?? null);
  });

  protected readonly status = computed(() => {
    if (this.loading()) {
      return 'Searching…';
    }
    if (this.failed()) {
      return 'Search failed. Check the connection and try again.';
    }
    const count = this.entries().length;
    if (this.#queryText() !== '' && count === 0) {
      return 'Nothing found.';
    }
    return `${count} ${count === 1 ? 'result' : 'results'}`;
  });

  constructor() {
    // A new result list starts at its first option.
    this.query.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.#activeIndex.set(0));
  }

  protected onKeydown(event: KeyboardEvent): void {
    const count = this.entries().length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        this.#move(count === 0 ? 0 : (this.#current() + 1) % count);
        break;
      case 'ArrowUp':
        event.preventDefault();
        this.#move(count === 0 ? 0 : (this.#current() - 1 + count) % count);
        break;
      case 'Home':
        if (event.ctrlKey) {
          event.preventDefault();
          this.#move(0);
        }
        break;
      case 'End':
        if (event.ctrlKey) {
          event.preventDefault();
          this.#move(Math.max(0, count - 1));
        }
        break;
      case 'Enter': {
        event.preventDefault();
        const entry = this.entries()[this.#current()];
        if (entry) {
          this.open(entry);
        }
        break;
      }
    }
  }

  protected isActive(entry: PaletteEntry): boolean {
    return entry.domId === this.activeId();
  }

  protected hover(entry: PaletteEntry): void {
    this.#activeIndex.set(this.entries().indexOf(entry));
  }

  protected open(entry: PaletteEntry): void {
    this.#dialogRef.close();
    void this.#router.navigateByUrl(entry.url);
  }

  #current(): number {
    return Math.min(this.#activeIndex(), Math.max(0, this.entries().length - 1));
  }

  #move(index: number): void {
    this.#activeIndex.set(index);
    const id = this.entries()[index]?.domId;
    if (id) {
      // `scrollIntoView` is missing where there is no layout (tests).
      this.listbox()?.nativeElement.ownerDocument.getElementById(id)?.scrollIntoView?.({ block: 'nearest' });
    }
  }
}
