import { operationsOf, parametersOf, type Document } from './walk';

const NOUNS: Readonly<Record<string, string>> = { 'api-keys': 'API key', webhooks: 'webhook endpoint' };

/** `purchase-orders` → `purchase order`, `categories` → `category`. */
export function singular(collection: string): string {
  if (NOUNS[collection]) return NOUNS[collection];
  const words = collection.replace(/-/g, ' ');
  return words.endsWith('ies') ? `${words.slice(0, -3)}y` : words.replace(/s$/, '');
}

/** `productId` → `product`, `deliveryId` → `delivery`. */
function nounOfName(name: string): string {
  return name
    .replace(/Id$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

/**
 * Describes the path parameters that carry ids, from the path itself: `{id}` after
 * `/purchase-orders` is "Id of the purchase order.", `{deliveryId}` is "Id of the delivery.".
 * Parameters described by hand (`@ApiParam`) keep their description.
 */
export function describePathIds(document: Document): void {
  for (const { path, operation } of operationsOf(document)) {
    const segments = path.split('/');
    for (const parameter of parametersOf(operation)) {
      if (parameter.in !== 'path' || parameter.description) continue;
      if (parameter.name === 'id') {
        const index = segments.indexOf('{id}');
        if (index > 0) parameter.description = `Id of the ${singular(segments[index - 1])}.`;
      } else if (/Id$/.test(parameter.name)) {
        parameter.description = `Id of the ${nounOfName(parameter.name)}.`;
      }
    }
  }
}
