import { API_TAGS, declareTags } from './tags';
import type { Document } from './walk';

function documentUsing(...tags: string[]): Document {
  const paths = Object.fromEntries(tags.map((tag) => [`/${tag}`, { get: { tags: [tag], responses: {} } }]));
  return { openapi: '3.0.0', info: { title: 't', version: '1' }, paths, tags: [{ name: 'old' }] };
}

describe('declareTags', () => {
  it('declares the used tags in reading order, sign-in first, each with a description', () => {
    const document = documentUsing('health', 'sales', 'auth', 'catalog');
    declareTags(document);
    expect(document.tags?.map((tag) => tag.name)).toEqual(['auth', 'catalog', 'sales', 'health']);
    expect(document.tags?.every((tag) => (tag.description ?? '').length > 20)).toBe(true);
  });

  it('leaves out tags no operation uses', () => {
    const document = documentUsing('auth');
    declareTags(document);
    expect(document.tags?.map((tag) => tag.name)).toEqual(['auth']);
  });

  it('appends a tag missing from API_TAGS without a description, for the document test to catch', () => {
    const document = documentUsing('auth', 'brand-new');
    declareTags(document);
    expect(document.tags?.at(-1)).toEqual({ name: 'brand-new' });
  });

  it('starts with auth', () => {
    expect(API_TAGS[0].name).toBe('auth');
    expect(new Set(API_TAGS.map((tag) => tag.name)).size).toBe(API_TAGS.length);
  });
});
