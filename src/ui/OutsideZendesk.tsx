// Shown when a location page is opened outside Zendesk (no ZAF client).
import { Paragraph, XL } from '@zendeskgarden/react-typography';
import { Well } from '@zendeskgarden/react-notifications';
import { t } from '../i18n';

export function OutsideZendesk() {
  return (
    <Well role="alert" style={{ margin: 16 }}>
      <XL tag="h1">{t('outside.title')}</XL>
      <Paragraph>{t('outside.body')}</Paragraph>
    </Well>
  );
}
