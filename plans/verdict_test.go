package plans

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestVerdictOf(t *testing.T) {
	gaps := func(n int) []SkillGap { return make([]SkillGap, n) }
	tests := []struct {
		name string
		plan Plan
		want Verdict
	}{
		{"fewer than half assessed", Plan{Readiness: Readiness{Total: 24, Assessed: 11}},
			Verdict{"onboarding", "onboarding: first assessment due"}},
		{"half assessed is not onboarding", Plan{Readiness: Readiness{Total: 24, Assessed: 12}},
			Verdict{"ready-soon", "ready in 6-12 months"}},
		{"below the current bar", Plan{Readiness: Readiness{Total: 24, Assessed: 24, Gap: 2, Below: gaps(2)}, Current: Readiness{Below: gaps(2)}},
			Verdict{"not-yet", "not yet: below the current bar on 2 skills"}},
		{"more than 6 levels to close", Plan{Readiness: Readiness{Total: 24, Assessed: 24, Gap: 7, Below: gaps(7)}},
			Verdict{"not-yet", "not yet: 7 levels to close"}},
		{"6 levels to close", Plan{Readiness: Readiness{Total: 24, Assessed: 24, Gap: 6, Below: gaps(6)}},
			Verdict{"ready-soon", "ready in 6-12 months"}},
		{"at every bar, 2 unassessed", Plan{Readiness: Readiness{Total: 24, Assessed: 22}},
			Verdict{"ready-now", "ready now"}},
		{"at every bar, 3 unassessed", Plan{Readiness: Readiness{Total: 24, Assessed: 21}},
			Verdict{"ready-soon", "ready in 6-12 months"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, VerdictOf(&tt.plan)); diff != "" {
				t.Errorf("verdict (-want +got):\n%s", diff)
			}
		})
	}
}
