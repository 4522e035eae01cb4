package selfreview

// Usage and Description are the help of `coach self`.
const Usage = "write the form of a self-review for a quarter"

const Description = `self NAME writes self/PERIOD/NAME.md, the form of NAME's self-review of the
quarter: what I did, the evidence I would cite (started from the evidence in
NAME's skill file dated in the quarter), where I think I stand, and what I
want next. The person fills it in and commits it; the manager reads it beside
their own review of the quarter, and the pull request's summary (coach diff)
says a self-review was added.

The file is created, never written over: one that exists may hold the
self-review already. --force replaces it with a blank form.

Examples:
   coach self alice                      # this quarter
   coach self alice --period 2026-Q3

Exit status: 0 ok, 1 an unknown person or a self-review that exists (without
--force), 2 wrong usage (a period that is not a quarter), 130 interrupted.`
