/**
 * The mediator's moves as a DOM panel: every move type with its cost; illegal ones disabled with
 * the engine's reason (from availableMoves); a small form per move for its targets, values,
 * agenda lists and package terms, with the engine's verdict previewed before sending.
 * No rule here: the lists of targets come from the scenario and the View, legality from the engine.
 */
import type { GameStore } from '../store/gameStore';
import { REGISTRY, standIn, type FormField, type MediatorCommand, type MoveOption, type TargetKind, type View } from '../sim/index';
import { el, rerender } from './overlay';
import { fmt, t } from '../i18n/index';
import { hex, partyColor } from './theme';
import { forecast, shortfall } from '../seat/index';

type MoveType = MediatorCommand['type'];

/** A move's form, from the engine's command registry: a move with no fields is made at once. */
const formOf = (type: MoveType): readonly FormField[] => REGISTRY[type].form;

/** The legend over a field's options (the options' own labels come from `<field>.<option>` keys). */
const LEGEND: Record<string, string> = {
  party: 'table.target',
  actor: 'table.target',
  faction: 'table.target',
  subject: 'table.subject',
  issue: 'table.formulaIssue',
  venue: 'table.venueField',
  cbm: 'table.cbm',
  ask: 'table.ask',
  approach: 'table.approach',
  tone: 'table.tone',
};

interface Draft {
  type: MoveType;
  fields: Record<string, string>;
  agenda: Set<string>;
  terms: Record<string, number>;
  include: Set<string>;
  value: number;
  /** The turn of the last offer the form started from, if any. */
  from: number | null;
}

export class MovesPanel {
  private draft: Draft | null = null;
  private focusType: MoveType | null = null;
  private blocked = false;
  /** A move whose warning was shown: the next activation tries it anyway. */
  private warned: MoveType | null = null;

  constructor(
    private readonly store: GameStore,
    private readonly root: HTMLDivElement,
    /** Ending the turn goes through the screen (it asks once when points are unspent). */
    private readonly requestEndTurn: () => void = () => this.endTurn(),
  ) {
    root.setAttribute('role', 'region');
    root.setAttribute('aria-label', t('table.moves'));
  }

  private get s() {
    return this.store.getState();
  }

  endTurn(): void {
    if (this.blocked) return;
    this.draft = null;
    this.warned = null;
    this.s.command({ type: 'endTurn' });
  }

  escape(): void {
    if (this.draft) {
      const type = this.draft.type;
      this.draft = null;
      this.focusType = type;
      this.render(this.blocked);
    }
  }

  render(blocked: boolean): void {
    this.blocked = blocked;
    const v = this.s.view;
    if (!v) return;
    if (blocked) this.root.setAttribute('inert', '');
    else this.root.removeAttribute('inert');
    this.root.classList.toggle('blocked', blocked);
    const status = this.status();
    const body = this.draft ? this.composer(v) : this.list(v);
    rerender(this.root, status, body);
    if (!blocked && this.focusType) {
      const b = this.root.querySelector<HTMLElement>(`[data-move="${this.focusType}"]`);
      b?.focus();
      this.focusType = null;
    } else if (!blocked && this.draft && !this.root.contains(document.activeElement)) {
      this.root.querySelector<HTMLElement>('.composer input, .composer button')?.focus();
    } else if (!blocked && !this.root.contains(document.activeElement)) {
      // Back from a dialog: land on the first move that can be made.
      this.root.querySelector<HTMLElement>('button.move:not([aria-disabled="true"])')?.focus();
    }
  }

