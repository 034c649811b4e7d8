import { InitialSchema1763900000000 } from './1763900000000-initial-schema';
import { IdentityAccess1795463845970 } from './1795463845970-identity-access';
import { MfaLastStep1795465590067 } from './1795465590067-mfa-last-step';
import { Webhooks1795466597591 } from './1795466597591-webhooks';
import { CatalogInventory1796230000000 } from './1796230000000-catalog-inventory';
import { PurchasingSales1796300000000 } from './1796300000000-purchasing-sales';
import { EncryptedSecrets1796400000000 } from './1796400000000-encrypted-secrets';
import { MailOutbox1796412000000 } from './1796412000000-mail-outbox';
import { ProductSuppliers1796500000000 } from './1796500000000-product-suppliers';
import { SearchIndexes1796510000000 } from './1796510000000-search-indexes';
import { SavedViews1796510000001 } from './1796510000001-saved-views';
import { ListSortIndexes1796520000000 } from './1796520000000-list-sort-indexes';
import { FleetOperations1796530000000 } from './1796530000000-fleet-operations';
import { CompanySettings1796540000000 } from './1796540000000-company-settings';
import { DocumentMails1796550000000 } from './1796550000000-document-mails';

/** Committed migrations, in order. Add new ones at the end; never edit a committed one. */
export const MIGRATIONS = [
  InitialSchema1763900000000,
  IdentityAccess1795463845970,
  MfaLastStep1795465590067,
  Webhooks1795466597591,
  CatalogInventory1796230000000,
  PurchasingSales1796300000000,
  EncryptedSecrets1796400000000,
  MailOutbox1796412000000,
  ProductSuppliers1796500000000,
  SearchIndexes1796510000000,
  SavedViews1796510000001,
  ListSortIndexes1796520000000,
  FleetOperations1796530000000,
  CompanySettings1796540000000,
  DocumentMails1796550000000,
];
