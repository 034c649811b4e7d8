import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { PERMISSION_CATALOGUE, Permission } from '@depot/contracts';

import type { PermissionGroup } from '../data-access/roles.service';
import { PermissionMatrixComponent } from './permission-matrix.component';

@Component({
  selector: 'app-matrix-host',
  imports: [ReactiveFormsModule, PermissionMatrixComponent],
  template: `<app-permission-matrix [formControl]="control" [groups]="groups" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class MatrixHostComponent {
  readonly groups: PermissionGroup[] = PERMISSION_CATALOGUE.map((group) => ({
    module: group.module,
    permissions: [...group.permissions],
  }));
  readonly control = new FormControl<Permission[]>([Permission.CatalogProductsRead], { nonNullable: true });
}

describe('PermissionMatrixComponent', () => {
  async function create() {
    const fixture = TestBed.createComponent(MatrixHostComponent);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const module = (name: string) => {
      const found = Array.from(root.querySelectorAll<HTMLFieldSetElement>('fieldset')).find((fieldset) =>
        fieldset.querySelector('legend')?.textContent?.includes(name),
      );
      if (!found) {
        throw new Error(`No module ${name}`);
      }
      return found;
    };
    const box = (permission: Permission) => {
      const found = Array.from(root.querySelectorAll('mat-checkbox')).find(
        (checkbox) => checkbox.querySelector('code')?.textContent?.trim() === permission,
      );
      const input = found?.querySelector<HTMLInputElement>('input');
      if (!input) {
        throw new Error(`No checkbox for ${permission}`);
      }
      return input;
    };
    const selectAll = (name: string) => module(name).querySelector<HTMLInputElement>('legend input')!;
    return { fixture, root, module, box, selectAll, host: fixture.componentInstance };
  }

  it('shows one group per module, with the permissions of the value ticked', async () => {
    const { root, box, module } = await create();

    expect(
      Array.from(root.querySelectorAll('legend')).map((legend) => legend.textContent?.trim().split(/\s+/)[0]),
    ).toEqual(PERMISSION_CATALOGUE.map((group) => group.module));
    expect(box(Permission.CatalogProductsRead).checked).toBe(true);
    expect(box(Permission.CatalogProductsWrite).checked).toBe(false);
    expect(module('Catalog').textContent).toContain(`1 of ${PERMISSION_CATALOGUE[0].permissions.length}`);
  });

  it('ticks and unticks single permissions, in catalogue order', async () => {
    const { fixture, box, host } = await create();

    box(Permission.AuditRead).click();
    box(Permission.CatalogProductsWrite).click();
    await fixture.whenStable();
    expect(host.control.value).toEqual([
      Permission.CatalogProductsRead,
      Permission.CatalogProductsWrite,
      Permission.AuditRead,
    ]);
    expect(host.control.dirty).toBe(true);

    box(Permission.CatalogProductsRead).click();
    await fixture.whenStable();
    expect(host.control.value).toEqual([Permission.CatalogProductsWrite, Permission.AuditRead]);
  });

  it('selects and clears a whole module, and shows a partly selected one as indeterminate', async () => {
    const { fixture, selectAll, host } = await create();

    expect(selectAll('Catalog').indeterminate).toBe(true);
    expect(selectAll('Identity').indeterminate).toBe(false);

    selectAll('Identity').click();
    await fixture.whenStable();
    const identity = PERMISSION_CATALOGUE.find((group) => group.module === 'Identity')!.permissions;
    expect(host.control.value).toEqual([
      Permission.CatalogProductsRead,
      ...identity.map((permission) => permission.name),
    ]);
    expect(host.control.value).toContain(Permission.IdentityUsersManage);
    expect(selectAll('Identity').checked).toBe(true);

    selectAll('Identity').click();
    await fixture.whenStable();
    expect(host.control.value).toEqual([Permission.CatalogProductsRead]);
  });

  it('is read-only when the control is disabled', async () => {
    const { fixture, box, selectAll, host } = await create();

    host.control.disable();
    await fixture.whenStable();

    expect(box(Permission.CatalogProductsWrite).disabled).toBe(true);
    expect(selectAll('Catalog').disabled).toBe(true);
  });

  it('follows a new value written by the form', async () => {
    const { fixture, box, host } = await create();

    host.control.setValue([Permission.DevMailboxRead]);
    await fixture.whenStable();

    expect(box(Permission.CatalogProductsRead).checked).toBe(false);
    expect(box(Permission.DevMailboxRead).checked).toBe(true);
  });
});
