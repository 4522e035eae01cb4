package cycle

import (
	"errors"
	"time"
)

// ReviewUsage and ReviewDescription are the help of `coach review`.
const ReviewUsage = "write a person's review of a period to reviews/PERIOD/NAME.md"

const ReviewDescription = `review writes the review of a period, read from the skill file as it stood
at the period's end and from its history: the levels that moved, each with
the evidence behind it, its day and who rated it (the manager the file named
then; a baseline said as one, not as growth); the goals met, dropped,
overdue and open, with their dates; the evidence of the period by skill;
where the person's own levels and the manager's differ; two or three
strengths, each with evidence behind it, and two or three areas to improve,
each against the bar it falls short of, never one beyond the target's (for
someone at the target's bar, its levels nothing from work shows yet; none
in a new hire's first 90 days, and a level rated down on a return from leave
a refresh, not an area); the readiness verdict and how it moved
since the last assessment before the period; the plan's focus for the next period; how
much peer feedback came in (a count, never what it says); and, when the
person wrote one, their self-review of the same quarter beside it.

A period is a quarter (--period 2026-Q4, the default being this quarter) or
any stretch of days (--since 2026-11-10 --until 2027-02-10), which is named
2026-11-10-to-2027-02-10 unless it is exactly a quarter. A development
plan's review date leads to the review of the quarter that holds it.

The manager writes their own words between the coach:manager marks. coach
starts each of those sections with a draft from the same files (the goals
met and the work of the period, the strengths with their examples and the
areas, the next period's focus and the manager's part), marked as a draft.
coach writes a review once; run again, it rewrites the rest from the files,
and a draft nobody edited with it, and keeps what is written between the
marks. It refuses a review edited by hand
outside them; --force replaces those edits and still keeps the marked
sections. A repository's templates/review.md.tmpl replaces the built-in
template.

Examples:
   coach review alice --period 2026-Q4
   coach review --all --period 2026-Q4
   coach review alice --since 2026-11-10 --until 2027-02-10 --stdout

Exit status: 0 ok, 1 a skill file with errors, an unknown person, a review
edited by hand outside its marked sections (without --force), 2 wrong usage.`

// PeriodFrom reads the period of --period, or --since and --until; with
// none, the quarter holding today.
func PeriodFrom(period, since, until string, today time.Time) (Period, error) {
	switch {
	case period != "" && (since != "" || until != ""):
		return Period{}, errors.New("give --period or --since and --until, not both")
	case (since == "") != (until == ""):
		return Period{}, errors.New("--since and --until go together")
	case since != "":
		return PeriodBetween(since, until)
	case period != "":
		return QuarterPeriod(period)
	}
	return QuarterOf(today), nil
}
