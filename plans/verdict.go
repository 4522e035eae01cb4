package plans

import "fmt"

// Verdict is a plan's readiness for the target role, in one word and one
// line: Kind is "ready-now", "ready-soon", "not-yet" or "onboarding".
type Verdict struct {
	Kind string `json:"kind"`
	Text string `json:"text"`
}

// VerdictOf judges p's readiness for its target role. Fewer than half the
// skills assessed is onboarding; any assessed skill below the current role's
// bar, or more than 6 levels to close to the target, is not yet; nothing below
// the target's bar with at most 2 skills unassessed is ready now; anything
// else is ready in 6-12 months.
func VerdictOf(p *Plan) Verdict {
	total := p.Readiness.Total
	if p.Readiness.Assessed*2 < total {
		return Verdict{Kind: "onboarding", Text: "onboarding: first assessment due"}
	}
	if n := len(p.Current.Below); n > 0 {
		return Verdict{Kind: "not-yet", Text: fmt.Sprintf("not yet: below the current bar on %d skills", n)}
	}
	if p.Readiness.Gap > 6 {
		return Verdict{Kind: "not-yet", Text: fmt.Sprintf("not yet: %d levels to close", p.Readiness.Gap)}
	}
	if len(p.Readiness.Below) == 0 && total-p.Readiness.Assessed <= 2 {
		return Verdict{Kind: "ready-now", Text: "ready now"}
	}
	return Verdict{Kind: "ready-soon", Text: "ready in 6-12 months"}
}
