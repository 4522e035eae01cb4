package plans

import (
	"fmt"
	"time"
)

// Verdict is a plan's readiness for the target role, in a word (Kind) and
// in the plan's own words (Text).
type Verdict struct {
	Kind string `json:"kind"`
	Text string `json:"text"`
}

// VerdictOf judges p's readiness for its target role. Kind is "onboarding"
// when fewer than half the skills are assessed or the person joined (the
// skill file's joined date) within 90 days before the assessment; a new
// plan period is not a new hire; "not-yet" when an assessed skill is
// below the current role's bar or more than 6 levels are left to close to the
// target; "ready-now" when no assessed skill is below the target's bar and
// at most 2 skills are unassessed; "ready-soon" otherwise.
func VerdictOf(p *Plan) Verdict {
	if p.Current.Assessed*2 < p.Current.Total {
		return Verdict{Kind: "onboarding", Text: "onboarding"}
	}
	if start, err := time.Parse(time.DateOnly, p.Person.Joined); err == nil {
		if today, err := time.Parse(time.DateOnly, p.Today.Date); err == nil &&
			!start.After(today) && !start.Before(today.AddDate(0, 0, -90)) {
			return Verdict{Kind: "onboarding", Text: "onboarding"}
		}
	}
	if n := len(p.Current.Below); n > 0 {
		word := "skills"
		if n == 1 {
			word = "skill"
		}
		return Verdict{Kind: "not-yet", Text: fmt.Sprintf("not yet: below the current bar on %d %s", n, word)}
	}
	if p.Readiness.Gap > 6 {
		return Verdict{Kind: "not-yet", Text: fmt.Sprintf("not yet: %d levels to close", p.Readiness.Gap)}
	}
	if len(p.Readiness.Below) == 0 && p.Readiness.Total-p.Readiness.Assessed <= 2 {
		return Verdict{Kind: "ready-now", Text: "ready now"}
	}
	return Verdict{Kind: "ready-soon", Text: "ready in 6-12 months"}
}
