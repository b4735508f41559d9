// Scenario controls: pick a bundled scenario or load a file (validated like the CLI does),
// step through it or run it to the end, and set how fast the virtual clock follows real time.
import { useRef, useState } from 'react';
import { Button } from '@zendeskgarden/react-buttons';
import { Field, Select } from '@zendeskgarden/react-forms';
import { loadScenario } from '../../src/sim/scenario/load';
import { CATALOGUE, DEFAULT_ID, findEntry } from '../scenarios';
import type { Speed } from '../session';
import { useSession } from './useSession';
import { clockLabel, sinceStart } from './format';

const FILE_ID = 'file';

export function ScenarioBar() {
  const session = useSession();
  const [picked, setPicked] = useState(DEFAULT_ID);
  const [fileName, setFileName] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const groups = [...new Set(CATALOGUE.map((e) => e.group))];
  const total = session.steps.length;
  const now = session.world.clock.nowMs();

  const loadEntry = (id: string) => {
    const entry = findEntry(id);
    if (!entry) return;
    const r = entry.load();
    if (!r.ok) {
      setLoadError(r.error);
      return;
    }
    setLoadError(null);
    setPicked(id);
    // A scenario's steps set the time; the live clock would shift them, so it starts paused.
    void session.load(r.scenario, entry.label, id === DEFAULT_ID ? 1 : 0);
  };

  const loadFile = async (file: File) => {
    const r = loadScenario(file.name, await file.text());
    if (!r.ok) {
      setLoadError(r.error);
      return;
    }
    setLoadError(null);
    setFileName(file.name);
    setPicked(FILE_ID);
    await session.load(r.scenario, file.name, 0);
  };

  const agents = session.openTabs();

  return (
    <div className="scenario-bar" data-testid="scenario-bar">
      <div className="row">
        <Field className="grow">
          <Field.Label>Scenario</Field.Label>
          <Select isCompact data-testid="scenario-select" value={picked} onChange={(e) => loadEntry(e.target.value)}>
            {groups.map((g) => (
              <optgroup key={g} label={g}>
                {CATALOGUE.filter((e) => e.group === g).map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.label}
                  </option>
                ))}
              </optgroup>
            ))}
            {fileName ? (
              <optgroup label="File">
                <option value={FILE_ID} disabled={picked !== FILE_ID}>
                  {fileName}
                </option>
              </optgroup>
            ) : null}
          </Select>
        </Field>
        <div className="inline-buttons">
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            hidden
            data-testid="scenario-file"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void loadFile(f);
            }}
          />
          <Button size="small" data-testid="load-file" onClick={() => fileInput.current?.click()}>
            Load file…
          </Button>
          <Button
            size="small"
            data-testid="next-step"
            disabled={session.nextStep >= total}
            onClick={() => void session.nextStepNow()}
          >
            Next step
          </Button>
          <Button size="small" isPrimary data-testid="run-to-end" onClick={() => void session.runToEnd()}>
            Run to end
          </Button>
          <Button size="small" isBasic data-testid="reset-scenario" onClick={() => void session.load(session.scenario, session.label, session.speed)}>
            Restart
          </Button>
        </div>
        <Field>
          <Field.Label>Clock</Field.Label>
          <Select
            isCompact
            data-testid="speed-select"
            value={String(session.speed)}
            onChange={(e) => session.setSpeed(Number(e.target.value) as Speed)}
          >
            <option value="0">paused</option>
            <option value="1">1× real time</option>
            <option value="10">10× real time</option>
          </Select>
        </Field>
        {agents.length > 1 ? (
          <Field>
            <Field.Label>Show</Field.Label>
            <Select
              isCompact
              data-testid="show-as"
              value={`${session.agent}#${session.tabNo}`}
              onChange={(e) => {
                const [agent, n] = e.target.value.split('#');
                session.showAs(agent ?? '', Number(n));
              }}
            >
              {agents.map(([a, n]) => (
                <option key={`${a}#${n}`} value={`${a}#${n}`}>
                  {a}, tab {n}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
      </div>
      <div className="row status-line">
        <span data-testid="scenario-name">
          <strong>{session.scenario.name ?? session.label}</strong> <span className="muted">({session.label})</span>
        </span>
        <span data-testid="step-index">
          step {Math.min(session.nextStep, total)} of {total} applied
        </span>
        <span data-testid="clock" title="virtual clock">
          Clock {clockLabel(now)} <span className="muted">{sinceStart(now, session.world.startMs)}</span>
        </span>
        {session.busy ? <span className="muted">working…</span> : null}
      </div>
      {loadError ? (
        <div className="error-line" role="alert" data-testid="scenario-error">
          {loadError}
        </div>
      ) : null}
      {session.error ? (
        <div className="error-line" role="alert" data-testid="session-error">
          {session.error}{' '}
          <Button size="small" isBasic onClick={() => session.dismissError()}>
            dismiss
          </Button>
        </div>
      ) : null}
    </div>
  );
}

/** The step about to run (or just run), and the final report. */
export function StepPanel() {
  const session = useSession();
  const total = session.steps.length;
  const next = session.steps[session.nextStep];
  const last = session.lastStep === null ? undefined : session.steps[session.lastStep];
  return (
    <section className="steps" aria-label="Scenario steps">
      {total === 0 ? (
        <p className="muted">This scenario has no steps: ring a contact from the simulated Amazon Connect on the right.</p>
      ) : (
        <div className="step-cols">
          <div>
            <h4>
              Next step{next ? <span data-testid="next-step-index"> #{session.nextStep}</span> : null}
            </h4>
            <pre className="json" data-testid="step-json">
              {next ? JSON.stringify(next, null, 2) : 'all steps applied'}
            </pre>
          </div>
          <div>
            <h4>Last applied{session.lastStep !== null ? ` #${session.lastStep}` : ''}</h4>
            <pre className="json" data-testid="last-step-json">
              {last ? JSON.stringify(last, null, 2) : '—'}
            </pre>
          </div>
        </div>
      )}
      {session.reportJson !== null ? (
        <details open>
          <summary>
            <strong>Report</strong> (<code>npm run -s simulate</code> prints the same)
          </summary>
          <pre className="json report" data-testid="report-json">
            {session.reportJson}
          </pre>
        </details>
      ) : null}
    </section>
  );
}
