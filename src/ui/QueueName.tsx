// The queue a ringing contact comes from (end-user guide, "Queue notification on connecting"):
// clipped at 35 characters keeping the last 8, the whole name in a tooltip (hover or keyboard
// focus) and in the title / accessible name.
import styled from 'styled-components';
import { Tooltip } from '@zendeskgarden/react-tooltips';
import { Span } from '@zendeskgarden/react-typography';
import { clipQueueName } from '../domain/queueName';
import { t } from '../i18n';

const Name = styled(Span)`
  overflow-wrap: anywhere;
`;

export function QueueName({ name }: { name: string }) {
  const { text, clipped } = clipQueueName(name);
  return (
    <div data-testid="queue-name">
      <Span hue="grey">{t('contact.queue')}</Span>{' '}
      {clipped ? (
        <Tooltip content={name} placement="bottom" size="large">
          <Name isBold tabIndex={0} title={name} aria-label={t('contact.queueFull', { queue: name })} data-full-name={name}>
            {text}
          </Name>
        </Tooltip>
      ) : (
        <Name isBold>{text}</Name>
      )}
    </div>
  );
}
