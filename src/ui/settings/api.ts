// What the settings screen needs from Zendesk, behind a small interface so that tests can give
// it a fake (or the in-memory Zendesk through the real gateway).
import type { ZendeskGateway } from '../../zendesk/gateway';
import type { BrandOption, MappingTexts } from './model';

export interface InstallationState {
  settings: Record<string, unknown>;
  updatedAt: string | null;
}

export interface MappingsApi {
  /** Every brand of the account, active or not. */
  listBrands(): Promise<BrandOption[]>;
  /** The app installation's settings as stored now. */
  read(): Promise<InstallationState>;
  /** Writes the two mappings (admins only); the installation afterwards, when Zendesk says. */
  write(texts: MappingTexts): Promise<InstallationState | null>;
}

/** The real thing: the installations API through the gateway, installationId from client.metadata(). */
export function gatewayMappingsApi(gateway: ZendeskGateway, installationId: number): MappingsApi {
  return {
    listBrands: async () =>
      (await gateway.listBrands()).map((b) => ({ id: b.id, name: b.name, active: b.active !== false })),
    read: () => gateway.getInstallationSettings(installationId),
    write: (texts) =>
      gateway.updateInstallationSettings(installationId, { queueToBrand: texts.queueToBrand, brandToQueue: texts.brandToQueue }),
  };
}
