import { DEFAULT_IDLE_LOCK_MINUTES, readKeyring, setIdleLockMinutes } from '../../db/keyring';
import { lockNow } from '../../db/lock-state';
import { observe } from '../../db/observe';
import { useServices } from '../services';
import { useObservable } from '../use-observable';

const IDLE_CHOICES_MINUTES = [2, 5, 10, 15];

/** "Verrouiller" now, and after how long without use the app locks by itself. */
export function LockControls() {
  const { db } = useServices();
  const ring = useObservable(() => observe(() => readKeyring(db)), [db]);
  const idleLockMinutes = ring?.idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES;
  return (
    <span class="lock-controls">
      <label for="idle-lock">Verrouillage auto</label>
      <select
        id="idle-lock"
        value={idleLockMinutes}
        onChange={(event) =>
          void setIdleLockMinutes(db, Number((event.currentTarget as HTMLSelectElement).value))
        }
      >
        {IDLE_CHOICES_MINUTES.map((minutes) => (
          <option key={minutes} value={minutes}>
            {minutes} min
          </option>
        ))}
      </select>
      <button type="button" class="button-secondary" onClick={() => lockNow(db)}>
        Verrouiller
      </button>
    </span>
  );
}
