import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from './support/test-app';

const DEPLOY = join(__dirname, '..', '..', 'deploy');

function promtool(): string {
  const found = spawnSync('sh', ['-c', 'command -v promtool'], { encoding: 'utf8' }).stdout.trim();
  if (!found) throw new Error('promtool is missing: `apt-get install prometheus` (.ci/run installs it)');
  return found;
}

/** Metric names a PromQL expression reads (histogram series reduced to their family). */
function metricsIn(expression: string): string[] {
  return [...expression.matchAll(/\bdepot_[a-z0-9_]+/g)].map(([name]) => name.replace(/_(bucket|count|sum)$/, ''));
}

const alerts = readFileSync(join(DEPLOY, 'prometheus', 'alerts.yaml'), 'utf8');
const dashboard = JSON.parse(readFileSync(join(DEPLOY, 'grafana', 'depot.json'), 'utf8')) as {
  panels: { title: string; targets: { expr: string }[] }[];
};
const dashboardExpressions = dashboard.panels.flatMap((panel) => panel.targets.map((target) => target.expr));

/** Monitoring and deployment files are checked like code (issue: run Depot as a fleet). */
describe('Deployment configuration', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'depot-deploy-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has Prometheus alert rules promtool accepts', () => {
    expect(
      execFileSync(promtool(), ['check', 'rules', join(DEPLOY, 'prometheus', 'alerts.yaml')], { encoding: 'utf8' }),
    ).toMatch(/SUCCESS: \d+ rules found/);
  });

  it('has a Grafana dashboard whose every query is valid PromQL', () => {
    expect(dashboard.panels.length).toBeGreaterThan(8);
    // promtool checks expressions inside rule files: wrap each panel query in a recording rule.
    const rules = {
      groups: [
        {
          name: 'dashboard',
          rules: dashboardExpressions.map((expr, index) => ({ record: `depot:dashboard_query_${index}`, expr })),
        },
      ],
    };
    const file = join(dir, 'dashboard-rules.json');
    writeFileSync(file, JSON.stringify(rules));
    expect(execFileSync(promtool(), ['check', 'rules', file], { encoding: 'utf8' })).toMatch(/SUCCESS/);
  });

  describe('against a running server', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp();
    });
    afterAll(() => app?.close());

    it('exports every metric the alerts and the dashboard read', async () => {
      const token = await app.login('admin@depot.local');
      await app.request('/api/v1/products?limit=1', { token });
      const exported = new Set(
        [...(await app.request('/api/metrics')).text.matchAll(/^# TYPE (\S+) /gm)].map(([, name]) => name),
      );
      const read = new Set([...metricsIn(alerts), ...dashboardExpressions.flatMap(metricsIn)]);
      expect(read.size).toBeGreaterThan(8);
      expect([...read].filter((name) => !exported.has(name))).toEqual([]);
    });
  });
});
