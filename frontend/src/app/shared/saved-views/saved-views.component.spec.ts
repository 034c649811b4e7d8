import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { SavedViewDto } from '@depot/contracts';
import { firstValueFrom } from 'rxjs';

import { currentUser, tokenResponse } from '../../../testing/test-helpers';
import { AuthService } from '../../core/auth/auth.service';
import { SavedViewsComponent } from './saved-views.component';

@Component({
  selector: 'app-host-list',
  imports: [SavedViewsComponent],
  template: '<app-saved-views listKey="products" />',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class HostListComponent {}

const ME = currentUser([]).id;

function view(overrides: Partial<SavedViewDto>): SavedViewDto {
  return {
    id: 'v1',
    listKey: 'products',
    name: 'Red',
    state: { q: 'red' },
    shared: false,
    isDefault: false,
    ownerId: ME,
    ownerName: 'Ada Admin',
    version: 1,
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:00:00.000Z',
    ...overrides,
  };
}

describe('SavedViewsComponent', () => {
  let http: HttpTestingController;

  async function start(url: string, views: SavedViewDto[]): Promise<RouterTestingHarness> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'products', component: HostListComponent }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const auth = TestBed.inject(AuthService);
    const signedIn = firstValueFrom(auth.useTokens(tokenResponse('t')));
    http.expectOne('/api/v1/auth/me').flush(currentUser([]));
    await signedIn;
    const harness = await RouterTestingHarness.create(url);
    http
      .expectOne((request) => request.url === '/api/v1/saved-views' && request.params.get('listKey') === 'products')
      .flush({ items: views, nextCursor: null });
    await harness.fixture.whenStable();
    return harness;
  }

  afterEach(() => http.verify());

  it('applies the default view when the list opens without parameters', async () => {
    await start('/products', [view({ id: 'own', isDefault: true, state: { status: 'archived' } })]);
    expect(TestBed.inject(Router).url).toBe('/products?status=archived');
  });

  it('leaves a list opened with parameters alone and names the view it shows', async () => {
    const harness = await start('/products?q=red', [
      view({ id: 'default', name: 'Archived', isDefault: true, state: { status: 'archived' } }),
      view({ id: 'red' }),
    ]);
    expect(TestBed.inject(Router).url).toBe('/products?q=red');
    harness.fixture.detectChanges();
    expect((harness.fixture.nativeElement as HTMLElement).querySelector('.trigger')?.getAttribute('aria-label')).toBe(
      'Saved views, current view Red',
    );
  });
});
