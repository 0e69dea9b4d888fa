/**
 * English templates for every `debrief.` key the debrief emits (i18next style, {{name}}
 * placeholders). The front end merges these into its catalogue; other languages translate them.
 * A unit test checks that every key the debrief can emit is here.
 */
export const DEBRIEF_MESSAGES: Record<string, string> = {
  // ---- outcome ----
  'debrief.outcome.durable': 'Durable agreement: signed, implemented and verified.',
  'debrief.outcome.notImplemented': 'Agreement signed but not implemented.',
  'debrief.outcome.partial': 'Partial agreement: some terms were agreed, but the process did not carry them through.',
  'debrief.outcome.suspended': 'Talks suspended when the game ended.',
  'debrief.outcome.collapsed': 'The process collapsed without an agreement.',
  'debrief.history.further': 'Your process got further than the real one.',
  'debrief.history.same': 'Your process reached the same phase as the real one.',
  'debrief.history.shorter': 'The real process got further than yours.',

  // ---- the seven sins ----
  'debrief.sin.ignorance.name': 'Ignorance',
  'debrief.sin.ignorance.better': 'Read the briefing, study the earlier rounds, consult experts on a faction before engaging it and explore an issue before proposing terms on it.',
  'debrief.sin.ignorance.noBriefing': 'Turn {{turn}}: you started without reading the briefing.',
  'debrief.sin.ignorance.spoilerUnstudied': 'Turn {{turn}}: you engaged {{faction}} without first asking experts what kind of spoiler it is.',
  'debrief.sin.ignorance.issueUnexplored': 'Turn {{turn}}: you proposed terms on {{issue}} before exploring what the parties really need on it.',
  'debrief.sin.ignorance.noHistory': 'You never studied the earlier rounds of talks.',

  'debrief.sin.arrogance.name': 'Arrogance',
  'debrief.sin.arrogance.better': 'After a refusal, go back to the parties in caucus and listen before tabling anything again.',
  'debrief.sin.arrogance.repeatedJointSession': 'Turn {{turn}}: you called another joint session right after the one on turn {{previous}} backfired, without a caucus in between.',
  'debrief.sin.arrogance.repeatedProposal': 'Turn {{turn}}: you tabled another {{kind}} right after the one on turn {{previous}} was rejected, without a caucus in between.',
  'debrief.sin.arrogance.notConsulted': 'Turn {{turn}}: {{party}} rejected a {{kind}} it had not been consulted on in this phase.',

  'debrief.sin.partiality.name': 'Partiality',
  'debrief.sin.partiality.better': 'Give every party comparable time, criticise only when a party has given cause, and engage the patrons of every side.',
  'debrief.sin.partiality.attention': 'Turn {{turn}}: another caucus with {{favoured}} ({{favouredCount}} in all, against {{neglectedCount}} with {{neglected}}).',
  'debrief.sin.partiality.oneSidedCriticism': 'Turn {{turn}}: public criticism of {{party}}, the only party you ever criticised ({{count}} times).',
  'debrief.sin.partiality.onePatronSide': 'Turn {{turn}}: you engaged {{actor}}, a patron of {{party}}, but never the other side\'s patrons ({{ignored}}).',

  'debrief.sin.impotence.name': 'Impotence',
  'debrief.sin.impotence.better': 'Build leverage before you need it: engage outside powers and hardline factions early, and go to a party that walks out.',
  'debrief.sin.impotence.unengagedSanctions': 'Turn {{turn}}: sanctions by {{actor}} hit {{target}}, and you had not engaged {{actor}}.',
  'debrief.sin.impotence.unengagedSpoiler': 'Turn {{turn}}: {{actor}} struck, and you had never engaged it.',
  'debrief.sin.impotence.walkOutUnanswered': 'Turn {{turn}}: {{party}} walked out and you never met it while talks were suspended.',

  'debrief.sin.haste.name': 'Haste',
  'debrief.sin.haste.better': 'Check each phase\'s criteria before calling the next; meet face to face only when mutual trust allows; study issues before tabling terms.',
  'debrief.sin.haste.nextPhaseRefused': 'Turn {{turn}}: you called for the next phase while still in {{phase}}, before its criteria held.',
  'debrief.sin.haste.signingFailed': 'Turn {{turn}}: you called for signing before the parties could carry it.',
  'debrief.sin.haste.jointBackfired': 'Turn {{turn}}: a joint session before there was enough mutual trust backfired.',
  'debrief.sin.haste.termsOnDayOne': 'Turn {{turn}}: terms on the first day of negotiation, on issues nobody had studied ({{issues}}).',

  'debrief.sin.inflexibility.name': 'Inflexibility',
  'debrief.sin.inflexibility.better': 'When terms are refused, change them; reframe an issue a party will not accept as put; change format or venue when talks stall.',
  'debrief.sin.inflexibility.repeatedTerms': 'Turn {{turn}}: the same terms on {{issue}} ({{value}}) again, already rejected on turn {{previous}}.',
  'debrief.sin.inflexibility.notReframed': 'Turn {{turn}}: {{party}} rejected the agenda again over {{issue}}, which you had not reframed.',
  'debrief.sin.inflexibility.stuck': 'Turns {{from}}–{{turn}}: {{turns}} turns without progress in {{phase}}, with no change of format or venue.',

  'debrief.sin.falsePromises.name': 'False promises',
  'debrief.sin.falsePromises.better': 'Tell the parties and the public that progress will be slow; promise only the backing you have secured.',
  'debrief.sin.falsePromises.unkeptOptimism': 'Turn {{turn}}: an optimistic statement with no progress in the {{turns}} turns that followed.',
  'debrief.sin.falsePromises.refusedBacking': 'Turn {{turn}}: you asked {{actor}} for a {{ask}} and it refused.',

  // ---- Norway's hallmarks ----
  'debrief.hallmark.ownership.name': 'The parties own the process',
  'debrief.hallmark.ownership.earned': '{{owned}} of {{total}} proposals were accepted after you had heard every party in caucus.',
  'debrief.hallmark.ownership.missed': 'Only {{owned}} of {{total}} proposals were accepted after you had heard every party in caucus.',
  'debrief.hallmark.talkToEveryone.name': 'Talk to everyone',
  'debrief.hallmark.talkToEveryone.earned': 'You met all {{parties}} parties, {{factions}} faction(s) and {{externals}} outside actor(s).',
  'debrief.hallmark.talkToEveryone.missed': 'You met {{heard}} of {{parties}} parties, {{factions}} faction(s) and {{externals}} outside actor(s).',
  'debrief.hallmark.discretion.name': 'Discretion',
  'debrief.hallmark.discretion.earned': 'You kept the talks confidential: {{statements}} public statement(s), none during the exploratory contacts.',
  'debrief.hallmark.discretion.missed': '{{statements}} public statement(s) (discretion allows {{allowed}}), {{early}} during the exploratory contacts, {{optimistic}} optimistic.',
  'debrief.hallmark.impartialNotNeutral.name': 'Impartial, not neutral',
  'debrief.hallmark.impartialNotNeutral.earned': 'Even-handed attention ({{balance}}% balance), yet firm {{firmness}} time(s) when a party or faction gave cause.',
  'debrief.hallmark.impartialNotNeutral.missed': 'Attention balance {{balance}}%, firm {{firmness}} time(s): impartial means even-handed and still willing to call out what breaks the process.',
  'debrief.hallmark.longTermCommitment.name': 'Long-term commitment',
  'debrief.hallmark.longTermCommitment.returned': 'You kept working through {{suspensions}} suspension(s) until the parties returned.',
  'debrief.hallmark.longTermCommitment.monitoring': 'You carried the process into monitoring.',
  'debrief.hallmark.longTermCommitment.missed': 'The process neither weathered a suspension nor reached monitoring.',
};