  /** What the last move did (its result and the parties' answers), or why it was refused. */
  private status(): HTMLElement {
    const { refusal, lastMove, scenario, view } = this.s;
    const box = el('div', { class: 'status', role: 'status', 'aria-live': 'polite', 'data-testid': 'move-status' });
    box.append(
      el(
        'div',
        { class: 'ap' },
        el('strong', { text: t('ui.ap', { ap: view?.ap ?? 0, max: view?.apMax ?? 0 }) }),
        el('span', { class: 'hint', text: ` · ${t('ui.turnOf', { turn: view?.turn ?? 0, limit: view?.turnLimit ?? 0 })}` }),
      ),
    );
    if (refusal) box.append(el('p', { class: 'refusal', 'data-testid': 'refusal', text: t('table.refused', { reason: fmt(refusal, scenario) }) }));
    else if (this.warned && view) {
      const w = forecast(view, scenario, this.warned);
      if (w)
        box.append(
          el('p', { class: 'warning', 'data-testid': 'warning', text: t('table.warnTryAgain', { move: t(`move.${this.warned}`), reason: fmt(w, scenario) }) }),
        );
    } else if (lastMove?.result && lastMove.command.type !== 'endTurn') {
      box.append(el('p', { class: 'result', text: fmt(lastMove.result, scenario) }));
      for (const e of lastMove.entries) {
        if (e.kind === 'response') {
          box.append(
            el('p', {
              class: e.accept ? 'resp ok' : 'resp no',
              'data-testid': `response-${e.party}`,
              text: t(e.accept ? 'news.response.accept' : 'news.response.reject', {
                party: scenario?.parties.find((p) => p.id === e.party)?.short ?? e.party,
                reason: fmt(e.reason, scenario),
              }),
            }),
          );
          const prop = view?.proposals.find((p) => p.id === e.proposal);
          // The engine says how far and where as far as the party's trust lets it; below that, the mediator's own estimate.
          const short = !e.accept && e.reason.key === 'response.notEnough' && prop && view ? shortfall(view, prop, e.party) : null;
          if (short) box.append(el('p', { class: 'hint', 'data-testid': `shortfall-${e.party}`, text: fmt(short, scenario) }));
        }
      }
    }
    return box;
  }

  private list(v: View): HTMLElement {
    const moves = this.s.moves.filter((m) => m.type !== 'endTurn' && (m.type !== 'readBriefing' || m.legal));
    const end = this.s.moves.find((m) => m.type === 'endTurn');
    const detail = el('p', { class: 'detail', id: 'move-detail', 'aria-live': 'polite' });
    const grid = el('div', { class: 'grid' }, ...moves.map((m) => this.moveButton(m, detail)));
    const foot = el(
      'div',
      { class: 'foot' },
      el('button', {
        class: 'btn end',
        'data-move': 'endTurn',
        'data-k': 'endTurn',
        'data-testid': 'move-endTurn',
        'aria-disabled': end?.legal ? undefined : 'true',
        onclick: () => this.requestEndTurn(),
        text: `${t('table.endTurn')} (E)`,
      }),
    );
    void v;
    return el('div', { class: 'list' }, el('h2', { text: t('table.moves') }), grid, detail, foot);
  }

  private moveButton(m: MoveOption, detail: HTMLElement): HTMLElement {
    const reason = m.legal ? '' : fmt(m.reason, this.s.scenario);
    const risk = m.legal && this.s.view ? forecast(this.s.view, this.s.scenario, m.type) : null;
    const riskText = risk ? `⚠ ${fmt(risk, this.s.scenario)}` : '';
    const cost = m.type === 'changeVenue' ? t('ui.costAll') : t('ui.cost', { cost: m.cost });
    const info = `${t(`move.${m.type}`)} — ${cost}. ${t(`move.${m.type}.help`)}${reason ? ' ' + t('table.wouldRefuse', { reason }) : ''}${riskText ? ' ' + riskText : ''}`;
    const b = el(
      'button',
      {
        class: `move${m.legal ? '' : ' illegal'}${risk ? ' risky' : ''}`,
        'data-move': m.type,
        'data-k': `move-${m.type}`,
        'data-testid': `move-${m.type}`,
        'aria-disabled': m.legal ? undefined : 'true',
        'aria-describedby': 'move-detail',
        title: info,
        onclick: () => this.open(m),
        onfocus: () => (detail.textContent = info),
        onmouseenter: () => (detail.textContent = info),
      },
      el('span', { class: 'name', text: t(`move.${m.type}`) }),
      el('span', { class: 'why' }, el('span', { class: 'cost', text: cost }), ' · ', m.legal ? riskText || t(`move.${m.type}.help`) : reason),
    );
    return b;
  }

