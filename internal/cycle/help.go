package cycle

// The help of `coach promo` and `coach calibrate`, kept beside what they
// build.

// PromoDescription is the help of `coach promo`.
const PromoDescription = `promo writes the case a manager brings to a promotion round: a summary; the time
in the current role, from the history's role changes; for every skill of the
target role's bar, the level, since when it has been at or above the bar
(from the history of the skill file) and the evidence that shows it; the
goals delivered in the last two review periods; the reasons not to promote
yet; and the sponsor (the manager), the chair (the manager's manager) and
the sponsor's peers, who calibrate it. --all refreshes every case written
in promotions/; with --check it fails when one is stale, as plan --check
does. A repository's templates/promo.md.tmpl replaces the built-in template.

Examples:
   coach promo nora
   coach promo nora --stdout
   coach promo --all --check       # in CI: exit 1 with a diff when a case is stale

Exit status: 0 ok, 1 a skill file with errors, an unknown person, a stale or
missing case (--check) or a case edited by hand, 2 wrong usage.`

// CalibrateDescription is the help of `coach calibrate`.
const CalibrateDescription = `calibrate writes the packet a leader takes into a calibration or promotion
round: the promotion candidates with links to their cases; the questions to
settle in the room; per role, each person's standing against their role's
bar and their target's, their readiness and since when they have been at
the target's bar; the managers whose people sit far above or below the
others' (as coach team computes it); the baselines awaiting calibration; and
the assessments older than the review cycle. With --under ID it covers the
organisation under that person or leader and writes calibration/ID.md;
with --role ID only the people holding that role. --check fails when the
committed packet is stale. A repository's templates/calibrate.md.tmpl
replaces the built-in template.

Examples:
   coach calibrate
   coach calibrate --under sam-lee --role pm --stdout
   coach calibrate --format json

Exit status: 0 ok, 1 a skill file with errors, an unknown --under or --role,
a stale or missing packet (--check) or one edited by hand, 2 wrong usage.`
