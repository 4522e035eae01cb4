package plans

import "testing"

// TestStretchTryOnTheGoalReadsTheBar: for a focus past the target's bar,
// a week's try on the person's goal is read as the plan reads the goal, at
// the bar; a try on other work is read against the level above it, the
// stretch (issue 20, point 3).
func TestStretchTryOnTheGoalReadsTheBar(t *testing.T) {
	f := Focus{SkillRef: SkillRef{ID: "s", Name: "Vision and product strategy"}, Expect: 3, StretchPast: "Senior Product Manager",
		Level: LevelText{Value: 3, Name: "Proficient"},
		Next:  LevelText{Value: 4, Name: "Leading", Descriptor: "Sets the strategy for an area that spans several teams."}}
	for _, tt := range []struct{ on, want string }{
		{" on the two-page strategy", "Vision and product strategy: what your first try on the two-page strategy changed."},
		{"", "In vision and product strategy, did your first try show you as someone who “sets the strategy for an area that spans several teams”, as 4 Leading asks?"},
	} {
		if got := levelShows(f, tt.on); got != tt.want {
			t.Errorf("levelShows(%q):\n got %q\nwant %q", tt.on, got, tt.want)
		}
	}
}