  private open(m: MoveOption): void {
    if (this.blocked) return;
    if (!m.legal) {
      // Disabled: say why (the engine's reason), change nothing.
      const cmd = this.fallback(m.type);
      this.s.showRefusal(m.reason ?? this.s.preview(cmd) ?? { key: 'refuse.noTarget' });
      this.focusType = m.type;
      this.render(this.blocked);
      return;
    }
    if (formOf(m.type).length === 0) {
      this.focusType = m.type;
      const risk = this.s.view ? forecast(this.s.view, this.s.scenario, m.type) : null;
      if (risk && this.warned !== m.type) {
        // Say why it cannot succeed before the point is spent; a second try makes it anyway.
        this.warned = m.type;
        this.s.clearRefusal();
        this.render(this.blocked);
        return;
      }
      this.warned = null;
      this.s.command({ type: m.type } as MediatorCommand);
      return;
    }
    this.warned = null;
    const v = this.s.view!;
    const first = m.commands[0] as Record<string, unknown> | undefined;
    const fields: Record<string, string> = {};
    for (const [k, val] of Object.entries(first ?? {})) if (typeof val === 'string' && k !== 'type') fields[k] = val;
    const agenda = new Set(v.issues.filter((i) => i.core.length > 0).map((i) => i.id));
    const onAgenda = v.agenda ?? [];
    // The form starts from the last offer: each issue's latest proposed value, else its formula,
    // else the middle of the public positions; a package includes what the last package did.
    const lastOffer = lastOffers(v);
    const terms: Record<string, number> = {};
    for (const id of onAgenda)
      terms[id] = lastOffer.values[id] ?? v.issues.find((i) => i.id === id)?.formula?.value ?? mean(v.issues.find((i) => i.id === id)?.publicPos);
    const include = new Set(lastOffer.lastPackage ? onAgenda.filter((id) => id in lastOffer.lastPackage!) : onAgenda);
    const issue = fields.issue;
    const value =
      m.type === 'proposeFormula' ? ((issue !== undefined ? (lastOffer.values[issue] ?? (first?.value as number | undefined)) : undefined) ?? 50) : 50;
    this.draft = { type: m.type, fields, agenda, terms, include, value, from: lastOffer.turn };
    this.render(this.blocked);
    this.root.querySelector<HTMLElement>('.composer input:checked, .composer input, .composer button')?.focus();
  }

  /** A stand-in command for a move with no legal target, to ask the engine why: the form's defaults. */
  private fallback(type: MoveType): MediatorCommand {
    return standIn(this.s.scenario!, null, REGISTRY[type]) as MediatorCommand;
  }

  /** The command the form describes now, field by field as the registry lists them. */
  private command(): MediatorCommand | null {
    const d = this.draft;
    if (!d) return null;
    const cmd: Record<string, unknown> = { type: d.type };
    for (const f of formOf(d.type)) {
      switch (f.kind) {
        case 'target':
        case 'choice':
          if (f.kind === 'target' && f.showWhen && d.fields[f.showWhen.field] !== f.showWhen.equals) break;
          cmd[f.name] = d.fields[f.name] ?? (f.kind === 'choice' ? f.default : '');
          break;
        case 'number':
          cmd[f.name] = d.value;
          break;
        case 'issueSet':
          cmd[f.name] = this.s.view!.issues.map((i) => i.id).filter((i) => d.agenda.has(i));
          break;
        case 'terms':
          cmd[f.name] = Object.fromEntries(Object.entries(d.terms).filter(([i]) => d.include.has(i)));
          break;
        default:
          break;
      }
    }
    return cmd as MediatorCommand;
  }

  /** The options a target field offers, as the mediator sees them. */
  private targetOptions(v: View, of: TargetKind): { value: string; label: string; hint?: string; color?: string }[] {
    const partyOpts = v.parties.map((p, i) => ({
      value: p.id,
      label: p.short,
      color: hex(partyColor(i)),
      hint: p.seat === 'walkedOut' ? `(${t('table.seat.walkedOut')})` : undefined,
    }));
    const factionOpts = (withStance: boolean) =>
      v.parties.flatMap((p, i) =>
        p.factions.map((f) => ({
          value: f.id,
          label: f.name,
          color: hex(partyColor(i)),
          hint: withStance
            ? `(${t(`table.stance.${f.stance}`)}, ${f.spoiler === 'unknown' ? '?' : t(`table.spoiler.${f.spoiler}`)})`
            : f.spoiler === 'unknown'
              ? '(?)'
              : `(${t(`table.spoiler.${f.spoiler}`)})`,
        })),
      );
    const issueOpts = (ids?: readonly string[]) => v.issues.filter((i) => !ids || ids.includes(i.id)).map((i) => ({ value: i.id, label: i.name }));
    switch (of) {
      case 'party':
        return partyOpts;
      case 'faction':
        return factionOpts(true);
      case 'external':
        return v.externals.map((e) => ({ value: e.id, label: e.name, hint: `(${t(`table.kind.${e.kind}`)})` }));
      case 'issue':
        return issueOpts();
      case 'agendaIssue':
        return issueOpts(v.agenda ?? []);
      case 'venue':
        return v.venues.map((x) => ({ value: x.id, label: x.name, hint: x.nearPrincipals ? t('table.nearPrincipals') : undefined }));
      case 'subject':
        return [...factionOpts(false), ...issueOpts()];
      default:
        return [];
    }
  }

