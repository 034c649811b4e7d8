import { context, propagation, trace } from '@opentelemetry/api';
import { node as sdkTracing } from '@opentelemetry/sdk-node';
import { buildProblem } from '../http/problem-details';
import { INSTANCE } from '../lifecycle/instance';
import { startTracing } from './tracing';
import {
  activeTraceIds,
  activeTraceparent,
  contextFromTraceparent,
  injectTraceContext,
  linksFromTraceparents,
  traceLogFields,
} from './tracing-context';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('tracing', () => {
  describe('while no SDK is registered (tracing off)', () => {
    it('starts nothing and loads no SDK module when no endpoint is configured', () => {
      let loaded = false;
      jest.isolateModules(() => {
        jest.doMock('@opentelemetry/sdk-node', () => {
          loaded = true;
          return {};
        });
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh copy under the mock
        const isolated = require('./tracing') as { startTracing: typeof startTracing };
        expect(isolated.startTracing({ enabled: false, serviceName: 'depot', endpoint: undefined }, INSTANCE)).toBe(
          undefined,
        );
      });
      expect(loaded).toBe(false);
      expect(startTracing({ enabled: false, serviceName: 'depot', endpoint: 'http://x' }, INSTANCE)).toBeUndefined();
    });

    it('adds no trace fields to log lines, problems, outbox rows or outgoing headers', () => {
      expect(activeTraceIds()).toBeUndefined();
      expect(traceLogFields()).toEqual({});
      expect(activeTraceparent()).toBeNull();
      expect(injectTraceContext({ a: '1' })).toEqual({ a: '1' });
      expect(buildProblem({ status: 400, requestId: 'r1' })).not.toHaveProperty('traceId');
      expect(linksFromTraceparents([TRACEPARENT, null])).toEqual([]);
    });
  });

  describe('with an SDK registered', () => {
    const exporter = new sdkTracing.InMemorySpanExporter();
    const provider = new sdkTracing.NodeTracerProvider({
      spanProcessors: [new sdkTracing.SimpleSpanProcessor(exporter)],
    });

    beforeAll(() => provider.register());
    afterAll(async () => {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    });

    it('answers the active span ids for log lines and problem bodies', () => {
      trace.getTracer('test').startActiveSpan('request', (span) => {
        const { traceId, spanId } = span.spanContext();
        expect(activeTraceIds()).toEqual({ traceId, spanId });
        expect(traceLogFields()).toEqual({ traceId, spanId });
        expect(buildProblem({ status: 404, requestId: 'r1' })).toMatchObject({ requestId: 'r1', traceId });
        span.end();
      });
      expect(traceLogFields()).toEqual({});
    });

    it('stores the active trace context as a traceparent and continues it later', () => {
      const stored = trace.getTracer('test').startActiveSpan('request', (span) => {
        const value = activeTraceparent();
        span.end();
        return value;
      });
      expect(stored).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      const [, traceId, parentId] = stored!.split('-');

      const child = trace.getTracer('test').startSpan('webhook delivery', {}, contextFromTraceparent(stored));
      expect(child.spanContext().traceId).toBe(traceId);
      child.end();
      const finished = exporter.getFinishedSpans().find((span) => span.name === 'webhook delivery')!;
      expect(finished.parentSpanContext?.spanId).toBe(parentId);

      context.with(trace.setSpan(context.active(), child), () => {
        expect(injectTraceContext({}).traceparent).toContain(traceId);
      });
    });

    it('links to every valid stored traceparent and ignores the rest', () => {
      const links = linksFromTraceparents([TRACEPARENT, null, 'garbage', undefined]);
      expect(links).toHaveLength(1);
      expect(links[0].context.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
      expect(trace.getSpanContext(contextFromTraceparent('garbage'))).toBeUndefined();
    });
  });
});
