import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { type AbstractControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  COMPANY_LIMITS,
  COMPANY_SETTINGS_ID,
  ErrorCode,
  LANGUAGES,
  Permission,
  type CompanySettingsDto,
  type ProblemDetails,
} from '@depot/contracts';
import { map } from 'rxjs';

import { AuthService } from '../../../core/auth/auth.service';
import { CompanySettingsService } from '../../../shared/company/company-settings.service';
import { missingFieldWords } from '../../../shared/company/missing-fields';
import { DateTimePipe } from '../../../shared/format/date-time.pipe';
import { applyServerErrors } from '../../../shared/forms/server-errors';
import { RecordHistoryComponent } from '../../../shared/history/record-history.component';
import { HttpStatus } from '../../../shared/http/http-status';
import { problemMessage, toProblemDetails } from '../../../shared/http/problem-details';
import { openConfirmDialog } from '../../../shared/ui/confirm-dialog/confirm-dialog.component';
import { IconComponent } from '../../../shared/ui/icon/icon.component';
import { PageHeaderComponent } from '../../../shared/ui/page-header/page-header.component';
import {
  DOCUMENT_TYPES,
  DOCUMENT_TYPE_LABELS,
  FIELD_SUBJECTS,
  LANGUAGE_LABELS,
  countryOptions,
  createCompanySettingsForm,
  currencyOptions,
  exampleNumber,
  fieldError,
  formValueOf,
  formatSize,
  logoFileProblem,
  sameFormValue,
  toUpdateRequest,
} from './company-settings-form';

export const COMPANY_CONFLICT_MESSAGE =
  'Someone else changed the company settings while you had this page open, so your changes were not saved.';

const PAYLOAD_TOO_LARGE = 413;
const UNSUPPORTED_MEDIA_TYPE = 415;

/**
 * The company settings (`/admin/settings`): who issues Depot's invoices (name, address, tax and
 * bank details), how documents are numbered and worded, and the logo printed on them. Says what
 * invoices still need while the details are incomplete. Saving uses optimistic locking; the logo
 * is uploaded on its own, as soon as it is chosen.
 */
