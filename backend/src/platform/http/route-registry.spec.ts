import { RouteRegistry } from './route-registry';

describe('RouteRegistry', () => {
  const routes = new RouteRegistry();
  routes.add(['GET', 'HEAD'], '/api/v1/products');
  routes.add('POST', '/api/v1/products');
  routes.add('PATCH', '/api/v1/products/:id');
  routes.add('GET', '/api/v1/products/:id');
  routes.add('OPTIONS', '*');
  routes.add('GET', '/*');

  it('lists the methods a concrete path answers to', () => {
    expect(routes.allowedMethods('/api/v1/products?limit=5')).toEqual(['GET', 'HEAD', 'POST']);
    expect(routes.allowedMethods('/api/v1/products/0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10')).toEqual(['GET', 'PATCH']);
  });

  it('knows no methods for unknown paths, and ignores wildcard routes', () => {
    expect(routes.allowedMethods('/api/v1/nothing')).toEqual([]);
    expect(routes.allowedMethods('/somewhere')).toEqual([]);
  });
});
