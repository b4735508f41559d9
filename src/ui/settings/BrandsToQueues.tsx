// "Brands to queues": every active brand with the outbound queue for click-to-dial from its
// tickets. One queue per brand, so wild cards and regular expressions only earn a warning.
import styled from 'styled-components';
import { Field, Input } from '@zendeskgarden/react-forms';
import { Paragraph } from '@zendeskgarden/react-typography';
import { t } from '../../i18n';
import { space } from '../layout';
import { CheckMessage, validationOf } from './CheckMessage';
import type { BrandOption, Check } from './model';

const List = styled.div`
  display: flex;
  flex-direction: column;
  gap: ${space('sm')};
  margin-top: ${space('sm')};
`;

export function BrandsToQueues({
  brands,
  values,
  checks,
  onChange,
}: {
  brands: BrandOption[];
  values: Record<string, string>;
  checks: Record<string, Check>;
  onChange: (brandId: string, queue: string) => void;
}) {
  return (
    <section>
      <Paragraph>{t('settings.brands.intro')}</Paragraph>
      <List>
        {brands.map((b) => {
          const id = String(b.id);
          const check = checks[id] ?? { errors: [], warnings: [] };
          return (
            <Field key={id}>
              <Field.Label>{b.name}</Field.Label>
              <Input
                isCompact
                placeholder={t('settings.brands.placeholder')}
                value={values[id] ?? ''}
                validation={validationOf(check)}
                onChange={(e) => onChange(id, e.target.value)}
                data-testid={`brand-queue-${id}`}
              />
              <CheckMessage check={check} testId={`brand-message-${id}`} />
            </Field>
          );
        })}
      </List>
    </section>
  );
}
