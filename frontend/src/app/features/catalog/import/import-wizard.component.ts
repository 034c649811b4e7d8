import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal } from '@angular/core';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import { IMPORT_LIMITS, Permission, type ImportReportDto } from '@depot/contracts';

import { AuthService } from '../../../core/auth/auth.service';
import { problemMessage, toProblemDetails } from '../../../shared/http/problem-details';
import { IconComponent } from '../../../shared/ui/icon/icon.component';
import { saveBlob } from '../../../shared/http/download';
import { ImportErrorTableComponent } from './import-error-table.component';
import { IMPORT_KINDS, type ImportKindInfo, templateCsv } from './csv-templates';
import { type ImportKind, ImportRejectedError, ImportsService } from './data-access/imports.service';

/** Larger files are refused before upload (the server would refuse them with 413). */
export const MAX_IMPORT_BYTES = IMPORT_LIMITS.maxBytes;

interface ChosenFile {
  name: string;
  size: number;
  text: string;
}

type Step =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'done'; report: ImportReportDto }
  | { state: 'failed'; message: string; report: ImportReportDto | null };

/**
 * CSV import in steps: choose what to import, pick a file, check it (a dry run that lists every
 * row and column error), then import it (all or nothing). Import is only offered after a clean
 * check of the same file.
 */
@Component({
  selector: 'app-import-wizard',
  imports: [
    RouterLink,
    MatButton,
    MatAnchor,
    MatProgressBar,
    MatRadioGroup,
    MatRadioButton,
    ImportErrorTableComponent,
    IconComponent,
  ],
  templateUrl: './import-wizard.component.html',
  styleUrl: './import-wizard.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportWizardComponent {
  readonly #imports = inject(ImportsService);
  readonly #document = inject(DOCUMENT);
  readonly #auth = inject(AuthService);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly maxMegabytes = MAX_IMPORT_BYTES / 1024 / 1024;
  protected readonly limitsText = `Up to ${IMPORT_LIMITS.maxRows.toLocaleString('en-US')} rows and ${this.maxMegabytes} MB.`;
  /** The kinds this user may import. */
  protected readonly kinds = computed<ImportKindInfo[]>(() => {
    const permissions = this.#auth.permissions();
    return [
      ...(permissions.has(Permission.CatalogProductsWrite) ? [IMPORT_KINDS.products] : []),
      ...(permissions.has(Permission.InventoryStockAdjust) ? [IMPORT_KINDS['opening-stock']] : []),
    ];
  });
  readonly #chosenKind = signal<ImportKind | null>(null);
  protected readonly kind = computed<ImportKindInfo | null>(() => {
    const chosen = this.#chosenKind();
    return this.kinds().find((info) => info.kind === chosen) ?? this.kinds()[0] ?? null;
  });
  protected readonly file = signal<ChosenFile | null>(null);
  protected readonly fileError = signal<string | null>(null);
  protected readonly dragging = signal(false);
  protected readonly check = signal<Step>({ state: 'idle' });
  protected readonly result = signal<Step>({ state: 'idle' });

  protected readonly checkReport = computed(() => reportOf(this.check()));
  protected readonly resultReport = computed(() => reportOf(this.result()));
  /** Whole sentences: a text node with many interpolations costs runtime code in the initial bundle. */
  protected readonly checkSummary = computed(() => {
    const report = this.checkReport();
    if (!report) {
      return '';
    }
    const checked = `${plural(report.rows, 'row')} checked`;
    return report.errors.length === 0
      ? `${checked}, no errors: ${report.created} to create, ${report.updated} to update.`
      : `${checked}, ${plural(report.errors.length, 'error')}. Fix the file and check it again.`;
  });
  protected readonly resultSummary = computed(() => {
    const report = this.resultReport();
    return report
      ? `Imported ${plural(report.rows, 'row')}: ${report.created} created, ${report.updated} updated.`
      : '';
  });
  protected readonly checkMessage = computed(() => messageOf(this.check()));
  protected readonly resultMessage = computed(() => messageOf(this.result()));
  protected readonly canCheck = computed(
    () => this.kind() !== null && this.file() !== null && this.check().state !== 'running',
  );
  protected readonly canImport = computed(() => {
    const report = this.checkReport();
    return (
      report !== null &&
      report.errors.length === 0 &&
      report.rows > 0 &&
      this.result().state !== 'running' &&
      this.result().state !== 'done'
    );
  });

  protected chooseKind(kind: ImportKind): void {
    this.#chosenKind.set(kind);
    this.#resetChecks();
  }

  protected openFilePicker(): void {
    this.#host.nativeElement.querySelector<HTMLInputElement>('input[type="file"]')?.click();
  }

  protected onFileInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) {
      void this.#readFile(file);
    }
    // Choosing the same file again (after fixing it) must fire `change` again.
    input.value = '';
  }

  protected onDragOver(event: DragEvent): void {
    event.preventDefault();
    if (event.dataTransfer) {
      event.dataTransfer.dropEffect = 'copy';
    }
    this.dragging.set(true);
  }

  protected onDragLeave(): void {
    this.dragging.set(false);
  }

  protected onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    const file = event.dataTransfer?.files[0];
    if (file) {
      void this.#readFile(file);
    }
  }

  protected clearFile(): void {
    this.file.set(null);
    this.fileError.set(null);
    this.#resetChecks();
  }

  protected downloadTemplate(info: ImportKindInfo): void {
    saveBlob(this.#document, new Blob([templateCsv(info.kind)], { type: 'text/csv' }), info.templateName);
  }

  protected runCheck(): void {
    this.#run(true);
  }

  protected runImport(): void {
    if (this.canImport()) {
      this.#run(false);
    }
  }

  protected sizeLabel(bytes: number): string {
    if (bytes < 1024) {
      return `${bytes} bytes`;
    }
    return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  }

  #run(dryRun: boolean): void {
    const kind = this.kind();
    const file = this.file();
    if (!kind || !file) {
      return;
    }
    const step = dryRun ? this.check : this.result;
    if (dryRun) {
      this.result.set({ state: 'idle' });
    }
    step.set({ state: 'running' });
    this.#imports.run(kind.kind, file.text, dryRun).subscribe({
      next: (report) => step.set({ state: 'done', report }),
      error: (error: unknown) => {
        if (error instanceof ImportRejectedError) {
          step.set({
            state: 'failed',
            message: 'Some rows have errors, so nothing was imported.',
            report: error.report,
          });
          return;
        }
        step.set({ state: 'failed', message: problemMessage(toProblemDetails(error)), report: null });
      },
    });
  }

  async #readFile(file: File): Promise<void> {
    this.#resetChecks();
    this.file.set(null);
    if (!/\.csv$/i.test(file.name) && file.type !== 'text/csv') {
      this.fileError.set(`${file.name} is not a CSV file. Choose a file ending in .csv.`);
      return;
    }
    if (file.size > MAX_IMPORT_BYTES) {
      this.fileError.set(`${file.name} is larger than ${this.maxMegabytes} MB. Split it into smaller files.`);
      return;
    }
    try {
      const text = await file.text();
      this.fileError.set(null);
      this.file.set({ name: file.name, size: file.size, text });
    } catch {
      this.fileError.set(`Could not read ${file.name}.`);
    }
  }

  #resetChecks(): void {
    this.check.set({ state: 'idle' });
    this.result.set({ state: 'idle' });
  }
}

function reportOf(step: Step): ImportReportDto | null {
  return 'report' in step ? step.report : null;
}

function messageOf(step: Step): string {
  return step.state === 'failed' ? step.message : '';
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
