// "Queues to brands": one row per queue pattern and the brand its contacts' new tickets get.
// The first matching row wins, so the order matters and is kept.
import { useEffect, useRef } from 'react';
import styled from 'styled-components';
import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input, Select } from '@zendeskgarden/react-forms';
import { Paragraph } from '@zendeskgarden/react-typography';
import { t } from '../../i18n';
import { space } from '../layout';
import { CheckMessage, validationOf } from './CheckMessage';
import { newRowKey, type BrandOption, type Check, type QueueRow } from './model';

const List = styled.ol`
  list-style: none;
  margin: ${space('sm')} 0;
  padding: 0;
  display: flex;
  flex-direction: column;
  gap: ${space('sm')};
`;

const Item = styled.li`
  display: flex;
  flex-wrap: wrap;
  align-items: flex-start;
  gap: ${space('xs')};

  & > .queue {
    flex: 2 1 240px;
    min-width: 0;
  }
  & > .brand {
    flex: 1 1 160px;
    min-width: 0;
  }
`;

export function QueuesToBrands({
  rows,
  checks,
  brands,
  onChange,
}: {
  rows: QueueRow[];
  checks: Check[];
  brands: BrandOption[];
  onChange: (rows: QueueRow[]) => void;
}) {
  const focusKey = useRef<string | null>(null);
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const addButton = useRef<HTMLButtonElement>(null);
  const active = brands.filter((b) => b.active);

  useEffect(() => {
    if (focusKey.current) {
      inputs.current.get(focusKey.current)?.focus();
      focusKey.current = null;
    }
  });

  const update = (key: string, patch: Partial<QueueRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = () => {
    const row: QueueRow = { key: newRowKey(), queue: '', brandId: null };
    focusKey.current = row.key;
    onChange([...rows, row]);
  };
  const remove = (key: string) => {
    onChange(rows.filter((r) => r.key !== key));
    addButton.current?.focus();
  };

  return (
    <section>
      <Paragraph>{t('settings.queues.intro')}</Paragraph>
      <Paragraph>{t('settings.queues.patterns')}</Paragraph>
      {rows.length === 0 ? (
        <Paragraph data-testid="queues-empty" style={{ marginTop: 12 }}>
          {t('settings.queues.empty')}
        </Paragraph>
      ) : (
        <List aria-label={t('settings.menu.queuesToBrands')}>
          {rows.map((row, i) => {
            const check = checks[i] ?? { errors: [], warnings: [] };
            const n = i + 1;
            const inactive = row.brandId !== null && !active.some((b) => b.id === row.brandId);
            return (
              <Item key={row.key} data-testid={`queue-row-${n}`}>
                <Field className="queue">
                  <Field.Label hidden>{t('settings.queues.patternLabel', { n })}</Field.Label>
                  <Input
                    isCompact
                    ref={(el) => {
                      if (el) inputs.current.set(row.key, el);
                      else inputs.current.delete(row.key);
                    }}
                    placeholder={t('settings.queues.placeholder')}
                    value={row.queue}
                    validation={validationOf(check)}
                    onChange={(e) => update(row.key, { queue: e.target.value })}
                    data-testid={`queue-pattern-${n}`}
                  />
                  <CheckMessage check={check} testId={`queue-message-${n}`} />
                </Field>
                <Field className="brand">
                  <Field.Label hidden>{t('settings.queues.brandLabel', { n })}</Field.Label>
                  <Select
                    isCompact
                    value={row.brandId === null ? '' : String(row.brandId)}
                    onChange={(e) => update(row.key, { brandId: e.target.value === '' ? null : Number(e.target.value) })}
                    data-testid={`queue-brand-${n}`}
                  >
                    <option value="">{t('settings.queues.chooseBrand')}</option>
                    {active.map((b) => (
                      <option key={b.id} value={String(b.id)}>
                        {b.name}
                      </option>
                    ))}
                    {inactive && <option value={String(row.brandId)}>{t('settings.queues.inactiveBrand', { id: row.brandId! })}</option>}
                  </Select>
                </Field>
                <Button
                  size="small"
                  isBasic
                  isDanger
                  aria-label={t('settings.queues.removeLabel', { n })}
                  onClick={() => remove(row.key)}
                  data-testid={`queue-remove-${n}`}
                >
                  {t('settings.queues.remove')}
                </Button>
              </Item>
            );
          })}
        </List>
      )}
      <Button ref={addButton} size="small" onClick={add} data-testid="queue-add">
        {t('settings.queues.add')}
      </Button>
    </section>
  );
}