  private composer(v: View): HTMLElement {
    const d = this.draft!;
    const s = this.s.scenario!;
    const parts: HTMLElement[] = [];
    const radios = (field: string, legend: string, options: { value: string; label: string; hint?: string; color?: string }[]) => {
      if (d.fields[field] === undefined && options[0]) d.fields[field] = options[0].value;
      parts.push(
        el(
          'fieldset',
          { class: 'radios' },
          el('legend', { text: legend }),
          ...options.map((o) =>
            el(
              'label',
              { class: `opt${d.fields[field] === o.value ? ' selected' : ''}` },
              el('input', {
                type: 'radio',
                name: field,
                value: o.value,
                'data-k': `${field}-${o.value}`,
                'data-testid': `opt-${field}-${o.value}`,
                checked: d.fields[field] === o.value,
                onchange: () => {
                  d.fields[field] = o.value;
                  if (field === 'issue' && d.type === 'proposeFormula') {
                    const iss = v.issues.find((i) => i.id === o.value);
                    d.value = lastOffers(v).values[o.value] ?? iss?.formula?.value ?? mean(iss?.publicPos);
                  }
                  this.render(this.blocked);
                },
              }),
              o.color ? el('span', { class: 'dot', style: `background:${o.color}` }) : null,
              el('span', { text: o.label }),
              o.hint ? el('span', { class: 'hint', text: ` ${o.hint}` }) : null,
            ),
          ),
        ),
      );
    };
    for (const f of formOf(d.type)) {
      switch (f.kind) {
        case 'target':
          if (f.showWhen && d.fields[f.showWhen.field] !== f.showWhen.equals) break;
          radios(f.name, t(LEGEND[f.name] ?? 'table.target'), this.targetOptions(v, f.of));
          break;
        case 'choice':
          radios(
            f.name,
            t(LEGEND[f.name] ?? 'table.target'),
            f.options.map((o) => ({ value: o, label: t(`${f.name}.${o}`) })),
          );
          break;
        case 'number': {
          const iss = v.issues.find((i) => i.id === d.fields.issue);
          if (iss) parts.push(this.slider(iss.id, d.value, (x) => (d.value = x), v));
          break;
        }
        case 'issueSet':
          parts.push(this.agendaChecks(v, d));
          break;
        case 'terms':
          for (const id of v.agenda ?? []) parts.push(this.term(v, d, id));
          break;
        default:
          break;
      }
    }
    const cmd = this.command();
    const why = cmd ? this.s.preview(cmd) : null;
    const send = el('button', { type: 'submit', class: 'btn primary', 'data-k': 'send', 'data-testid': 'send', text: t('table.send') });
    return el(
      'form',
      { class: 'composer', onsubmit: (ev: Event) => (ev.preventDefault(), this.send()) },
      el('h2', { text: t('table.compose', { move: t(`move.${d.type}`) }) }),
      el('p', { class: 'hint', text: t(`move.${d.type}.help`) }),
      el('div', { class: 'fields' }, ...parts),
      d.from !== null && (d.type === 'proposePackage' || d.type === 'proposeFormula')
        ? el('p', { class: 'from', 'data-testid': 'from-last-offer', text: t('table.fromLastOffer', { turn: d.from }) })
        : null,
      el('p', { class: why ? 'refusal' : 'ok', 'data-testid': 'preview', text: why ? t('table.wouldRefuse', { reason: fmt(why, s) }) : '' }),
      !why && forecast(v, s, d.type) ? el('p', { class: 'warning', 'data-testid': 'forecast', text: `⚠ ${fmt(forecast(v, s, d.type), s)}` }) : null,
      el(
        'div',
        { class: 'row' },
        send,
        el('button', { type: 'button', class: 'btn ghost', 'data-k': 'back', onclick: () => this.escape(), text: `${t('ui.back')} (Esc)` }),
      ),
    );
  }

