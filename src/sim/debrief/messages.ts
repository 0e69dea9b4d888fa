/**
 * English templates for every `debrief.` key the debrief emits (i18next style, {{name}}
 * placeholders). The front end merges these into its catalogue; other languages translate them.
 * A unit test checks that every key the debrief can emit is here.
 */
export const DEBRIEF_MESSAGES: Record<string, string> = {
  // ---- outcome ----
  'debrief.outcome.durable': 'Durable agreement: signed, implemented and verified.',
  'debrief.outcome.notImplemented': 'Agreement signed but not implemented.',
  'debrief.outcome.partial': 'Partial agreement: terms every party accepted are on the table, not yet signed (the game was stopped before its end).',
  'debrief.outcome.suspended': 'Talks suspended when the game ended.',
  'debrief.outcome.collapsed': "No agreement: the process ended without the parties' signatures.",
  'debrief.ending.concluded': 'Turn {{turn}}: the agreement was implemented and the process concluded.',
  'debrief.ending.broken': 'Turn {{turn}}: the signed agreement broke down during implementation.',
  'debrief.ending.timedOut':
    'Turn {{turn}}: time ran out before every party signed ({{signed}} of {{parties}} signatures; terms accepted on {{agreed}} of {{agenda}} agenda items).',
  'debrief.ending.walkedOut': 'Turn {{turn}}: the process collapsed while a party stayed away from the table.',
  'debrief.ending.exhausted': 'Turn {{turn}}: the process broke down before anything was signed.',
  'debrief.ending.inProgress': 'The game was stopped before its end.',
  'debrief.history.further': 'Your process got further than the real one.',
  'debrief.history.same': 'Your process reached the same phase as the real one.',
  'debrief.history.shorter': 'The real process got further than yours.',

  // ---- the seven sins ----
  'debrief.sin.more': '…and {{count}} more time(s), on turn(s) {{turns}}.',
  'debrief.sin.moreUntimed': '…and {{count}} more.',
  'debrief.sin.ignorance.name': 'Ignorance',
  'debrief.sin.ignorance.better':
    'Read the briefing, study the earlier rounds, consult experts on a faction before engaging it and explore an issue before proposing terms on it.',
  'debrief.sin.ignorance.noBriefing': 'Turn {{turn}}: you started acting without reading the briefing.',
  'debrief.sin.ignorance.spoilerUnstudied': 'Turn {{turn}}: you engaged {{faction}} without first asking experts what kind of spoiler it is.',
  'debrief.sin.ignorance.issueUnexplored': 'Turn {{turn}}: you proposed terms on {{issue}} before exploring what the parties really need on it.',
  'debrief.sin.ignorance.noHistory': 'You never studied the earlier rounds of talks.',

  'debrief.sin.arrogance.name': 'Arrogance',
  'debrief.sin.arrogance.better': 'After a refusal, go back to the parties in caucus and listen before tabling anything again.',
  'debrief.sin.arrogance.repeatedJointSession':
    'Turn {{turn}}: you called another joint session right after the one on turn {{previous}} backfired, without a caucus in between.',
  'debrief.sin.arrogance.repeatedProposal':
    'Turn {{turn}}: you tabled another {{kind}} right after the one on turn {{previous}} was rejected, without a caucus in between.',
  'debrief.sin.arrogance.notConsulted': 'Turn {{turn}}: {{party}} rejected a {{kind}} it had not been consulted on in this phase.',

  'debrief.sin.partiality.name': 'Partiality',
  'debrief.sin.partiality.better': 'Give every party comparable time, criticise only when a party has given cause, and engage the patrons of every side.',
  'debrief.sin.partiality.attention':
    'Turn {{turn}}: another caucus with {{favoured}} ({{favouredCount}} in all, against {{neglectedCount}} with {{neglected}}).',
  'debrief.sin.partiality.oneSidedCriticism': 'Turn {{turn}}: public criticism of {{party}}, the only party you ever criticised ({{count}} times).',
  'debrief.sin.partiality.onePatronSide': "Turn {{turn}}: you engaged {{actor}}, a patron of {{party}}, but never the other side's patrons ({{ignored}}).",

  'debrief.sin.impotence.name': 'Impotence',
  'debrief.sin.impotence.better': 'Build leverage before you need it: engage outside powers and hardline factions early, and go to a party that walks out.',
  'debrief.sin.impotence.unengagedSanctions': 'Turn {{turn}}: sanctions by {{actor}} hit {{target}}, and you had not engaged {{actor}}.',
  'debrief.sin.impotence.unengagedSpoiler': 'Turn {{turn}}: {{actor}} struck, and you had never engaged it.',
  'debrief.sin.impotence.walkOutUnanswered': 'Turn {{turn}}: {{party}} walked out and you never met it while talks were suspended.',

  'debrief.sin.haste.name': 'Haste',
  'debrief.sin.haste.better':
    "Check each phase's criteria before calling the next; meet face to face only when mutual trust allows; study issues before tabling terms.",
  'debrief.sin.haste.nextPhaseRefused': 'Turn {{turn}}: you called for the next phase while still in {{phase}}, before its criteria held.',
  'debrief.sin.haste.signingFailed': 'Turn {{turn}}: you called for signing before the parties could carry it.',
  'debrief.sin.haste.jointBackfired': 'Turn {{turn}}: a joint session before there was enough mutual trust backfired.',
  'debrief.sin.haste.termsOnDayOne': 'Turn {{turn}}: terms on the first day of negotiation, on issues nobody had studied ({{issues}}).',

  'debrief.sin.inflexibility.name': 'Inflexibility',
  'debrief.sin.inflexibility.better':
    'When terms are refused, change them; reframe an issue a party will not accept as put; change format or venue when talks stall.',
  'debrief.sin.inflexibility.repeatedTerms': 'Turn {{turn}}: the same terms on {{issue}} ({{value}}) again, already rejected on turn {{previous}}.',
  'debrief.sin.inflexibility.notReframed': 'Turn {{turn}}: {{party}} rejected the agenda again over {{issue}}, which you had not reframed.',
  'debrief.sin.inflexibility.stuck':
    "Turns {{from}}–{{turn}}: {{turns}} turns without progress in {{phase}}, with no change of format, venue or terms and nothing new learned of the parties' interests.",

  'debrief.sin.falsePromises.name': 'False promises',
  'debrief.sin.falsePromises.better': 'Tell the parties and the public that progress will be slow; promise only the backing you have secured.',
  'debrief.sin.falsePromises.unkeptOptimism': 'Turn {{turn}}: an optimistic statement with no progress in the {{turns}} turns that followed.',
  'debrief.sin.falsePromises.refusedBacking': 'Turn {{turn}}: you asked {{actor}} for a {{ask}} and it refused.',

  // ---- Norway's hallmarks ----
  'debrief.hallmark.ownership.name': 'The parties own the process',
  'debrief.hallmark.ownership.earned': '{{owned}} of the {{total}} proposals the parties accepted came after you had heard every party in that phase.',
  'debrief.hallmark.ownership.missed': 'Only {{owned}} of the {{total}} proposals the parties accepted came after you had heard every party in that phase.',
  'debrief.hallmark.ownership.contradicted':
    'Terms were pressed on parties that had not been heard (arrogance), so the process was not theirs ({{owned}} of {{total}} accepted proposals came after hearing everyone).',
  'debrief.hallmark.talkToEveryone.name': 'Talk to everyone',
  'debrief.hallmark.talkToEveryone.earned': 'You met all {{parties}} parties, {{factions}} faction(s) and {{externals}} outside actor(s).',
  'debrief.hallmark.talkToEveryone.missed':
    'You met {{heard}} of {{parties}} parties, {{factions}} faction(s) and {{externals}} outside actor(s), reaching the patrons of {{sides}} of {{patronSides}} side(s).',
  'debrief.hallmark.talkToEveryone.contradicted':
    "You met {{heard}} of {{parties}} parties and {{externals}} outside actor(s), but neglected a party or courted one side's patrons only (partiality).",
  'debrief.hallmark.discretion.name': 'Discretion',
  'debrief.hallmark.discretion.earned': 'You kept the talks confidential: {{statements}} public statement(s), none during the exploratory contacts.',
  'debrief.hallmark.discretion.leaked':
    'You were discreet ({{statements}} public statement(s)), but the talks leaked {{leaks}} time(s): confidentiality did not hold.',
  'debrief.hallmark.discretion.missed':
    '{{statements}} public statement(s) (discretion allows {{allowed}}), {{early}} during the exploratory contacts, {{optimistic}} optimistic.',
  'debrief.hallmark.impartialNotNeutral.name': 'Impartial, not neutral',
  'debrief.hallmark.impartialNotNeutral.earned':
    'Even-handed attention ({{balance}}% balance), yet firm {{firmness}} time(s) when a party or faction gave cause.',
  'debrief.hallmark.impartialNotNeutral.contradicted':
    'The debrief names partiality, so the parties could not see you as impartial (attention balance {{balance}}%).',
  'debrief.hallmark.impartialNotNeutral.missed':
    'Attention balance {{balance}}%, firm {{firmness}} time(s): impartial means even-handed and still willing to call out what breaks the process.',
  'debrief.hallmark.longTermCommitment.name': 'Long-term commitment',
  'debrief.hallmark.longTermCommitment.returned': 'You kept working through {{suspensions}} suspension(s) until the parties returned.',
  'debrief.hallmark.longTermCommitment.monitoring': 'You carried the process into monitoring.',
  'debrief.hallmark.longTermCommitment.missed': 'The process neither weathered a suspension nor reached monitoring.',
  'debrief.hallmark.longTermCommitment.contradicted': '{{unanswered}} walk-out(s) went unanswered: you did not go to the party that left.',

  // ---- what went well ----
  'debrief.well.spoiler': 'Turn {{turn}}: you handled {{faction}} the right way ({{approach}}) after asking experts what kind of spoiler it was.',
  'debrief.well.inject': 'Turn {{turn}}: you answered “{{inject}}” as the exercise expected, in time.',

  // ---- stalling ----
  'debrief.stalling.detected': '{{party}} was stalling: it kept up appearances while playing for time, and you saw through it.',
  'debrief.stalling.detectedAt':
    '{{party}} was stalling: it kept up appearances while playing for time. You saw through it on turn {{turn}} by studying the earlier rounds ({{signs}} turn(s) in which it showed).',
  'debrief.stalling.missed': '{{party}} was stalling: it kept up appearances while playing for time, and you did not see through it.',
  'debrief.stalling.missedSigns':
    '{{party}} was stalling: it kept up appearances while playing for time, and you never studied the earlier rounds that would have shown it ({{signs}} turn(s) in which it showed).',
};
