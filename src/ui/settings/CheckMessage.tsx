// A field's check, shown under it: errors (saving blocked), then warnings (saving allowed),
// or, when all is well, how the app will read the value.
import { Field } from '@zendeskgarden/react-forms';
import { t } from '../../i18n';
import type { Check, Msg } from './model';

const text = (m: Msg): string => t(m.key, m.vars);

export function validationOf(check: Check): 'error' | 'warning' | undefined {
  return check.errors.length > 0 ? 'error' : check.warnings.length > 0 ? 'warning' : undefined;
}

export function CheckMessage({ check, testId }: { check: Check; testId: string }) {
  const validation = validationOf(check);
  if (validation) {
    const lines = [...check.errors, ...check.warnings];
    return (
      <Field.Message
        validation={validation}
        validationLabel={validation === 'error' ? t('settings.check.error') : t('settings.check.warning')}
        data-testid={testId}
        data-validation={validation}
      >
        {lines.map((m, i) => (
          <span key={i} style={{ display: 'block' }}>
            {text(m)}
          </span>
        ))}
      </Field.Message>
    );
  }
  if (check.reading) {
    return (
      <Field.Hint data-testid={testId} data-validation="ok">
        {text(check.reading)}
      </Field.Hint>
    );
  }
  return null;
}