  private agendaChecks(v: View, d: Draft): HTMLElement {
    return el(
      'fieldset',
      { class: 'checks' },
      el('legend', { text: t('table.agendaPick') }),
      ...v.issues.map((i) =>
        el(
          'label',
          { class: 'opt' },
          el('input', {
            type: 'checkbox',
            'data-k': `ag-${i.id}`,
            'data-testid': `agenda-${i.id}`,
            checked: d.agenda.has(i.id),
            onchange: (ev: Event) => {
              if ((ev.target as HTMLInputElement).checked) d.agenda.add(i.id);
              else d.agenda.delete(i.id);
              this.render(this.blocked);
            },
          }),
          el('span', { text: i.name }),
          i.core.length
            ? el('span', {
                class: 'hint',
                text: ` (${t('table.core', { list: i.core.map((c) => v.parties.find((p) => p.id === c)?.short ?? c).join(', ') })})`,
              })
            : null,
          i.reframed ? el('span', { class: 'hint', text: ` · ${t('table.reframed')}` }) : null,
        ),
      ),
    );
  }

  /** One issue of a package: include it or not, and its value. */
  private term(v: View, d: Draft, id: string): HTMLElement {
    const iss = v.issues.find((i) => i.id === id)!;
    return el(
      'div',
      { class: 'term' },
      el(
        'label',
        { class: 'opt' },
        el('input', {
          type: 'checkbox',
          'data-k': `inc-${id}`,
          'data-testid': `include-${id}`,
          checked: d.include.has(id),
          onchange: (ev: Event) => {
            if ((ev.target as HTMLInputElement).checked) d.include.add(id);
            else d.include.delete(id);
            this.render(this.blocked);
          },
        }),
        el('strong', { text: iss.name }),
      ),
      d.include.has(id) ? this.slider(id, d.terms[id] ?? 50, (x) => (d.terms[id] = x), v, true) : null,
    );
  }

  /** A 0..100 slider with the issue's anchors and what the mediator knows of the parties' positions. */
  private slider(issueId: string, value: number, set: (x: number) => void, v: View, compact = false): HTMLElement {
    const iss = v.issues.find((i) => i.id === issueId)!;
    const out = el('output', { class: 'value', text: String(value) });
    const input = el('input', {
      type: 'range',
      min: 0,
      max: 100,
      step: 1,
      value,
      'data-k': `val-${issueId}`,
      'data-testid': `value-${issueId}`,
      'aria-label': `${iss.name}: ${t('table.formulaValue')}`,
      'aria-valuetext': `${value}`,
      oninput: (ev: Event) => {
        const x = Number((ev.target as HTMLInputElement).value);
        set(x);
        out.textContent = String(x);
        (ev.target as HTMLInputElement).setAttribute('aria-valuetext', String(x));
      },
      onchange: () => this.render(this.blocked),
    });
    const known = v.parties.map((p, i) => {
      const k = iss.known[p.id] ?? {};
      const bits = [
        `${t('table.legend.public')} ${iss.publicPos[p.id]}`,
        k.ideal !== undefined ? t('table.knownIdeal', { value: k.ideal }) : '',
        k.reservation !== undefined ? t('table.knownRed', { value: k.reservation }) : '',
        k.weight !== undefined ? t('table.knownWeight', { value: k.weight }) : '',
      ].filter(Boolean);
      return el('li', {}, el('span', { class: 'dot', style: `background:${hex(partyColor(i))}` }), el('span', { text: `${p.short}: ${bits.join(', ')}` }));
    });
    return el(
      'div',
      { class: 'slider' },
      el('div', { class: 'row' }, input, out),
      el('div', { class: 'anchors' }, el('span', { text: `0: ${iss.low}` }), el('span', { text: `100: ${iss.high}` })),
      compact ? null : el('ul', { class: 'known' }, ...known),
    );
  }

  private send(): void {
    const cmd = this.command();
    if (!cmd) return;
    const type = cmd.type;
    const refused = this.s.command(cmd);
    if (!refused) {
      this.draft = null;
      this.focusType = type;
    }
    this.render(this.blocked);
  }
}

/** The values last offered on each issue (formulas and packages, newest wins) and the last package's terms. */
function lastOffers(v: View): { values: Record<string, number>; lastPackage: Record<string, number> | null; turn: number | null } {
  const values: Record<string, number> = {};
  let lastPackage: Record<string, number> | null = null;
  let turn: number | null = null;
  for (const p of v.proposals) {
    if ((p.kind !== 'formula' && p.kind !== 'package') || !p.terms) continue;
    Object.assign(values, p.terms);
    if (p.kind === 'package') lastPackage = p.terms;
    turn = p.turn;
  }
  return { values, lastPackage, turn };
}

function mean(pos: Record<string, number> | undefined): number {
  const xs = Object.values(pos ?? {});
  return xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : 50;
}
