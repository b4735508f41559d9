// Phone number support is fetched on demand in the app (see src/domain/phone.ts); tests that
// call the domain directly get it loaded first.
import { loadPhoneNumbers } from '../src/domain/phone';

await loadPhoneNumbers();