@Component({
  selector: 'app-company-settings',
  imports: [
    PageHeaderComponent,
    ReactiveFormsModule,
    DateTimePipe,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatProgressBar,
    IconComponent,
    RecordHistoryComponent,
  ],
  templateUrl: './company-settings.component.html',
  styleUrl: './company-settings.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CompanySettingsComponent {
  readonly #service = inject(CompanySettingsService);
  readonly #snackBar = inject(MatSnackBar);
  readonly #dialog = inject(MatDialog);
  readonly #auth = inject(AuthService);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly #injector = inject(Injector);

  protected readonly form = createCompanySettingsForm();
  protected readonly settings = signal<CompanySettingsDto | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadProblem = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly conflict = signal(false);
  protected readonly conflictMessage = COMPANY_CONFLICT_MESSAGE;
  protected readonly formError = signal<string | null>(null);
  protected readonly logoBusy = signal(false);
  protected readonly logoError = signal<string | null>(null);

  protected readonly limits = COMPANY_LIMITS;
  protected readonly logoTypes = COMPANY_LIMITS.logoTypes.join(',');
  protected readonly logoMaxSize = formatSize(COMPANY_LIMITS.logoMaxBytes);
  protected readonly countries = countryOptions();
  protected readonly currencies = currencyOptions();
  protected readonly languages = LANGUAGES.map((code) => ({ code, label: LANGUAGE_LABELS[code] }));
  protected readonly documentTypes = DOCUMENT_TYPES.map((type) => ({ type, label: DOCUMENT_TYPE_LABELS[type] }));
  protected readonly companySettingsId = COMPANY_SETTINGS_ID;
  protected readonly canReadAudit = computed(() => this.#auth.permissions().has(Permission.AuditRead));

  /** What invoices still need, in words ("legal name", "IBAN"), from the stored settings. */
  protected readonly missing = computed(() => {
    const settings = this.settings();
    return settings && !settings.complete ? settings.missing.map(missingFieldWords) : [];
  });
  readonly #prefixes = toSignal(this.form.controls.numberPrefixes.valueChanges.pipe(map(() => this.#prefixValue())), {
    initialValue: this.#prefixValue(),
  });
  /** "INV-2026-000001" per document type, for the prefixes that are valid. */
  protected readonly examples = computed(() => {
    const prefixes = this.#prefixes();
    return Object.fromEntries(
      this.documentTypes.map(({ type }) => [
        type,
        this.form.controls.numberPrefixes.controls[type].valid ? exampleNumber(prefixes[type]) : null,
      ]),
    );
  });
  protected readonly footerLength = toSignal(
    this.form.controls.invoiceFooter.valueChanges.pipe(map((value) => value.length)),
    { initialValue: 0 },
  );

  constructor() {
    this.#load();
  }

  protected error(control: AbstractControl, label: string): string {
    return fieldError(control, label);
  }

  protected save(): void {
    const settings = this.settings();
    if (!settings || this.saving()) {
      return;
    }
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.formError.set('Please correct the highlighted fields.');
      this.#focusFirstInvalid();
      return;
    }
    this.saving.set(true);
    this.#service.update(toUpdateRequest(this.form.getRawValue(), settings.version)).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.#show(saved);
        this.#snackBar.open(
          saved.complete
            ? 'Saved the company settings.'
            : 'Saved the company settings. Invoices still need the details listed at the top.',
          'Dismiss',
          { duration: 5000 },
        );
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.#saveFailed(toProblemDetails(error));
      },
    });
  }

  /** Back to the stored settings, dropping the edits. */
  protected discard(): void {
    const settings = this.settings();
    if (settings) {
      this.#show(settings);
    }
  }

  protected retry(): void {
    this.#load();
  }

  protected reload(): void {
    if (this.loading()) {
      return;
    }
    this.#load(() => this.#snackBar.open('Loaded the current company settings.', 'Dismiss', { duration: 4000 }));
  }

  protected logoChosen(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    // Choosing the same file again must fire another change event.
    input.value = '';
    if (!file || this.logoBusy()) {
      return;
    }
    const problem = logoFileProblem(file);
    this.logoError.set(problem);
    if (problem) {
      return;
    }
    this.logoBusy.set(true);
    this.#service.uploadLogo(file).subscribe({
      next: (saved) => {
        this.#logoChanged(saved);
        this.#snackBar.open('Uploaded the new logo.', 'Dismiss', { duration: 4000 });
      },
      error: (error: unknown) => this.#logoFailed(toProblemDetails(error)),
    });
  }

  protected removeLogo(): void {
    if (this.logoBusy()) {
      return;
    }
    openConfirmDialog(this.#dialog, {
      title: 'Remove the logo?',
      message: 'Invoices and credit notes are printed without a logo until you upload a new one.',
      confirmLabel: 'Remove logo',
      cancelLabel: 'Keep logo',
    }).subscribe((confirmed) => {
      if (!confirmed) {
        return;
      }
      this.logoBusy.set(true);
      this.logoError.set(null);
      this.#service.removeLogo().subscribe({
        next: (saved) => {
          this.#logoChanged(saved);
          this.#snackBar.open('Removed the logo.', 'Dismiss', { duration: 4000 });
        },
        error: (error: unknown) => this.#logoFailed(toProblemDetails(error)),
      });
    });
  }

  #load(done?: () => void): void {
    this.loading.set(true);
    this.loadProblem.set(null);
    this.#service.get().subscribe({
      next: (settings) => {
        this.loading.set(false);
        this.#show(settings);
        this.conflict.set(false);
        done?.();
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.loadProblem.set(problemMessage(toProblemDetails(error)));
      },
    });
  }

  /** Shows stored settings: the form takes their values and starts clean. */
  #show(settings: CompanySettingsDto): void {
    this.settings.set(settings);
    this.formError.set(null);
    this.form.reset(formValueOf(settings));
  }

  /**
   * A logo change answers with the whole settings at a new version. Edits in the form stay; they
   * are saved against the new version only when nobody else changed a field meanwhile (otherwise
   * the save meets the conflict it should).
   */
  #logoChanged(saved: CompanySettingsDto): void {
    this.logoBusy.set(false);
    this.logoError.set(null);
    const before = this.settings();
    if (this.form.pristine || !before) {
      this.#show(saved);
    } else if (sameFormValue(before, saved)) {
      this.settings.set(saved);
    } else {
      this.settings.set({ ...saved, version: before.version });
    }
  }

  #logoFailed(problem: ProblemDetails): void {
    this.logoBusy.set(false);
    if (problem.status === UNSUPPORTED_MEDIA_TYPE) {
      this.logoError.set(
        'The logo must be a PNG or JPEG image. Save it in one of these formats, then upload it again.',
      );
    } else if (problem.status === PAYLOAD_TOO_LARGE) {
      this.logoError.set(`This image is too large: the logo may be at most ${this.logoMaxSize}.`);
    } else if (problem.status === HttpStatus.BadRequest) {
      this.logoError.set(
        `This file could not be read as a PNG or JPEG image (${problemMessage(problem)}). Choose another file.`,
      );
    } else {
      this.logoError.set(`The logo was not changed: ${problemMessage(problem)}`);
    }
  }

  #saveFailed(problem: ProblemDetails): void {
    if (
      problem.code === ErrorCode.VersionConflict ||
      problem.code === ErrorCode.PreconditionFailed ||
      (problem.status === HttpStatus.Conflict && !problem.errors?.length)
    ) {
      this.conflict.set(true);
      return;
    }
    if (problem.errors?.length) {
      // A message that does not start with its field's name is a sentence of its own: capitalise it.
      const errors = problem.errors.map((fieldError) =>
        fieldError.message.startsWith(fieldError.field)
          ? fieldError
          : { ...fieldError, message: fieldError.message.charAt(0).toUpperCase() + fieldError.message.slice(1) },
      );
      const unmatched = applyServerErrors(this.form, { errors }, {}, FIELD_SUBJECTS);
      this.formError.set(
        unmatched.length
          ? unmatched.map((fieldError) => fieldError.message).join(' ')
          : 'Please correct the highlighted fields.',
      );
      this.#focusFirstInvalid();
      return;
    }
    this.formError.set(`The settings were not saved: ${problemMessage(problem)}`);
  }

  #prefixValue() {
    return this.form.controls.numberPrefixes.getRawValue();
  }

  #focusFirstInvalid(): void {
    afterNextRender(
      () =>
        this.#host.nativeElement
          .querySelector<HTMLElement>('input.ng-invalid, textarea.ng-invalid, mat-select.ng-invalid')
          ?.focus(),
      { injector: this.#injector },
    );
  }
}
